using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering.Links
{
    /// <summary>A port a service listens on, as another service (or the internet) opens it.</summary>
    internal sealed record ListenPort(int Number, Protocol Protocol)
    {
        public string ProtocolName => Protocol == Protocol.Udp ? "UDP" : "TCP";

        public override string ToString() => Number.ToString(CultureInfo.InvariantCulture) + "/" + ProtocolName.ToLowerInvariant();
    }

    /// <summary>
    /// One directed link: <paramref name="Client"/> opens connections to <paramref name="Target"/> on <paramref name="Port"/>.
    /// <paramref name="Why"/> says where it comes from (a declaration or a role); <paramref name="SiteKey"/> is the argument that declared it.
    /// </summary>
    internal sealed record ServiceLink(ServiceModel Client, ServiceModel Target, ListenPort Port, string Why, string SiteKey);

    /// <summary>
    /// The links of a stack: declared ones (<c>[Uses]</c>, <c>[DependsOn]</c>) and those the roles imply (the ingress routes to
    /// its upstreams and to the SSO portal; the SSO provider reads the directory and the session store; OIDC clients reach the
    /// portal host through the ingress). Compose networks and Kubernetes NetworkPolicies are both rendered from this list,
    /// and both are tested against it.
    /// </summary>
    internal static class StackLinks
    {
        public const string OidcBackChannel = "OIDC back-channel to the portal host";

        /// <summary>The ports a service accepts connections on: the ingress's published ports, or the service's port.</summary>
        public static IReadOnlyList<ListenPort> Ports(ServiceModel service)
        {
            if (service.Role == ServiceRole.Ingress)
            {
                return service.Ports.Select(p => new ListenPort(p.ContainerPort, p.Protocol)).Distinct().ToList();
            }
            if (service.Role == ServiceRole.Cache && service.Port == 0)
            {
                return new[] { new ListenPort(6379, Protocol.Tcp) }; // the port the Authelia configuration assumes for the session store
            }
            return service.Port > 0 ? new[] { new ListenPort(service.Port, Protocol.Tcp) } : System.Array.Empty<ListenPort>();
        }

        /// <summary>A declared link before it is resolved: who declared it, the target type and the argument.</summary>
        public sealed record Declared(ServiceModel Client, string TargetType, string Attribute, string SiteKey);

        public static IEnumerable<Declared> DeclaredLinks(ServiceModel service)
        {
            for (var i = 0; i < service.DependsOn.Count; i++)
            {
                if (service.DependsOn[i].Condition == DependencyCondition.CompletedSuccessfully)
                {
                    continue; // waiting for a [Job] to exit orders the start; the dependent never connects to it
                }
                yield return new Declared(service, service.DependsOn[i].TypeName, "DependsOn", SiteKeys.Of("DependsOn", i, "Service"));
            }
            for (var i = 0; i < service.Uses.Count; i++)
            {
                yield return new Declared(service, service.Uses[i], "Uses", SiteKeys.Of("Uses", i, "Service"));
            }
        }

        /// <summary>Every link, once per (client, target, port), in a stable order; links to a service without a port or to itself are left to the rules.</summary>
        /// <remarks>Computed once per model instance (renderers ask for it per service).</remarks>
        public static IReadOnlyList<ServiceLink> All(StackModel stack) => StackMemo.Of(stack).Links;

        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<ServiceLink>, Dictionary<string, List<ServiceLink>>> ByService = new();

        /// <summary>
        /// The links whose client or target is the named service, in the order of <paramref name="links"/> (what
        /// <c>links.Where(l =&gt; l.Client.Name == name || l.Target.Name == name)</c> yields), from an index built once per
        /// list instance: renderers ask for every service, which scanning the list each time made quadratic.
        /// </summary>
        public static IReadOnlyList<ServiceLink> Touching(IReadOnlyList<ServiceLink> links, string name)
        {
            var index = ByService.GetValue(links, static all =>
            {
                var byName = new Dictionary<string, List<ServiceLink>>(System.StringComparer.Ordinal);
                void Add(string key, ServiceLink link)
                {
                    if (!byName.TryGetValue(key, out var list))
                    {
                        byName[key] = list = new List<ServiceLink>();
                    }
                    list.Add(link);
                }
                foreach (var link in all)
                {
                    Add(link.Client.Name, link);
                    if (link.Target.Name != link.Client.Name)
                    {
                        Add(link.Target.Name, link);
                    }
                }
                return byName;
            });
            return index.TryGetValue(name, out var touching) ? touching : (IReadOnlyList<ServiceLink>)System.Array.Empty<ServiceLink>();
        }

        internal static IReadOnlyList<ServiceLink> Compute(StackModel stack)
        {
            var byType = new Dictionary<string, ServiceModel>(System.StringComparer.Ordinal);
            foreach (var service in stack.Services)
            {
                if (!byType.ContainsKey(service.TypeName))
                {
                    byType[service.TypeName] = service;
                }
            }
            var links = new List<ServiceLink>();
            void Add(ServiceModel client, ServiceModel target, string why, string site)
            {
                if (ReferenceEquals(client, target) || client.Name == target.Name)
                {
                    return;
                }
                foreach (var port in Ports(target))
                {
                    links.Add(new ServiceLink(client, target, port, why, site));
                }
            }
            foreach (var service in stack.Ordered())
            {
                foreach (var declared in DeclaredLinks(service))
                {
                    if (byType.TryGetValue(declared.TargetType, out var target))
                    {
                        Add(service, target, "declared ([" + declared.Attribute + "])", declared.SiteKey);
                    }
                }
            }
            if (stack.WithRole(ServiceRole.Ingress) is { } ingress)
            {
                foreach (var routed in stack.Ordered().Where(s => s.Ui is not null || s.Api is not null))
                {
                    Add(ingress, routed, "routes " + string.Join(", ", new[] { routed.Ui?.Subdomain, routed.Api?.Subdomain }.Where(h => h is not null)), "Service");
                }
                if (stack.WithRole(ServiceRole.Sso) is { } portal && portal.Ui is null && portal.Api is null)
                {
                    Add(ingress, portal, "routes the portal " + stack.Settings.PortalHost + " and forward_auth", "Service");
                }
                foreach (var client in stack.Ordered().Where(s => s.Ui is { Sso: SsoMode.Oidc } || s.Api is { ClientCredentials: true }))
                {
                    foreach (var port in Ports(ingress).Where(p => p.Number == 443 && p.Protocol == Protocol.Tcp))
                    {
                        links.Add(new ServiceLink(client, ingress, port, OidcBackChannel, "Service"));
                    }
                }
            }
            if (stack.WithRole(ServiceRole.Sso) is { } sso)
            {
                if (stack.WithRole(ServiceRole.Directory) is { } directory)
                {
                    Add(sso, directory, "the SSO provider's LDAP directory", "Service");
                }
                if (stack.WithRole(ServiceRole.Cache) is { } cache)
                {
                    Add(sso, cache, "the SSO provider's session store", "Service");
                }
            }
            return Merged(links);
        }

        /// <summary>
        /// One link per (client, target, port), the first one found with every distinct reason joined, sorted by client,
        /// target and port (the keys are unique, so the order is total).
        /// </summary>
        private static List<ServiceLink> Merged(List<ServiceLink> links)
        {
            var index = new Dictionary<(string Client, string Target, ListenPort Port), int>(links.Count);
            var merged = new List<ServiceLink>(links.Count);
            var reasons = new List<List<string>?>(links.Count);
            foreach (var link in links)
            {
                if (!index.TryGetValue((link.Client.Name, link.Target.Name, link.Port), out var at))
                {
                    index[(link.Client.Name, link.Target.Name, link.Port)] = merged.Count;
                    merged.Add(link);
                    reasons.Add(null);
                    continue;
                }
                var why = reasons[at] ??= new List<string> { merged[at].Why };
                if (!why.Contains(link.Why))
                {
                    why.Add(link.Why);
                }
            }
            for (var i = 0; i < merged.Count; i++)
            {
                if (reasons[i] is { } why)
                {
                    merged[i] = merged[i] with { Why = string.Join("; ", why) };
                }
            }
            merged.Sort(static (a, b) =>
            {
                var order = string.CompareOrdinal(a.Client.Name, b.Client.Name);
                if (order == 0)
                {
                    order = string.CompareOrdinal(a.Target.Name, b.Target.Name);
                }
                if (order == 0)
                {
                    order = a.Port.Number.CompareTo(b.Port.Number);
                }
                return order != 0 ? order : a.Port.Protocol.CompareTo(b.Port.Protocol);
            });
            return merged;
        }

        /// <summary>Services that may open connections to the internet: the ingress (ACME, published ports) and those with <c>[Egress]</c>.</summary>
        public static bool HasEgress(ServiceModel service) => service.Role == ServiceRole.Ingress || service.Egress is not null;
    }
}
