using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Fragments;
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

        /// <summary>The hosts' SSO lines are the services' (<see cref="UiPart"/>, <see cref="EveryUserPart"/>); the status reads every UI host.</summary>
        private static AuditItem UisBehindSso(StackModel stack)
        {
            var status = Pass;
            foreach (var s in stack.Ordered())
            {
                if (s.Ui is { } ui && ui.Sso != SsoMode.ForwardAuth && !ValueRules.IsJustification(ui.Justification))
                {
                    status = Fail;
                }
            }
            var everyUser = new PartSection("\n- No [AllowedGroups], so every authenticated user of the directory is admitted (DMC4005): ", ", ", string.Empty, string.Empty, EquatableArray<string>.Empty);
            return new AuditItem("All UIs behind SSO", status, new List<string>(),
                new AuditSection(AuditChecklistParts.Lines("The stack has no UI hosts."), new List<string>()),
                new AuditSection(everyUser, new List<string>()));
        }

        /// <summary>The service's UI host: who may reach it and who enforces it.</summary>
        internal static string UiPart(AuditPartInput input)
        {
            if (input.Service.Ui is not { } ui)
            {
                return string.Empty;
            }
            var hosts = input.Hosts!;
            return AuditChecklistParts.Line(ui.Sso switch
            {
                SsoMode.ForwardAuth => AuditTexts.ForwardAuth(hosts, ui),
                SsoMode.Oidc => AuditTexts.AppOidc(hosts, input.Service, ui),
                _ => hosts.Fqdn(ui.Subdomain) + ": public" + (ValueRules.IsJustification(ui.Justification) ? ", justified: " + Markdown.Escape(ui.Justification!) : ", NOT justified"),
            });
        }

        /// <summary>The service's UI host when it is behind SSO and admits any user of the directory (an item of one line).</summary>
        internal static string EveryUserPart(AuditPartInput input) =>
            input.Service.Ui is { Sso: not SsoMode.Public, Groups.Count: 0 } ui ? input.Hosts!.Fqdn(ui.Subdomain) : string.Empty;

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

        /// <summary>The API hosts' lines are the services' (<see cref="ApiHostPart"/>); nothing here fails.</summary>
        private static AuditItem ApiHosts(StackModel stack) =>
            new("Machine APIs behind an allowlist and a key", Pass, new List<string>(),
                new AuditSection(AuditChecklistParts.Lines("The stack has no machine-API hosts."), new List<string>()));

        /// <summary>The service's API host: how Caddy admits a request.</summary>
        internal static string ApiHostPart(AuditPartInput input)
        {
            if (input.Service.Api is not { } api)
            {
                return string.Empty;
            }
            var hosts = input.Hosts!;
            return AuditChecklistParts.Line(hosts.Fqdn(api.Subdomain) + ": " + (api.ClientCredentials ? "no session login" : "no forward_auth") + "; allowlist `" + api.AllowlistVariable + "` (unset: "
                + string.Join(" ", api.DefaultAllowlist) + ", enforced by Caddy)" + (api.ApiKeySecret is null ? string.Empty : "; API key `" + api.ApiKeySecret + "` (Caddy requires an `Authorization: Bearer` header; the application checks the key)")
                + (api.ClientCaFile is null ? string.Empty : "; mTLS (Caddy verifies the client certificate against `" + api.ClientCaFile + "`)")
                + (api.ClientCredentials ? "; " + AuditTexts.ClientCredentials(hosts, input.Service) : string.Empty));
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

        /// <summary>
        /// A checklist item: its heading, status and stack-level lines (<see cref="Details"/>), then its per-service
        /// sections, each followed by stack-level lines of its own.
        /// </summary>
        internal sealed class AuditItem
        {
            public AuditItem(string title, string status, List<string> details, params AuditSection[] sections)
            {
                Title = title;
                Status = status;
                Details = details;
                Sections = sections;
            }

            public string Title { get; }
            public string Status { get; }
            public List<string> Details { get; }
            public IReadOnlyList<AuditSection> Sections { get; }
        }

        /// <summary>A per-service section of an item (the services' lines, <see cref="AuditChecklistParts"/>) and the stack-level lines after it.</summary>
        internal sealed class AuditSection
        {
            public AuditSection(PartSection frame, List<string> after)
            {
                Frame = frame;
                After = after;
            }

            public PartSection Frame { get; }
            public List<string> After { get; }
        }
    }
}
