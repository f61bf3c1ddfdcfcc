using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// The KICS docker-compose queries that can still fire on one service's generated compose block, each with the reason it
    /// stays. Published ports always carry a host address (INGRESS_BIND_IP), so "Container Traffic Not Bound To Host
    /// Interface" cannot fire; hardening keys are always written, so their queries cannot fire either.
    /// </summary>
    internal static class AuditExceptions
    {
        /// <summary>The service's exceptions in the audit's order: query, then its reason (Markdown).</summary>
        public static IEnumerable<(string Query, string Reason)> Of(AuditPartInput input)
        {
            var s = input.Service;
            if (s.Ports.Any(p => p.HostPort < 1024 || p.ContainerPort < 1024))
            {
                yield return ("Privileged Ports Mapped In Container",
                    s.Role == ServiceRole.Ingress ? "the ingress terminates TLS on the standard ports 80 and 443." : Markdown.Escape(s.Ports.First().Justification ?? string.Empty));
            }
            foreach (var e in s.Elevations.Where(ElevationRules.IsJustified))
            {
                var reason = "`" + ElevationRules.ComposeForm(e) + "`, justified: " + Markdown.Escape(e.Justification!);
                yield return (KicsQuery(e.Kind), reason);
                // KICS reads these two elevations a second time: host networking leaves no 'networks' key, and
                // any security_opt entry besides no-new-privileges counts against "No New Privileges Not Set".
                if (e.Kind == Elevation.HostNetwork)
                {
                    yield return ("Networks Not Set", "network_mode: host replaces the stack's networks; " + reason);
                }
                if (e.Kind == Elevation.SeccompUnconfined)
                {
                    yield return ("No New Privileges Not Set", "security_opt also holds seccomp:unconfined; " + reason);
                }
            }
            if (input.NoNetwork)
            {
                yield return ("Networks Not Set", "network_mode: none: nothing uses the service and it uses nothing, so it joins no network (least-privilege links).");
            }
            if (s.DockerSocket is not null)
            {
                var caps = s.Capabilities is null ? "no capabilities" : string.Join(",", s.Capabilities.Capabilities);
                yield return ("Docker Socket Mounted In Container", s.Role == ServiceRole.SocketProxy
                    ? "read-only mount by the socket proxy, which offers the other services an allowlisted Docker API."
                    : "read-only mount for the declared capabilities `" + caps + "`; consider a socket proxy with an API allowlist.");
            }
            // A source chosen by a variable is rendered as ${VARIABLE:-path}; the scanner sees no host directory there.
            var sensitive = s.Volumes.Concat(input.AddedMounts).Where(v => v.IsBind && v.SourceVariable is null && IsOsDirectory(v.Source)).Select(v => "`" + Markdown.Escape(v.Source) + "`").ToList();
            var socket = s.DockerSocket is null || s.DockerSocket.SourceVariable is not null ? new List<string>() : new List<string> { "`" + ComposeRenderer.DockerSocket + "` (the declared docker socket)" };
            if (socket.Count > 0 || sensitive.Count > 0)
            {
                yield return ("Volume Has Sensitive Host Directory", "host paths under OS directories, mounted by declaration: " + string.Join(", ", socket.Concat(sensitive)) + ".");
            }
            if (s.Healthcheck is null)
            {
                yield return ("Healthcheck Not Set", s.Extras.Job is not null
                    ? "a one-shot [Job] runs to completion; dependents wait for service_completed_successfully instead."
                    : "no [Healthcheck] is declared (warning " + Diagnostics.DiagnosticIds.MissingHealthcheck + "); dependents cannot wait for it to be healthy.");
            }
            if (input.Unlimited)
            {
                var reason = "no memory and CPU limit, justified: " + Markdown.Escape(s.Extras.ResourceJustification ?? string.Empty);
                yield return ("Memory Not Limited", reason);
                yield return ("Cpus Not Limited", reason);
            }
            if (input.Shared.Count > 0)
            {
                yield return ("Shared Volumes Between Containers", string.Join("; ", input.Shared) + ".");
            }
        }

        /// <summary>The KICS docker-compose query that reports the privilege.</summary>
        private static string KicsQuery(Elevation kind) => kind switch
        {
            Elevation.Privileged => "Privileged Containers Enabled",
            Elevation.HostNetwork => "Shared Host Network Namespace",
            Elevation.HostPid => "Host Namespace is Shared",
            Elevation.HostIpc => "Shared Host IPC Namespace",
            Elevation.HostUserns => "Shared Host User Namespace",
            Elevation.CapAdd => "Container Capabilities Unrestricted",
            _ => "Default Seccomp Profile Disabled",
        };

        // KICS common_lib.isOSDir: "/" or a path that starts with one of these.
        private static readonly string[] OsDirectories =
            { "/bin", "/sbin", "/boot", "/cdrom", "/dev", "/etc", "/home", "/lib", "/media", "/proc", "/root", "/run", "/seLinux", "/srv", "/usr", "/var", "/sys" };

        private static bool IsOsDirectory(string path) => path == "/" || OsDirectories.Any(d => path.StartsWith(d, System.StringComparison.Ordinal));
    }
}
