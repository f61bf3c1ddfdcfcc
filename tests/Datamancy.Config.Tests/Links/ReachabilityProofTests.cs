using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Kubernetes;
using Xunit;

namespace Datamancy.Config.Tests.Links;

/// <summary>The reachability proofs are not vacuous: an edited compose file or policy set gives other pairs than the declared links.</summary>
public sealed class ReachabilityProofTests
{
    [Fact]
    public void A_service_added_to_a_link_network_reaches_what_it_does_not_declare()
    {
        var run = TestStacks.Run("sample");
        var compose = run.Artifact("prod/compose.yaml");
        var edited = compose.Replace("    - \"link.caddy.lam\"\n", "    - \"link.caddy.lam\"\n    - \"link.grafana.postgres\"\n");
        Assert.NotEqual(compose, edited);
        var reachable = Reachability.Compose(edited);
        Assert.Contains("lam -> postgres:5432/tcp", reachable);
        Assert.NotEqual(Reachability.SymmetricClosure(run.Model()), reachable);
    }

    [Fact]
    public void Policies_must_open_both_ends_and_a_missing_rule_drops_the_link()
    {
        var run = TestStacks.Run("sample");
        List<Manifest> Copy() => Manifests.Of(run, "prod").Select(m => new Manifest(m.File, m.Object.DeepClone().AsObject())).ToList();

        // Opening postgres's ingress to everyone is not enough: lam's egress is still denied.
        var openTarget = Copy();
        openTarget.Single(m => m.Name == "service-postgres").Object["spec"]!["ingress"]![0]!.AsObject().Remove("from");
        Assert.DoesNotContain("lam -> postgres:5432/tcp", KubernetesStacks.Reachable(openTarget));

        // With lam's egress open too, the link appears: the proof sees it.
        var openBoth = Copy();
        openBoth.Single(m => m.Name == "service-postgres").Object["spec"]!["ingress"]![0]!.AsObject().Remove("from");
        // (allow-dns selects every pod for egress, so it isolates lam's egress too: it goes as well.)
        openBoth.RemoveAll(m => m.Name is "default-deny" or "allow-dns" or "service-lam");
        var widened = KubernetesStacks.Reachable(openBoth);
        Assert.Contains("lam -> postgres:5432/tcp", widened);
        Assert.NotEqual(Reachability.Declared(run.Model()), widened);

        // Without grafana's egress rule the declared link is gone.
        var narrowed = Copy();
        var grafana = narrowed.Single(m => m.Name == "service-grafana").Object["spec"]!["egress"]!.AsArray();
        grafana.Remove(grafana.OfType<JsonObject>().Single(r => r["to"]![0]!["podSelector"]?["matchLabels"]?["app.kubernetes.io/name"]?.GetValue<string>() == "postgres"));
        Assert.DoesNotContain("grafana -> postgres:5432/tcp", KubernetesStacks.Reachable(narrowed));
    }
}
