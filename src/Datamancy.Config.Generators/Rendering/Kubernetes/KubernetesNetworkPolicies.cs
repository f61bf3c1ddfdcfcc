using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Links;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering.Kubernetes
{
    /// <summary>
    /// NetworkPolicies: deny all ingress and egress in the namespace, allow DNS, let the internet reach the ingress on its
    /// published ports, and allow exactly the links (<see cref="StackLinks"/>), each on both ends (egress of the client, ingress
    /// of the target). Services with <c>[Egress]</c> (and the ingress, for ACME) may reach public addresses, never private ranges.
    /// </summary>
    internal static class KubernetesNetworkPolicies
    {
        /// <summary>Ranges egress to the internet excludes: private, shared (CGNAT), link-local and unique-local; pod and service CIDRs live there.</summary>
        public static readonly string[] PrivateV4 = { "10.0.0.0/8", "100.64.0.0/10", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16" };
        public static readonly string[] PrivateV6 = { "fc00::/7", "fe80::/10" };

        public static IEnumerable<YamlMappingNode> Render(StackModel stack)
        {
            yield return Policy(stack, "default-deny", Map(), new[] { "Ingress", "Egress" }, null, null);
            var dns = Map()
                .With("to", Seq(new YamlNode[]
                {
                    Map()
                        .With("namespaceSelector", Map().With("matchLabels", Map().With("kubernetes.io/metadata.name", Str("kube-system"))))
                        .With("podSelector", Map().With("matchLabels", Map().With("k8s-app", Str("kube-dns")))),
                }))
                .With("ports", Seq(new YamlNode[] { Port(53, "UDP"), Port(53, "TCP") }));
            yield return Policy(stack, "allow-dns", Map(), new[] { "Egress" }, null, new[] { dns });
            var links = StackLinks.All(stack);
            foreach (var service in stack.Ordered())
            {
                var ingress = new List<YamlMappingNode>();
                var egress = new List<YamlMappingNode>();
                if (service.Role == ServiceRole.Ingress && StackLinks.Ports(service).Count > 0)
                {
                    // No 'from': any source, the internet through the LoadBalancer included.
                    ingress.Add(Map().With("ports", Seq(StackLinks.Ports(service).Select(p => (YamlNode)Port(p.Number, p.ProtocolName)))));
                }
                foreach (var client in links.Where(l => l.Target.Name == service.Name).GroupBy(l => l.Client.Name))
                {
                    ingress.Add(Map()
                        .With("from", Seq(new YamlNode[] { Map().With("podSelector", Map().With("matchLabels", KubernetesWorkloads.Selector(client.First().Client))) }))
                        .With("ports", Seq(client.Select(l => (YamlNode)Port(l.Port.Number, l.Port.ProtocolName)))));
                }
                foreach (var target in links.Where(l => l.Client.Name == service.Name).GroupBy(l => l.Target.Name))
                {
                    egress.Add(Map()
                        .With("to", Seq(new YamlNode[] { Map().With("podSelector", Map().With("matchLabels", KubernetesWorkloads.Selector(target.First().Target))) }))
                        .With("ports", Seq(target.Select(l => (YamlNode)Port(l.Port.Number, l.Port.ProtocolName)))));
                }
                if (StackLinks.HasEgress(service))
                {
                    egress.Add(Map().With("to", Seq(new YamlNode[]
                    {
                        Map().With("ipBlock", Map().With("cidr", Str("0.0.0.0/0")).With("except", Strs(PrivateV4))),
                        Map().With("ipBlock", Map().With("cidr", Str("::/0")).With("except", Strs(PrivateV6))),
                    })));
                }
                if (ingress.Count == 0 && egress.Count == 0)
                {
                    continue; // default-deny covers it
                }
                var types = new List<string>();
                if (ingress.Count > 0) types.Add("Ingress");
                if (egress.Count > 0) types.Add("Egress");
                yield return Policy(stack, "service-" + service.Name, Map().With("matchLabels", KubernetesWorkloads.Selector(service)), types,
                    ingress.Count == 0 ? null : ingress, egress.Count == 0 ? null : egress);
            }
        }

        private static YamlMappingNode Port(int number, string protocol) => Map().With("protocol", Str(protocol)).With("port", Int(number));

        private static YamlMappingNode Policy(StackModel stack, string name, YamlMappingNode podSelector, IEnumerable<string> types,
            IEnumerable<YamlMappingNode>? ingress, IEnumerable<YamlMappingNode>? egress) =>
            Map()
                .With("apiVersion", Str("networking.k8s.io/v1"))
                .With("kind", Str("NetworkPolicy"))
                .With("metadata", KubernetesWorkloads.Metadata(stack, name))
                .With("spec", Map()
                    .With("podSelector", podSelector)
                    .With("policyTypes", Strs(types))
                    .With("ingress", ingress is null ? null : Seq(ingress))
                    .With("egress", egress is null ? null : Seq(egress)));
    }
}
