using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Generators.Validation;
using static Datamancy.Config.Generators.Rendering.SecurityAuditRenderer;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Audit items for the real-stack freedoms (issue 12): every one that can weaken the hardened default is listed with its reason.
    /// Paths inside code spans are written as they are: their grammar (validated before anything renders) has no backtick.
    /// </summary>
    internal static class SecurityAuditExtras
    {
        public static AuditItem ResourceLimits(StackModel stack)
        {
            var more = stack.Settings.More;
            var details = new List<string> { "Stack default: memory " + more.DefaultMemory + ", CPUs " + more.DefaultCpus + ", pids " + more.DefaultPids + " (`[Stack(DefaultMemory, DefaultCpus, DefaultPids)]`)." };
            var onDefault = stack.Ordered().Where(s => s.Resources.IsStackDefault && !s.Extras.NoResourceLimit).Select(s => s.Name).ToList();
            details.Add("On the stack default: " + (onDefault.Count == 0 ? "none" : string.Join(", ", onDefault)) + ".");
            var status = "pass";
            foreach (var s in stack.Ordered())
            {
                if (s.Extras.NoResourceLimit)
                {
                    var justified = ValueRules.IsJustification(s.Extras.ResourceJustification);
                    status = justified ? status : "fail";
                    details.Add(s.Name + ": no memory and CPU limit" + (justified ? ", justified: " + Markdown.Escape(s.Extras.ResourceJustification!) : ", NOT justified"));
                }
                else if (!s.Resources.IsStackDefault && ComposeExtras.Limits(stack, s) is { } limits)
                {
                    details.Add(s.Name + ": memory " + limits.Memory + ", CPUs " + limits.Cpus + ", pids " + limits.Pids + ".");
                }
                if (s.Extras.Gpu is { } gpu)
                {
                    details.Add(s.Name + ": reserves " + (gpu.Count == 0 ? "all" : gpu.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " " + gpu.Driver + " GPU(s) (" + string.Join(", ", gpu.Capabilities) + "): device access to the host's GPUs.");
                }
            }
            return new AuditItem("Resource limits on every service", status, details);
        }

        public static AuditItem Exceptions(StackModel stack)
        {
            var details = new List<string>();
            var status = "pass";
            void Add(ServiceModel s, string what, string? justification, string? note = null)
            {
                var justified = ValueRules.IsJustification(justification);
                status = justified ? status : "fail";
                details.Add(s.Name + ": " + what + (justified ? ", justified: " + Markdown.Escape(justification!) : ", NOT justified (not rendered)") + (note is null ? string.Empty : " " + note));
            }
            foreach (var s in stack.Ordered())
            {
                foreach (var file in s.Extras.EnvFiles)
                {
                    Add(s, "`env_file: " + file.Path + "`", file.Justification,
                        "Its contents are not checked: the secrets in it are not tracked, generated or rotated by this library, and its variables can override the service's.");
                }
                foreach (var v in s.Volumes.Where(v => v.IsHostPath || v.SourceVariable is not null))
                {
                    Add(s, "bind mount `" + ComposeExtras.Source(v) + "` → `" + v.Target + "`" + (v.ReadOnly ? " (read-only)" : " (writable)"), v.Justification);
                }
                foreach (var host in s.Extras.ExtraHosts)
                {
                    Add(s, "`extra_hosts: " + host.Host + ":" + host.Address + "`", host.Justification);
                }
                if (s.Extras.Dns is { } dns)
                {
                    Add(s, "`dns: " + string.Join(", ", dns.Servers) + "`", dns.Justification);
                }
                if (s.DockerSocket?.SourceVariable is { } socket)
                {
                    details.Add(s.Name + ": the docker socket's path is chosen by `" + socket + "` (unset: " + ComposeRenderer.DockerSocket + ").");
                }
            }
            if (details.Count == 0)
            {
                details.Add("No env files, host paths outside the stack folder, host entries or DNS overrides.");
            }
            return new AuditItem("Explicit exceptions to the hardened default", status, details);
        }

        /// <summary>The service's built image: the base image's tag is checked when declared; the Dockerfile itself is not read.</summary>
        public static string BuildPart(AuditPartInput input)
        {
            var s = input.Service;
            if (s.Extras.Build is not { } b)
            {
                return string.Empty;
            }
            return AuditChecklistParts.Line(s.Name + ": built from `" + b.Context + "`" + (b.BaseImage is { } baseImage
                ? ", base image `" + baseImage + "`" + (ValueRules.IsPinned(baseImage) ? string.Empty : " (not pinned)")
                : ", base image not declared: the FROM line of the Dockerfile is not checked (declare BaseImage)"));
        }
    }
}
