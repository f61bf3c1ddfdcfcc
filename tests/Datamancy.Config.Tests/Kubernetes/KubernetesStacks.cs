using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Links;
using Xunit;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>The test stacks that write Kubernetes output, and the pods and policies of one environment.</summary>
public static class KubernetesStacks
{
    public static readonly string[] Environments = { "dev", "prod" };

    /// <summary>
    /// Every named stack whose [Stack] sets Kubernetes = true (so stacks added later are covered too). Read from the
    /// source, not from a generator run: xunit builds theory data when a test host starts, and a mutation run starts one
    /// per mutant. <see cref="KubernetesOutputTests"/> checks that these are exactly the stacks whose model says so.
    /// </summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var name in Names)
        {
            foreach (var environment in Environments)
            {
                data.Add(name, environment);
            }
        }
        return data;
    }

    /// <summary>The stacks whose [Stack] attribute sets Kubernetes = true, by their source text.</summary>
    public static IEnumerable<string> Names => TestStacks.Names.Where(n => TestStacks.Sources(n).Any(s => KubernetesStack.IsMatch(s)));

    private static readonly System.Text.RegularExpressions.Regex KubernetesStack = new(@"\[Stack\([^\]]*\bKubernetes = true\b");

    public const string PodNetwork = "10.244.0.0/16";

    /// <summary>One pod per workload, with the template's labels and container ports, at an address in <see cref="PodNetwork"/>.</summary>
    public static List<PodInfo> Pods(IEnumerable<Manifest> manifests)
    {
        var pods = new List<PodInfo>();
        foreach (var workload in manifests.Where(m => m.PodTemplate() is not null))
        {
            var template = workload.PodTemplate()!;
            var labels = ((JsonObject)template["metadata"]!["labels"]!).ToDictionary(p => p.Key, p => (string)p.Value!);
            var ports = template["spec"]!["containers"].Objects().SelectMany(c => c["ports"].Objects())
                .Select(p => ((string?)p["name"], (int)p["containerPort"]!.Number(), (string?)p["protocol"] ?? "TCP")).ToList();
            pods.Add(new PodInfo(workload.Name, workload.Namespace!, labels, "10.244.0." + (pods.Count + 10), ports));
        }
        return pods;
    }

    public static NetworkPolicyEvaluator Evaluator(IReadOnlyList<Manifest> manifests)
    {
        var namespaces = manifests.Where(m => m.Kind == "Namespace").ToDictionary(
            m => m.Name,
            m => (IReadOnlyDictionary<string, string>)((JsonObject)m.Object["metadata"]!["labels"]!).ToDictionary(p => p.Key, p => (string)p.Value!));
        namespaces["kube-system"] = new Dictionary<string, string>();
        namespaces["elsewhere"] = new Dictionary<string, string>();
        return new NetworkPolicyEvaluator(manifests.Select(m => m.Object), namespaces);
    }

    /// <summary>Which pod of the namespace can open a connection to which port of which other pod.</summary>
    public static SortedSet<string> Reachable(IReadOnlyList<Manifest> manifests)
    {
        var evaluator = Evaluator(manifests);
        var pods = Pods(manifests);
        var reach = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var from in pods)
        {
            foreach (var to in pods.Where(p => p.Name != from.Name))
            {
                foreach (var port in to.Ports)
                {
                    if (evaluator.Allows(from, to, port.Port, port.Protocol))
                    {
                        reach.Add(new Reach(from.Name, to.Name, port.Port, port.Protocol).ToString());
                    }
                }
            }
        }
        return reach;
    }
}
