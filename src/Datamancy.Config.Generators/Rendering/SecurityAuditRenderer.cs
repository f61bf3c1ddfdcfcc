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

        public static string Render(StackModel stack)
        {
            var items = new List<AuditItem>
            {
                UisBehindSso(stack),
                Operations.OperationsAudit.SecondFactor(stack),
                Operations.OperationsAudit.Secrets(stack),
                Ports(stack),
                Operations.OperationsAudit.Backups(stack),
                Capabilities(stack),
                Operations.OperationsAudit.Images(stack),
                ApiHosts(stack),
                Databases(stack),
                DockerSocket(stack),
                RuntimeChannelsAudit.Item(stack),
                SecurityAuditExtras.ResourceLimits(stack),
                SecurityAuditExtras.Exceptions(stack),
                Kubernetes.KubernetesAudit.Links(stack),
            };
            if (stack.Settings.Kubernetes)
            {
                items.Add(Kubernetes.KubernetesAudit.PodSecurityItem(stack));
            }
            return ScribanTemplates.Render("SecurityAudit.sbn", new
            {
                StackName = stack.Settings.Name,
                Items = items,
                Exceptions = Exceptions(stack),
                Acknowledged = AuditAcknowledgements.Of(stack),
            });
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

        // The KICS docker-compose queries that can still fire on generated compose, each with the reason it stays.
        // Published ports always carry a host address (INGRESS_BIND_IP), so "Container Traffic Not Bound To Host
        // Interface" cannot fire; hardening keys are always written, so their queries cannot fire either.
        private static List<ScannerException> Exceptions(StackModel stack)
        {
            var exceptions = new List<ScannerException>();
            var volumeUsers = stack.Ordered()
                .SelectMany(s => ComposeRenderer.Mounts(stack, s).Where(v => !v.IsBind).Select(v => (Volume: v.Source, Service: s.Name)))
                .GroupBy(x => x.Volume)
                .ToDictionary(g => g.Key, g => g.Select(x => x.Service).Distinct().ToList());
            foreach (var s in stack.Ordered())
            {
                if (s.Ports.Any(p => p.HostPort < 1024 || p.ContainerPort < 1024))
                {
                    exceptions.Add(new ScannerException("Privileged Ports Mapped In Container", s.Name,
                        s.Role == ServiceRole.Ingress ? "the ingress terminates TLS on the standard ports 80 and 443." : Markdown.Escape(s.Ports.First().Justification ?? string.Empty)));
                }
                foreach (var e in s.Elevations.Where(ElevationRules.IsJustified))
                {
                    var reason = "`" + ElevationRules.ComposeForm(e) + "`, justified: " + Markdown.Escape(e.Justification!);
                    exceptions.Add(new ScannerException(KicsQuery(e.Kind), s.Name, reason));
                    // KICS reads these two elevations a second time: host networking leaves no 'networks' key, and
                    // any security_opt entry besides no-new-privileges counts against "No New Privileges Not Set".
                    if (e.Kind == Elevation.HostNetwork)
                    {
                        exceptions.Add(new ScannerException("Networks Not Set", s.Name, "network_mode: host replaces the stack's networks; " + reason));
                    }
                    if (e.Kind == Elevation.SeccompUnconfined)
                    {
                        exceptions.Add(new ScannerException("No New Privileges Not Set", s.Name, "security_opt also holds seccomp:unconfined; " + reason));
                    }
                }
                if (stack.Settings.Layout == NetworkLayout.PerLink && !s.Elevations.Any(e => e.Kind == Elevation.HostNetwork && ElevationRules.IsJustified(e))
                    && Links.ComposeNetworks.Of(stack, s, Links.StackLinks.All(stack)).Count == 0)
                {
                    exceptions.Add(new ScannerException("Networks Not Set", s.Name, "network_mode: none: nothing uses the service and it uses nothing, so it joins no network (least-privilege links)."));
                }
                if (s.DockerSocket is not null)
                {
                    var caps = s.Capabilities is null ? "no capabilities" : string.Join(",", s.Capabilities.Capabilities);
                    exceptions.Add(new ScannerException("Docker Socket Mounted In Container", s.Name, s.Role == ServiceRole.SocketProxy
                        ? "read-only mount by the socket proxy, which offers the other services an allowlisted Docker API."
                        : "read-only mount for the declared capabilities `" + caps + "`; consider a socket proxy with an API allowlist."));
                }
                // A source chosen by a variable is rendered as ${VARIABLE:-path}; the scanner sees no host directory there.
                var sensitive = ComposeRenderer.Mounts(stack, s).Where(v => v.IsBind && v.SourceVariable is null && IsOsDirectory(v.Source)).Select(v => "`" + Markdown.Escape(v.Source) + "`").ToList();
                var socket = s.DockerSocket is null || s.DockerSocket.SourceVariable is not null ? new List<string>() : new List<string> { "`" + ComposeRenderer.DockerSocket + "` (the declared docker socket)" };
                if (socket.Count > 0 || sensitive.Count > 0)
                {
                    exceptions.Add(new ScannerException("Volume Has Sensitive Host Directory", s.Name,
                        "host paths under OS directories, mounted by declaration: " + string.Join(", ", socket.Concat(sensitive)) + "."));
                }
                if (s.Healthcheck is null)
                {
                    exceptions.Add(new ScannerException("Healthcheck Not Set", s.Name, s.Extras.Job is not null
                        ? "a one-shot [Job] runs to completion; dependents wait for service_completed_successfully instead."
                        : "no [Healthcheck] is declared (warning " + Diagnostics.DiagnosticIds.MissingHealthcheck + "); dependents cannot wait for it to be healthy."));
                }
                if (ComposeExtras.Limits(stack, s) is null)
                {
                    var reason = "no memory and CPU limit, justified: " + Markdown.Escape(s.Extras.ResourceJustification ?? string.Empty);
                    exceptions.Add(new ScannerException("Memory Not Limited", s.Name, reason));
                    exceptions.Add(new ScannerException("Cpus Not Limited", s.Name, reason));
                }
                var shared = Operations.SharedVolumes.Reasons(stack, s, volumeUsers).ToList();
                if (shared.Count > 0)
                {
                    exceptions.Add(new ScannerException("Shared Volumes Between Containers", s.Name, string.Join("; ", shared) + "."));
                }
            }
            return exceptions;
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

        internal sealed class ScannerException
        {
            public ScannerException(string query, string service, string reason)
            {
                Query = query;
                Service = service;
                Reason = reason;
            }

            public string Query { get; }
            public string Service { get; }
            public string Reason { get; }
        }
    }
}
