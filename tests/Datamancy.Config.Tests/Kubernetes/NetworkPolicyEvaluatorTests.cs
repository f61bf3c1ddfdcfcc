using System.Text.Json.Nodes;
using Xunit;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>The evaluator the Kubernetes proofs rely on, against the NetworkPolicy semantics of the API reference.</summary>
public sealed class NetworkPolicyEvaluatorTests
{
    private static readonly PodInfo Web = Pod("web", "shop", new() { ["app"] = "web", ["tier"] = "front" }, "10.244.0.2", (null, 8080, "TCP"));
    private static readonly PodInfo Db = Pod("db", "shop", new() { ["app"] = "db", ["tier"] = "data" }, "10.244.0.3", ("pg", 5432, "TCP"), (null, 5433, "UDP"));
    private static readonly PodInfo Other = Pod("other", "tools", new() { ["app"] = "web" }, "10.244.1.2", (null, 8080, "TCP"));

    private static PodInfo Pod(string name, string ns, Dictionary<string, string> labels, string ip, params (string?, int, string)[] ports) => new(name, ns, labels, ip, ports);

    private static NetworkPolicyEvaluator Evaluator(params string[] policies) =>
        new(policies.Select(p => JsonNode.Parse(p)!.AsObject()), new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["shop"] = new Dictionary<string, string> { ["team"] = "shop" },
            ["tools"] = new Dictionary<string, string> { ["team"] = "ops" },
        });

    private static string Policy(string podSelector, string types, string rules = "") =>
        "{\"kind\":\"NetworkPolicy\",\"metadata\":{\"name\":\"p\",\"namespace\":\"shop\"},\"spec\":{\"podSelector\":" + podSelector
        + (types.Length == 0 ? "" : ",\"policyTypes\":" + types) + (rules.Length == 0 ? "" : "," + rules) + "}}";

    [Fact]
    public void Without_policies_everything_is_allowed()
    {
        Assert.True(Evaluator().Allows(Web, Db, 5432, "TCP"));
        Assert.True(Evaluator().Allows(Other, Db, 1, "UDP"));
    }

    [Fact]
    public void An_empty_pod_selector_isolates_every_pod_of_its_namespace_only()
    {
        var evaluator = Evaluator(Policy("{}", "[\"Ingress\",\"Egress\"]"));
        Assert.False(evaluator.Allows(Web, Db, 5432, "TCP"));
        Assert.False(evaluator.Allows(Other, Web, 8080, "TCP"), "web is isolated for ingress");
        Assert.True(Evaluator(Policy("{}", "[\"Ingress\"]")).Allows(Db, Other, 8080, "TCP"), "tools is not isolated and shop egress is open");
    }

    [Fact]
    public void Policy_types_default_to_ingress_plus_egress_when_egress_rules_exist()
    {
        var ingressOnly = Policy("{\"matchLabels\":{\"app\":\"web\"}}", "");
        Assert.Equal(new[] { "Ingress" }, NetworkPolicyEvaluator.Types(JsonNode.Parse(ingressOnly)!.AsObject()));
        Assert.True(Evaluator(ingressOnly).Allows(Web, Db, 5432, "TCP"), "egress of web is not isolated");
        Assert.False(Evaluator(ingressOnly).Allows(Db, Web, 8080, "TCP"));
        var withEgress = Policy("{\"matchLabels\":{\"app\":\"web\"}}", "", "\"egress\":[]");
        Assert.Equal(new[] { "Ingress", "Egress" }, NetworkPolicyEvaluator.Types(JsonNode.Parse(withEgress)!.AsObject()));
        Assert.False(Evaluator(withEgress).Allows(Web, Db, 5432, "TCP"));
    }

    [Fact]
    public void Egress_rules_of_a_policy_without_the_egress_type_are_ignored()
    {
        var evaluator = Evaluator(
            Policy("{}", "[\"Ingress\",\"Egress\"]"),
            Policy("{\"matchLabels\":{\"app\":\"web\"}}", "[\"Ingress\"]", "\"egress\":[{}]"));
        Assert.False(evaluator.Allows(Web, Db, 5432, "TCP"));
    }

    [Fact]
    public void A_connection_needs_the_source_egress_and_the_destination_ingress()
    {
        var deny = Policy("{}", "[\"Ingress\",\"Egress\"]");
        var webOut = Policy("{\"matchLabels\":{\"app\":\"web\"}}", "[\"Egress\"]", "\"egress\":[{\"to\":[{\"podSelector\":{\"matchLabels\":{\"app\":\"db\"}}}],\"ports\":[{\"port\":5432}]}]");
        var dbIn = Policy("{\"matchLabels\":{\"app\":\"db\"}}", "[\"Ingress\"]", "\"ingress\":[{\"from\":[{\"podSelector\":{\"matchLabels\":{\"app\":\"web\"}}}],\"ports\":[{\"protocol\":\"TCP\",\"port\":5432}]}]");
        Assert.False(Evaluator(deny, webOut).Allows(Web, Db, 5432, "TCP"));
        Assert.False(Evaluator(deny, dbIn).Allows(Web, Db, 5432, "TCP"));
        Assert.True(Evaluator(deny, webOut, dbIn).Allows(Web, Db, 5432, "TCP"));
        Assert.False(Evaluator(deny, webOut, dbIn).Allows(Db, Web, 8080, "TCP"), "the reverse direction stays closed");
    }

    [Fact]
    public void Ports_match_by_number_range_name_and_protocol()
    {
        string Allow(string ports) => Policy("{\"matchLabels\":{\"app\":\"db\"}}", "[\"Ingress\"]", "\"ingress\":[{\"ports\":" + ports + "}]");
        Assert.True(Evaluator(Allow("[{\"port\":5432}]")).Allows(Web, Db, 5432, "TCP"));
        Assert.False(Evaluator(Allow("[{\"port\":5432}]")).Allows(Web, Db, 5432, "UDP"), "protocol defaults to TCP");
        Assert.True(Evaluator(Allow("[{\"protocol\":\"UDP\",\"port\":5433}]")).Allows(Web, Db, 5433, "UDP"));
        Assert.True(Evaluator(Allow("[{\"port\":5000,\"endPort\":6000}]")).Allows(Web, Db, 5433, "TCP"));
        Assert.False(Evaluator(Allow("[{\"port\":5000,\"endPort\":5400}]")).Allows(Web, Db, 5432, "TCP"));
        Assert.True(Evaluator(Allow("[{\"port\":\"pg\"}]")).Allows(Web, Db, 5432, "TCP"), "a named port of the destination");
        Assert.False(Evaluator(Allow("[{\"port\":\"pg\"}]")).Allows(Web, Db, 5433, "TCP"));
        Assert.True(Evaluator(Allow("[{\"protocol\":\"UDP\"}]")).Allows(Web, Db, 9, "UDP"), "no port: every port of the protocol");
        Assert.True(Evaluator(Allow("[]")).Allows(Web, Db, 1, "UDP"), "no ports: everything");
    }

    [Fact]
    public void Pod_selectors_stay_in_the_policy_namespace_and_namespace_selectors_cross_it()
    {
        string From(string peer) => Policy("{\"matchLabels\":{\"app\":\"db\"}}", "[\"Ingress\"]", "\"ingress\":[{\"from\":[" + peer + "]}]");
        Assert.True(Evaluator(From("{\"podSelector\":{\"matchLabels\":{\"app\":\"web\"}}}")).Allows(Web, Db, 5432, "TCP"));
        Assert.False(Evaluator(From("{\"podSelector\":{\"matchLabels\":{\"app\":\"web\"}}}")).Allows(Other, Db, 5432, "TCP"), "same labels, other namespace");
        Assert.True(Evaluator(From("{\"namespaceSelector\":{\"matchLabels\":{\"team\":\"ops\"}}}")).Allows(Other, Db, 5432, "TCP"));
        Assert.False(Evaluator(From("{\"namespaceSelector\":{\"matchLabels\":{\"team\":\"ops\"}}}")).Allows(Web, Db, 5432, "TCP"));
        Assert.True(Evaluator(From("{\"namespaceSelector\":{\"matchLabels\":{\"kubernetes.io/metadata.name\":\"tools\"}},\"podSelector\":{\"matchLabels\":{\"app\":\"web\"}}}")).Allows(Other, Db, 5432, "TCP"));
        Assert.False(Evaluator(From("{\"namespaceSelector\":{},\"podSelector\":{\"matchLabels\":{\"app\":\"nope\"}}}")).Allows(Other, Db, 5432, "TCP"));
    }

    [Fact]
    public void Match_expressions_follow_their_operators()
    {
        var labels = new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" };
        bool Matches(string selector) => NetworkPolicyEvaluator.Matches(JsonNode.Parse(selector)!.AsObject(), labels);
        Assert.True(Matches("{}"));
        Assert.True(Matches("{\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"In\",\"values\":[\"front\",\"edge\"]}]}"));
        Assert.False(Matches("{\"matchExpressions\":[{\"key\":\"tier\",\"operator\":\"NotIn\",\"values\":[\"front\"]}]}"));
        Assert.True(Matches("{\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"NotIn\",\"values\":[\"a\"]}]}"), "NotIn holds when the label is absent");
        Assert.True(Matches("{\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"Exists\"}]}"));
        Assert.False(Matches("{\"matchExpressions\":[{\"key\":\"app\",\"operator\":\"DoesNotExist\"}]}"));
        Assert.False(Matches("{\"matchLabels\":{\"app\":\"web\"},\"matchExpressions\":[{\"key\":\"zone\",\"operator\":\"Exists\"}]}"), "both parts must hold");
    }

    [Fact]
    public void Ip_blocks_match_addresses_minus_their_exceptions()
    {
        var internet = Pod("internet", "elsewhere", new(), "203.0.113.9");
        var egress = Policy("{\"matchLabels\":{\"app\":\"web\"}}", "[\"Egress\"]",
            "\"egress\":[{\"to\":[{\"ipBlock\":{\"cidr\":\"0.0.0.0/0\",\"except\":[\"10.0.0.0/8\",\"192.168.0.0/16\"]}}]}]");
        Assert.True(Evaluator(egress).Allows(Web, internet, 443, "TCP"));
        Assert.False(Evaluator(egress).Allows(Web, Db, 5432, "TCP"), "pod addresses are in an excepted range");
        Assert.True(NetworkPolicyEvaluator.InCidr("172.16.5.4", "172.16.0.0/12"));
        Assert.False(NetworkPolicyEvaluator.InCidr("172.32.0.1", "172.16.0.0/12"));
        Assert.False(NetworkPolicyEvaluator.InCidr("10.0.0.1", "::/0"), "families do not mix");
        Assert.True(NetworkPolicyEvaluator.InCidr("fd00::1", "fc00::/7"));
    }

    [Fact]
    public void Allowed_traffic_is_the_union_of_every_selecting_policy()
    {
        var first = Policy("{\"matchLabels\":{\"app\":\"db\"}}", "[\"Ingress\"]", "\"ingress\":[{\"ports\":[{\"port\":5432}]}]");
        var second = Policy("{\"matchLabels\":{\"tier\":\"data\"}}", "[\"Ingress\"]", "\"ingress\":[{\"ports\":[{\"protocol\":\"UDP\",\"port\":5433}]}]");
        var evaluator = Evaluator(first, second);
        Assert.True(evaluator.Allows(Web, Db, 5432, "TCP"));
        Assert.True(evaluator.Allows(Web, Db, 5433, "UDP"));
        Assert.False(evaluator.Allows(Web, Db, 5433, "TCP"));
    }
}
