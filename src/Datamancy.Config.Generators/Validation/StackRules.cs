using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>The rules that need the whole stack: one ingress and one SSO provider, unique names and hosts, the stack's policy, shared volumes.</summary>
    internal static class StackRules
    {
        public static void Check(StackModel stack, List<Finding> findings)
        {
            CheckRoles(stack, findings);
            CheckNamesAndHosts(stack, findings);
            CheckNetworks(stack, findings);
            CheckSharedVolumes(stack, findings);
            ReachabilityRules.Check(stack, findings);
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
            var variableNames = new Dictionary<string, ServiceModel>();
            foreach (var s in stack.Services)
            {
                var variableName = Parsing.EnvNames.FromServiceName(s.Name);
                if (names.TryGetValue(s.Name, out var other))
                {
                    findings.Add(Finding.For(Descriptors.DuplicateNameOrHost, s, "Service.Name", s.Name, "service name", s.Name, other.TypeName));
                }
                else if (variableNames.TryGetValue(variableName, out var twin))
                {
                    // open-webui and open_webui would share DATAMANCY_UPSTREAM_OPEN_WEBUI and API_OPEN_WEBUI_ALLOWLIST.
                    findings.Add(Finding.For(Descriptors.DuplicateNameOrHost, s, "Service.Name", s.Name, "variable name of the service", variableName, twin.Name));
                }
                else
                {
                    names[s.Name] = s;
                    variableNames[variableName] = s;
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
            // A routed host is reachable when its service shares a network with the ingress, whichever network that is:
            // a UI on 'backend' is fine when the ingress joins 'backend' too. Without one ingress DMC1006 already fires.
            var ingress = stack.Services.FirstOrDefault(s => s.Role == ServiceRole.Ingress);
            if (ingress is null || ingress.Networks == Network.None)
            {
                return;
            }
            foreach (var s in stack.Services.Where(s => s != ingress))
            {
                var routed = s.Ui?.Subdomain ?? s.Api?.Subdomain ?? (s.Role == ServiceRole.Sso ? stack.Settings.PortalHost : null);
                if (routed is not null && s.Networks != Network.None && (s.Networks & ingress.Networks) == 0)
                {
                    findings.Add(Finding.For(Descriptors.UpstreamUnreachable, s, "Service.Networks", s.Name, routed, ingress.Name, NetworkNames(ingress.Networks)));
                }
            }
        }

        /// <summary>The compose names of a set of networks, for messages: <c>frontend, backend</c>.</summary>
        internal static string NetworkNames(Network networks) =>
            string.Join(", ", new[] { Network.Frontend, Network.Backend, Network.Database }.Where(n => (networks & n) != 0).Select(n => n.ToString().ToLowerInvariant()));

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
    }
}
