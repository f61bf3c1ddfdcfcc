using System.Text.Json.Nodes;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Xunit;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>
/// The Kubernetes output of every stack that asks for it: exactly the declared links through NetworkPolicies, Caddy alone
/// exposed, the same Caddyfile and Authelia bytes as compose, secrets only by reference, and pods that meet the level the
/// namespace enforces (by an independent Pod Security Standards check).
/// </summary>
public sealed class KubernetesOutputTests
{
    public static TheoryData<string, string> Stacks() => KubernetesStacks.All();

    [Fact]
    public void The_stacks_read_from_source_are_exactly_those_whose_model_asks_for_Kubernetes()
    {
        var byModel = TestStacks.Names.Where(n => TestStacks.Run(n).Model().Settings.Kubernetes);
        Assert.Equal(byModel, KubernetesStacks.Names);
        Assert.NotEmpty(KubernetesStacks.Names);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Network_policies_allow_exactly_the_declared_links(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var manifests = Manifests.Of(run, environment);
        var expected = Reachability.Declared(run.Model());
        var actual = KubernetesStacks.Reachable(manifests);
        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Internet_reaches_only_the_ingress_and_every_pod_reaches_dns(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var manifests = Manifests.Of(run, environment);
        var evaluator = KubernetesStacks.Evaluator(manifests);
        var internet = new PodInfo("internet", "elsewhere", new Dictionary<string, string>(), "203.0.113.7", Array.Empty<(string?, int, string)>());
        var dns = new PodInfo("coredns", "kube-system", new Dictionary<string, string> { ["k8s-app"] = "kube-dns" }, "10.96.0.10", new (string?, int, string)[] { (null, 53, "UDP"), (null, 53, "TCP") });
        var ingress = model.WithRole(Generators.Model.ServiceRole.Ingress)!.Name;
        foreach (var pod in KubernetesStacks.Pods(manifests))
        {
            foreach (var port in pod.Ports)
            {
                Assert.Equal(pod.Name == ingress, evaluator.Allows(internet, pod, port.Port, port.Protocol));
            }
            Assert.True(evaluator.Allows(pod, dns, 53, "UDP"), pod.Name + " resolves names");
            Assert.True(evaluator.Allows(pod, dns, 53, "TCP"), pod.Name + " resolves names over TCP");
            Assert.False(evaluator.Allows(pod, dns, 443, "TCP"), pod.Name + " reaches kube-dns only on 53");
            var egress = model.Services.Single(s => s.Name == pod.Name).Egress is not null || pod.Name == ingress;
            Assert.Equal(egress, evaluator.Allows(pod, internet, 443, "TCP"));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Only_the_ingress_is_exposed_outside_the_cluster(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var ingress = run.Model().WithRole(Generators.Model.ServiceRole.Ingress)!.Name;
        var manifests = Manifests.Of(run, environment);
        Assert.DoesNotContain(manifests, m => m.Kind is "Ingress" or "Gateway" or "HTTPRoute");
        foreach (var service in manifests.Where(m => m.Kind == "Service"))
        {
            var spec = service.Object["spec"]!;
            var type = (string?)spec["type"] ?? "ClusterIP";
            Assert.True(service.Name == ingress ? type == "LoadBalancer" : type == "ClusterIP", service.Name + " is " + type);
            Assert.Null(spec["externalIPs"]);
            Assert.All(spec["ports"].Objects(), p => Assert.Null(p["nodePort"]));
        }
        Assert.Single(manifests, m => m.Kind == "Service" && (string?)m.Object["spec"]!["type"] == "LoadBalancer");
        foreach (var workload in manifests.Where(m => m.PodTemplate() is not null))
        {
            var containers = workload.PodTemplate()!["spec"]!["containers"].Objects();
            Assert.All(containers.SelectMany(c => c["ports"].Objects()), p => Assert.Null(p["hostPort"]));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Config_maps_hold_the_same_bytes_as_the_compose_target(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var configMaps = Manifests.Of(run, environment).Where(m => m.Kind == "ConfigMap").ToDictionary(m => m.Name, m => m.Object["data"]!);
        Assert.Equal(run.Artifact(environment + "/Caddyfile"), (string)configMaps["caddyfile"]!["Caddyfile"]!);
        Assert.Equal(run.Artifact(environment + "/authelia/configuration.yml"), (string)configMaps["authelia-configuration"]!["configuration.yml"]!);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Secrets_are_only_referenced_and_every_compose_variable_is_set(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var manifests = Manifests.Of(run, environment);
        Assert.DoesNotContain(manifests, m => m.Kind == "Secret");
        var compose = YamlJson.ToJson(run.Artifact(environment + "/compose.yaml"))!["services"]!;
        var secretNames = model.Services.SelectMany(s => DerivedSecrets.For(model, s)).Select(s => s.Name).ToHashSet();
        foreach (var workload in manifests.Where(m => m.PodTemplate() is not null))
        {
            var container = workload.PodTemplate()!["spec"]!["containers"].Objects().Single();
            var env = container["env"].Objects().ToList();
            foreach (var entry in env)
            {
                if (entry["valueFrom"] is JsonObject from)
                {
                    Assert.Equal(model.Settings.Name.Replace('_', '-') + "-env", (string)from["secretKeyRef"]!["name"]!);
                }
                else
                {
                    Assert.DoesNotContain("${", (string)entry["value"]!);
                }
            }
            // A secret's variable is always a reference, never a value.
            Assert.DoesNotContain(env, e => e["value"] is not null && secretNames.Contains((string)e["name"]!));
            var composeNames = (compose[workload.Name]!["environment"] as JsonObject)?.Select(p => p.Key).OrderBy(n => n, StringComparer.Ordinal) ?? Enumerable.Empty<string>();
            Assert.Equal(composeNames, env.Select(e => (string)e["name"]!).OrderBy(n => n, StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_pod_meets_the_level_the_namespace_enforces_and_restricted_is_enforced_when_all_comply(string stack, string environment)
    {
        var manifests = Manifests.Of(TestStacks.Run(stack), environment);
        var labels = manifests.Single(m => m.Kind == "Namespace").Object["metadata"]!["labels"]!;
        var enforced = (string)labels["pod-security.kubernetes.io/enforce"]!;
        Assert.Equal("restricted", (string)labels["pod-security.kubernetes.io/warn"]!);
        Assert.Equal("restricted", (string)labels["pod-security.kubernetes.io/audit"]!);
        var levels = manifests.Where(m => m.PodTemplate() is not null).ToDictionary(m => m.Name, m => PodSecurityStandard.Level(m.PodTemplate()!));
        Assert.All(levels, l => Assert.True(PodSecurityStandard.Rank(l.Value) >= PodSecurityStandard.Rank(enforced), l.Key + " meets only " + l.Value + ", namespace enforces " + enforced));
        Assert.Equal(levels.Values.MinBy(PodSecurityStandard.Rank), enforced);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Pods_are_hardened_and_workloads_match_their_role(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        foreach (var workload in Manifests.Of(run, environment).Where(m => m.PodTemplate() is not null))
        {
            var service = model.Services.Single(s => s.Name == workload.Name);
            var spec = workload.PodTemplate()!["spec"]!;
            var container = spec["containers"].Objects().Single();
            var security = container["securityContext"]!;
            Assert.Contains("ALL", security["capabilities"]!["drop"]!.AsArray().Select(c => (string)c!));
            Assert.Equal("RuntimeDefault", (string)spec["securityContext"]!["seccompProfile"]!["type"]!);
            Assert.False((bool)spec["automountServiceAccountToken"]!);
            var privileged = service.Elevations.Any(e => e.Kind == Generators.Model.Elevation.Privileged);
            Assert.Equal(privileged, (bool)security["allowPrivilegeEscalation"]!);
            foreach (var kind in new[] { "requests", "limits" })
            {
                Assert.NotNull(container["resources"]![kind]!["cpu"]);
                Assert.NotNull(container["resources"]![kind]!["memory"]);
            }
            var nonRoot = service.User is { } user && long.TryParse(user.Split(':')[0], out var uid) && uid > 0;
            Assert.Equal(nonRoot, spec["securityContext"]!["runAsNonRoot"] is JsonNode n && (bool)n);
            var stateful = service.Role is Generators.Model.ServiceRole.Database or Generators.Model.ServiceRole.Directory;
            Assert.Equal(stateful ? "StatefulSet" : "Deployment", workload.Kind);
            Assert.Equal(service.Replicas, (int)workload.Object["spec"]!["replicas"]!.Number());
            if (stateful && service.Volumes.Any(v => !v.IsBind))
            {
                Assert.Equal(service.Volumes.Concat(Generators.Rendering.Operations.OperationsMounts.For(model, service)).Where(v => !v.IsBind).Select(v => v.Source).OrderBy(v => v),
                    workload.Object["spec"]!["volumeClaimTemplates"].Objects().Select(t => (string)t["metadata"]!["name"]!).OrderBy(v => v));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Kustomization_lists_every_file_and_one_namespace(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var prefix = environment + "/kubernetes/";
        var kustomization = YamlJson.ToJson(run.Artifact(prefix + "kustomization.yaml"))!;
        var files = run.Artifacts.Where(a => a.Path.StartsWith(prefix, StringComparison.Ordinal)).Select(a => a.Path[prefix.Length..]).Where(f => f != "kustomization.yaml");
        Assert.Equal(files.OrderBy(f => f), kustomization["resources"]!.AsArray().Select(r => (string)r!).OrderBy(f => f));
        var ns = (string)kustomization["namespace"]!;
        Assert.All(Manifests.Of(run, environment).Where(m => m.Kind != "Namespace"), m => Assert.Equal(ns, m.Namespace));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Manifests_match_their_snapshots(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var prefix = environment + "/kubernetes/";
        foreach (var artifact in run.Artifacts.Where(a => a.Path.StartsWith(prefix, StringComparison.Ordinal)))
        {
            Snapshot.Verify("Kubernetes/" + stack + "/" + environment + "." + artifact.Path[prefix.Length..], artifact.Content);
        }
    }

    [Fact]
    public void Stacks_without_the_setting_write_no_kubernetes_output()
    {
        var run = TestStacks.Run("minimal");
        Assert.False(run.Model().Settings.Kubernetes);
        Assert.DoesNotContain(run.Artifacts, a => a.Path.Contains("/kubernetes/", StringComparison.Ordinal));
    }
}
