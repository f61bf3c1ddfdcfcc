using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering.Links
{
    /// <summary>
    /// Compose networks under <see cref="NetworkLayout.PerLink"/>: one internal network per pair of linked services, joined by
    /// those two only, and one non-internal <c>egress.NAME</c> network for each service that may reach the internet (the ingress
    /// publishes its ports there). A service without links or egress gets <c>network_mode: none</c>.
    /// </summary>
    internal static class ComposeNetworks
    {
        /// <summary>The name of the network that carries the links between two services (order does not matter).</summary>
        public static string LinkNetwork(string a, string b) =>
            string.CompareOrdinal(a, b) < 0 ? "link." + a + "." + b : "link." + b + "." + a;

        public static string EgressNetwork(string service) => "egress." + service;

        /// <summary>The networks a service joins, with the aliases it has on each (the ingress answers for the portal host on OIDC clients' networks).</summary>
        public static IReadOnlyList<(string Network, IReadOnlyList<string> Aliases)> Of(StackModel stack, ServiceModel service, IReadOnlyList<ServiceLink> links)
        {
            var networks = new SortedDictionary<string, SortedSet<string>>(System.StringComparer.Ordinal);
            foreach (var link in StackLinks.Touching(links, service.Name))
            {
                var name = LinkNetwork(link.Client.Name, link.Target.Name);
                if (!networks.TryGetValue(name, out var aliases))
                {
                    networks[name] = aliases = new SortedSet<string>(System.StringComparer.Ordinal);
                }
                if (link.Target.Name == service.Name && link.Why == StackLinks.OidcBackChannel)
                {
                    aliases.Add(stack.PortalFqdn());
                }
            }
            if (StackLinks.HasEgress(service))
            {
                networks[EgressNetwork(service.Name)] = new SortedSet<string>(System.StringComparer.Ordinal);
            }
            return networks.Select(n => (n.Key, (IReadOnlyList<string>)n.Value.ToList())).ToList();
        }

        /// <summary>The top-level <c>networks</c> mapping.</summary>
        public static YamlMappingNode Definitions(StackModel stack, IReadOnlyList<ServiceLink> links)
        {
            var definitions = new SortedDictionary<string, bool>(System.StringComparer.Ordinal);
            foreach (var link in links)
            {
                definitions[LinkNetwork(link.Client.Name, link.Target.Name)] = true;
            }
            foreach (var service in stack.Services.Where(StackLinks.HasEgress))
            {
                definitions[EgressNetwork(service.Name)] = false;
            }
            var map = Map();
            foreach (var pair in definitions)
            {
                var network = Map().With("driver", Str("bridge"));
                map.With(pair.Key, pair.Value ? network.With("internal", Bool(true)) : network);
            }
            return map;
        }
    }
}
