using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Renders SECURITY-AUDIT.md: the guide's checklist, each item evaluated from the model.</summary>
    internal static class SecurityAuditRenderer
    {
        private const string Pass = "pass";
        private const string Fail = "fail";

        /// <summary>The whole file, put together from the same pieces the pipeline renders one by one (<see cref="Fragments.AuditParts"/>).</summary>
        public static string Render(StackModel stack) => Fragments.TextParts.Render(Fragments.AuditParts.Plan(stack));

        /// <summary>The checklist's items, each evaluated from the model.</summary>
        internal static List<AuditItem> Items(StackModel stack) => Checklist(stack).Select(item => item(stack)).ToList();

        /// <summary>What evaluates each of the stack's checklist items, in the checklist's order.</summary>
        internal static IEnumerable<System.Func<StackModel, AuditItem>> Checklist(StackModel stack)
        {
            yield return UisBehindSso;
            yield return Operations.OperationsAudit.SecondFactor;
            yield return Operations.OperationsAudit.Secrets;
            yield return Ports;
            yield return Operations.OperationsAudit.Backups;
            yield return Capabilities;
            yield return Operations.OperationsAudit.Images;
            yield return ApiHosts;
            yield return Databases;
            yield return DockerSocket;
            yield return RuntimeChannelsAudit.Item;
            yield return SecurityAuditExtras.ResourceLimits;
            yield return SecurityAuditExtras.Exceptions;
            yield return Kubernetes.KubernetesAudit.Links;
            if (stack.Settings.Kubernetes)
            {
                yield return Kubernetes.KubernetesAudit.PodSecurityItem;
            }
        }

        private static AuditItem UisBehindSso(StackModel stack)
        {
            var details = new List<string>();
            var status = Pass;
            foreach (var s in stack.Ordered().Where(s => s.Ui is not null))
            {
                var ui = s.Ui!;
                var host = stack.Fqdn(ui.Subdomain);
                switch (ui.Sso)
                {
                    case SsoMode.ForwardAuth:
                        details.Add(AuditTexts.ForwardAuth(stack, ui));
                        break;
                    case SsoMode.Oidc:
                        var acknowledged = ValueRules.IsJustification(ui.Justification);
                        status = acknowledged ? status : Fail;
                        details.Add(AuditTexts.AppOidc(stack, s, ui));
                        break;
                    default:
                        var justified = ValueRules.IsJustification(ui.Justification);
                        status = justified ? status : Fail;
                        details.Add(host + ": public" + (justified ? ", justified: " + Markdown.Escape(ui.Justification!) : ", NOT justified"));
                        break;
                }
            }
            if (details.Count == 0)
            {
                details.Add("The stack has no UI hosts.");
            }
            details.AddRange(AuditTexts.EveryUser(stack));
            return new AuditItem("All UIs behind SSO", status, details);
        }

        private static AuditItem Ports(StackModel stack)
        {
            var details = new List<string>();
            var status = Pass;
            foreach (var s in stack.Ordered().Where(s => s.Ports.Count > 0))
            {
                foreach (var p in s.Ports)
                {
                    var port = p.HostPort + "/" + (p.Protocol == Protocol.Udp ? "udp" : "tcp");
                    if (s.Role == ServiceRole.Ingress)
                    {
                        details.Add(s.Name + " publishes " + port + " (the ingress)");
                    }
                    else if (ValueRules.IsJustification(p.Justification))
                    {
                        details.Add(s.Name + " publishes " + port + ", justified: " + Markdown.Escape(p.Justification!));
                    }
                    else
                    {
                        status = Fail;
                        details.Add(s.Name + " publishes " + port + " without a justification");
                    }
                }
            }
            if (details.Count == 0)
            {
                details.Add("No service publishes a port.");
            }
            return new AuditItem("Only necessary ports exposed", status, details);
        }

        private static AuditItem Capabilities(StackModel stack)
        {
            var details = new List<string>();
            var status = Pass;
            foreach (var s in stack.Ordered().Where(s => s.Capabilities is not null))
            {
                var caps = s.Capabilities!;
                if (caps.Capabilities.Count == 0)
                {
                    status = Fail;
                    details.Add(s.Name + ": `" + caps.Variable + "` is empty, which allows everything");
                    continue;
                }
                details.Add(s.Name + ": `" + caps.Variable + "=" + string.Join(",", caps.Capabilities) + "`"
                    + (caps.Justification is null ? string.Empty : ", justified: " + Markdown.Escape(caps.Justification)));
            }
            if (details.Count == 0)
            {
                details.Add("No service declares a capability allowlist.");
            }
            return new AuditItem("Capability policy minimized for KFuncDB", status, details);
        }

        private static AuditItem ApiHosts(StackModel stack)
        {
            var details = new List<string>();
            foreach (var s in stack.Ordered().Where(s => s.Api is not null))
            {
                var api = s.Api!;
                details.Add(stack.Fqdn(api.Subdomain) + ": " + (api.ClientCredentials ? "no session login" : "no forward_auth") + "; allowlist `" + api.AllowlistVariable + "` (unset: "
                    + string.Join(" ", api.DefaultAllowlist) + ", enforced by Caddy)" + (api.ApiKeySecret is null ? string.Empty : "; API key `" + api.ApiKeySecret + "` (Caddy requires an `Authorization: Bearer` header; the application checks the key)")
                    + (api.ClientCaFile is null ? string.Empty : "; mTLS (Caddy verifies the client certificate against `" + api.ClientCaFile + "`)")
                    + (api.ClientCredentials ? "; " + AuditTexts.ClientCredentials(stack, s) : string.Empty));
            }
            if (details.Count == 0)
            {
                details.Add("The stack has no machine-API hosts.");
            }
            return new AuditItem("Machine APIs behind an allowlist and a key", Pass, details);
        }

        private static AuditItem Databases(StackModel stack)
        {
            var databases = stack.Ordered().Where(s => s.Role == ServiceRole.Database).ToList();
            var details = databases.Select(s => s.Name + ": networks " + string.Join(", ", s.Networks.NetworkNames()) + ", ports published: " + s.Ports.Count).ToList();
            details.Add("The `database` network is internal.");
            var ok = databases.All(s => s.Ports.Count == 0 && (s.Networks & Network.Frontend) == 0);
            return new AuditItem("Database ports not exposed", ok ? Pass : Fail, details);
        }

        private static AuditItem DockerSocket(StackModel stack)
        {
            var mounts = stack.Ordered().Where(s => s.DockerSocket is not null).ToList();
            var details = mounts.Select(s => s.Name + ": " + (s.DockerSocket!.ReadOnly ? "read-only" : "WRITABLE")).ToList();
            if (mounts.Count == 0)
            {
                details.Add("No service mounts the docker socket.");
            }
            else
            {
                details.Add(stack.Services.FirstOrDefault(s => s.Role == ServiceRole.SocketProxy) is { } proxy
                    ? "`" + proxy.Name + "` is the socket proxy: other services reach Docker through its API allowlist."
                    : "A read-only socket still exposes the Docker API; a socket proxy with an API allowlist is stronger.");
            }
            return new AuditItem("Docker socket read-only", mounts.All(s => s.DockerSocket!.ReadOnly) ? Pass : Fail, details);
        }

        internal sealed class AuditItem
        {
            public AuditItem(string title, string status, List<string> details)
            {
                Title = title;
                Status = status;
                Details = details;
            }

            public string Title { get; }
            public string Status { get; }
            public List<string> Details { get; }
        }
    }
}
