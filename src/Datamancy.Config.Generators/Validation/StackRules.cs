using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>The rules that need the whole stack: roles, hosts, networks and shared resources.</summary>
    internal static class StackRules
    {
        public static void Check(StackModel stack, List<Finding> findings)
        {
            CheckSettings(stack.Settings, findings);
            CheckRoles(stack, findings);
            CheckNamesAndHosts(stack, findings);
            CheckNetworks(stack, findings);
            CheckSharedVolumes(stack, findings);
        }

        private static void CheckSettings(StackSettings settings, List<Finding> findings)
        {
            var who = "Stack '" + ServiceRules.Shown(settings.Name) + "'";
            void Invalid(string key, string argument, string reason) =>
                findings.Add(Finding.For(Descriptors.InvalidValue, null, key, who, argument, reason));

            if (!ValueRules.IsServiceName(settings.Name))
            {
                Invalid("Stack.Name", "name '" + ServiceRules.Shown(settings.Name) + "'", "use lower-case letters, digits, '-' or '_'");
            }
            if (!ValueRules.IsDomain(settings.Domain))
            {
                Invalid("Stack.Domain", "domain '" + ServiceRules.Shown(settings.Domain) + "'", "use a lower-case DNS name with at least two labels, such as 'example.com'");
            }
            if (!ValueRules.IsHost(settings.PortalHost))
            {
                Invalid("Stack.PortalHost", "PortalHost '" + ServiceRules.Shown(settings.PortalHost) + "'", "use lower-case DNS labels");
            }
            if (settings.AcmeEmail is null)
            {
                findings.Add(Finding.For(Descriptors.AcmeWithoutEmail, null, "Stack", settings.Name));
            }
            else if (!ValueRules.IsEmail(settings.AcmeEmail))
            {
                Invalid("Stack.AcmeEmail", "AcmeEmail '" + ServiceRules.Shown(settings.AcmeEmail) + "'", "use an address such as 'admin@example.com'");
            }
        }

        private static void CheckRoles(StackModel stack, List<Finding> findings)
        {
            var ingresses = stack.Services.Where(s => s.Role == ServiceRole.Ingress).ToList();
            if (ingresses.Count != 1)
            {
                var target = ingresses.Count > 1 ? ingresses[1] : null;
                findings.Add(Finding.For(Descriptors.IngressMisconfigured, target, target is null ? "Stack" : "Service.Role",
                    ingresses.Count == 0
                        ? "The stack has no ingress; mark the Caddy service with Role = ServiceRole.Ingress"
                        : "Service '" + target!.Name + "': the stack already has the ingress '" + ingresses[0].Name + "'; Caddy is the only ingress"));
            }
            foreach (var ingress in ingresses)
            {
                if (!ImageIsCaddy(ingress.Image))
                {
                    findings.Add(Finding.For(Descriptors.IngressMisconfigured, ingress, "Service.Image",
                        "Service '" + ingress.Name + "': the ingress must be Caddy (an image named 'caddy'), not '" + ServiceRules.Shown(ingress.Image) + "'"));
                }
                for (var i = 0; i < ingress.Ports.Count; i++)
                {
                    var p = ingress.Ports[i];
                    var allowed = p.HostPort == p.ContainerPort && (p.HostPort == 443 || (p.HostPort == 80 && p.Protocol == Protocol.Tcp));
                    if (!allowed)
                    {
                        findings.Add(Finding.For(Descriptors.IngressMisconfigured, ingress, SiteKeys.Of("Publish", i, "Port"),
                            "Service '" + ingress.Name + "': the ingress publishes only 80/tcp and 443/tcp+udp, not " + p.HostPort + ":" + p.ContainerPort));
                    }
                }
            }

            var needsSso = stack.Services.Any(s => s.Ui is { Sso: not SsoMode.Public } || s.Api is { ClientCredentials: true });
            var ssos = stack.Services.Where(s => s.Role == ServiceRole.Sso).ToList();
            if (ssos.Count > 1)
            {
                findings.Add(Finding.For(Descriptors.SsoProviderMissing, ssos[1], "Service.Role",
                    "Service '" + ssos[1].Name + "': the stack already has the SSO provider '" + ssos[0].Name + "'"));
            }
            else if (ssos.Count == 0 && needsSso)
            {
                findings.Add(Finding.For(Descriptors.SsoProviderMissing, null, "Stack",
                    "Hosts use SSO but no service has Role = ServiceRole.Sso (Authelia)"));
            }
            var directories = stack.Services.Where(s => s.Role == ServiceRole.Directory).ToList();
            if (ssos.Count == 1 && directories.Count != 1)
            {
                findings.Add(Finding.For(Descriptors.SsoProviderMissing, directories.Count > 1 ? directories[1] : ssos[0], "Service.Role",
                    "Service '" + ssos[0].Name + "': Authelia needs exactly one LDAP directory (Role = ServiceRole.Directory), found " + directories.Count));
            }
            foreach (var sso in ssos.Where(s => s.Port == 0))
            {
                findings.Add(Finding.For(Descriptors.RoutedServiceWithoutPort, sso, "Service", sso.Name, stack.Settings.PortalHost));
            }
        }

        private static void CheckNamesAndHosts(StackModel stack, List<Finding> findings)
        {
            var names = new Dictionary<string, ServiceModel>();
            var hosts = new Dictionary<string, string>();
            if (stack.Services.Any(s => s.Role == ServiceRole.Sso))
            {
                hosts[stack.Settings.PortalHost] = "(the SSO portal)";
            }
            foreach (var s in stack.Services)
            {
                if (names.TryGetValue(s.Name, out var other))
                {
                    findings.Add(Finding.For(Descriptors.DuplicateNameOrHost, s, "Service.Name", s.Name, "service name", s.Name, other.TypeName));
                }
                else
                {
                    names[s.Name] = s;
                }
                void Claim(string host, string key)
                {
                    if (hosts.TryGetValue(host, out var owner))
                    {
                        findings.Add(Finding.For(Descriptors.DuplicateNameOrHost, s, key, s.Name, "host", host, owner));
                    }
                    else
                    {
                        hosts[host] = s.Name;
                    }
                }
                if (s.Ui is { } ui)
                {
                    Claim(ui.Subdomain, "UiHost.Subdomain");
                }
                if (s.Api is { } api)
                {
                    Claim(api.Subdomain, s.Api.Subdomain == "api." + s.Name ? "ApiHost" : "ApiHost.Subdomain");
                }
                if (s.Ui is { Sso: not SsoMode.Public, Policy: AuthPolicy.OneFactor } weak && stack.Settings.DefaultPolicy == AuthPolicy.TwoFactor)
                {
                    findings.Add(Finding.For(Descriptors.WeakUiPolicy, s, "UiHost.Policy", s.Name, weak.Subdomain));
                }
            }
        }

        private static void CheckNetworks(StackModel stack, List<Finding> findings)
        {
            foreach (var s in stack.Services)
            {
                if (s.Role == ServiceRole.Database)
                {
                    if ((s.Networks & Network.Frontend) != 0)
                    {
                        findings.Add(Finding.For(Descriptors.DatabaseOnFrontend, s, "Service.Networks", s.Name));
                    }
                    if (s.Ui is { } ui)
                    {
                        findings.Add(Finding.For(Descriptors.DatabaseHasHost, s, "UiHost", s.Name, ui.Subdomain));
                    }
                    if (s.Api is { } api)
                    {
                        findings.Add(Finding.For(Descriptors.DatabaseHasHost, s, "ApiHost", s.Name, api.Subdomain));
                    }
                }
                if (s.Networks == Network.None)
                {
                    findings.Add(Finding.For(Descriptors.InvalidValue, s, "Service.Networks", "Service '" + s.Name + "'", "Networks", "every service joins at least one network"));
                }
                var routed = s.Ui?.Subdomain ?? s.Api?.Subdomain;
                if (routed is not null || s.Role is ServiceRole.Ingress or ServiceRole.Sso)
                {
                    if ((s.Networks & Network.Frontend) == 0)
                    {
                        findings.Add(Finding.For(Descriptors.UpstreamUnreachable, s, "Service.Networks", s.Name, routed ?? stack.Settings.PortalHost));
                    }
                    if (routed is not null && s.Port == 0)
                    {
                        findings.Add(Finding.For(Descriptors.RoutedServiceWithoutPort, s, s.Ui is not null ? "UiHost" : "ApiHost", s.Name, routed));
                    }
                }
            }
        }

        private static void CheckSharedVolumes(StackModel stack, List<Finding> findings)
        {
            var owners = new Dictionary<string, string>();
            foreach (var s in stack.Services)
            {
                for (var i = 0; i < s.Volumes.Count; i++)
                {
                    var v = s.Volumes[i];
                    if (v.IsBind)
                    {
                        continue;
                    }
                    if (owners.TryGetValue(v.Source, out var owner) && owner != s.Name)
                    {
                        findings.Add(Finding.For(Descriptors.SharedVolume, s, SiteKeys.Of("Volume", i, "Source"), s.Name, v.Source, owner));
                    }
                    else
                    {
                        owners[v.Source] = s.Name;
                    }
                }
            }
        }

        private static bool ImageIsCaddy(string image)
        {
            var path = image.Split('@')[0];
            var lastSlash = path.LastIndexOf('/');
            var name = path.Substring(lastSlash + 1).Split(':')[0];
            return name == "caddy";
        }
    }
}
