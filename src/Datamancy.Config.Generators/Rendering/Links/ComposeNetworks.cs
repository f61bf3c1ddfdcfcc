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
            // The only alias is the portal host, so a network's aliases are none or that one (sorted and distinct as they are).
            var networks = new Dictionary<string, List<string>>(System.StringComparer.Ordinal);
            foreach (var link in StackLinks.Touching(links, service.Name))
            {
                var name = LinkNetwork(link.Client.Name, link.Target.Name);
                if (!networks.TryGetValue(name, out var aliases))
                {
                    networks[name] = aliases = new List<string>(0);
                }
                if (link.Target.Name == service.Name && link.Why == StackLinks.OidcBackChannel && aliases.Count == 0)
                {
                    aliases.Add(stack.PortalFqdn());
                }
            }
            if (StackLinks.HasEgress(service))
            {
                networks[EgressNetwork(service.Name)] = new List<string>(0);
            }
            var names = networks.Keys.ToArray();
            System.Array.Sort(names, System.StringComparer.Ordinal);
            var result = new (string Network, IReadOnlyList<string> Aliases)[names.Length];
            for (var i = 0; i < names.Length; i++)
            {
                result[i] = (names[i], networks[names[i]]);
            }
            return result;
        }

        /// <summary>The top-level <c>networks</c> mapping.</summary>
        public static YamlMappingNode Definitions(StackModel stack, IReadOnlyList<ServiceLink> links)
        {
            var definitions = new Dictionary<string, bool>(System.StringComparer.Ordinal);
            foreach (var link in links)
            {
                definitions[LinkNetwork(link.Client.Name, link.Target.Name)] = true;
            }
            foreach (var service in stack.Services.Where(StackLinks.HasEgress))
            {
                definitions[EgressNetwork(service.Name)] = false;
            }
            var names = definitions.Keys.ToArray();
            System.Array.Sort(names, System.StringComparer.Ordinal);
            var map = Map();
            foreach (var name in names)
            {
                var network = Map().With("driver", Str("bridge"));
                map.With(name, definitions[name] ? network.With("internal", Bool(true)) : network);
            }
            return map;
        }
    }
}
