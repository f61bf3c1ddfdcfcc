using System.Net;
using System.Text.Json.Nodes;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>A pod as NetworkPolicies see it: namespace, labels, IP and named container ports.</summary>
public sealed record PodInfo(string Name, string Namespace, IReadOnlyDictionary<string, string> Labels, string Ip, IReadOnlyList<(string? Name, int Port, string Protocol)> Ports);

/// <summary>
/// The semantics of networking.k8s.io/v1 NetworkPolicy, written from the API reference, for proofs without a cluster:
/// a pod selected by a policy whose policyTypes include a direction is isolated in that direction, and then only the union of
/// those policies' rules admits traffic; a connection needs the source's egress and the destination's ingress to allow it.
/// Peers: podSelector (the policy's namespace), namespaceSelector (with an optional podSelector), ipBlock (cidr minus except).
/// Ports: protocol (TCP when unset), number, endPort range, or a name resolved against the destination pod's ports; none = all.
/// </summary>
public sealed class NetworkPolicyEvaluator
{
    private readonly IReadOnlyList<JsonObject> _policies;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> _namespaces;

    /// <param name="policies">NetworkPolicy objects.</param>
    /// <param name="namespaceLabels">Labels per namespace (kubernetes.io/metadata.name is added as the API server does).</param>
    public NetworkPolicyEvaluator(IEnumerable<JsonObject> policies, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> namespaceLabels)
    {
        _policies = policies.Where(p => (string?)p["kind"] == "NetworkPolicy").ToList();
        _namespaces = namespaceLabels.ToDictionary(n => n.Key, n => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(n.Value) { ["kubernetes.io/metadata.name"] = n.Key });
    }

    public bool Allows(PodInfo from, PodInfo to, int port, string protocol) =>
        Allowed(from, "Egress", "egress", "to", to, port, protocol, peer: to) && Allowed(to, "Ingress", "ingress", "from", from, port, protocol, peer: from, destination: to);

    /// <summary>Whether the policies selecting <paramref name="subject"/> for <paramref name="type"/> admit the peer and port.</summary>
    private bool Allowed(PodInfo subject, string type, string rulesKey, string peersKey, PodInfo other, int port, string protocol, PodInfo peer, PodInfo? destination = null)
    {
        destination ??= other;
        var selecting = _policies.Where(p => Namespace(p) == subject.Namespace && Matches(p["spec"]?["podSelector"] as JsonObject, subject.Labels) && Types(p).Contains(type)).ToList();
        if (selecting.Count == 0)
        {
            return true; // not isolated in this direction
        }
        foreach (var policy in selecting)
        {
            foreach (var rule in policy["spec"]?[rulesKey].Objects() ?? Enumerable.Empty<JsonObject>())
            {
                if (PeersMatch(rule[peersKey] as JsonArray, Namespace(policy), peer) && PortsMatch(rule["ports"] as JsonArray, destination, port, protocol))
                {
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>policyTypes when set; otherwise Ingress, plus Egress when the policy has egress rules (the API's defaulting).</summary>
    public static IReadOnlyList<string> Types(JsonObject policy)
    {
        if (policy["spec"]?["policyTypes"] is JsonArray types)
        {
            return types.Select(t => (string)t!).ToList();
        }
        return policy["spec"]?["egress"] is not null ? new[] { "Ingress", "Egress" } : new[] { "Ingress" };
    }

    private static string Namespace(JsonObject policy) => (string?)policy["metadata"]?["namespace"] ?? "default";

    private bool PeersMatch(JsonArray? peers, string policyNamespace, PodInfo pod)
    {
        if (peers is null || peers.Count == 0)
        {
            return true; // no 'from'/'to': every source or destination
        }
        foreach (var peer in peers.OfType<JsonObject>())
        {
            if (peer["ipBlock"] is JsonObject block)
            {
                if (InCidr(pod.Ip, (string)block["cidr"]!) && !(block["except"] as JsonArray ?? new JsonArray()).Any(e => InCidr(pod.Ip, (string)e!)))
                {
                    return true;
                }
                continue;
            }
            var namespaceSelector = peer["namespaceSelector"] as JsonObject;
            var podSelector = peer["podSelector"] as JsonObject;
            if (namespaceSelector is null && podSelector is null)
            {
                continue; // not a valid peer
            }
            var namespaceMatches = namespaceSelector is null
                ? pod.Namespace == policyNamespace
                : _namespaces.TryGetValue(pod.Namespace, out var labels) && Matches(namespaceSelector, labels);
            if (namespaceMatches && (podSelector is null || Matches(podSelector, pod.Labels)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool PortsMatch(JsonArray? ports, PodInfo destination, int port, string protocol)
    {
        if (ports is null || ports.Count == 0)
        {
            return true;
        }
        foreach (var entry in ports.OfType<JsonObject>())
        {
            if (((string?)entry["protocol"] ?? "TCP") != protocol)
            {
                continue;
            }
            var value = entry["port"];
            if (value is null)
            {
                return true; // every port of the protocol
            }
            if (value.GetValueKind() == System.Text.Json.JsonValueKind.String)
            {
                var name = (string)value!;
                if (destination.Ports.Any(p => p.Name == name && p.Protocol == protocol && p.Port == port))
                {
                    return true;
                }
                continue;
            }
            var first = (int)value.Number();
            var last = entry["endPort"] is JsonNode end ? (int)end.Number() : first;
            if (port >= first && port <= last)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>A label selector: matchLabels all equal and every matchExpression holds; an empty selector matches everything.</summary>
    public static bool Matches(JsonObject? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return true;
        }
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? new JsonObject())
        {
            if (!labels.TryGetValue(key, out var actual) || actual != (string)value!)
            {
                return false;
            }
        }
        foreach (var expression in selector["matchExpressions"].Objects())
        {
            var key = (string)expression["key"]!;
            var values = (expression["values"] as JsonArray ?? new JsonArray()).Select(v => (string)v!).ToList();
            var present = labels.TryGetValue(key, out var actual);
            var holds = (string)expression["operator"]! switch
            {
                "In" => present && values.Contains(actual!),
                "NotIn" => !present || !values.Contains(actual!),
                "Exists" => present,
                "DoesNotExist" => !present,
                var op => throw new InvalidOperationException("unknown selector operator " + op),
            };
            if (!holds)
            {
                return false;
            }
        }
        return true;
    }

    public static bool InCidr(string ip, string cidr)
    {
        var slash = cidr.IndexOf('/');
        var network = IPAddress.Parse(cidr[..slash]).GetAddressBytes();
        var address = IPAddress.Parse(ip).GetAddressBytes();
        if (network.Length != address.Length)
        {
            return false;
        }
        var bits = int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < network.Length; i++)
        {
            var take = Math.Clamp(bits - i * 8, 0, 8);
            var mask = (byte)(0xFF << (8 - take));
            if ((network[i] & mask) != (address[i] & mask))
            {
                return false;
            }
        }
        return true;
    }
}
