using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>One Kubernetes object of the output, with the file it came from.</summary>
public sealed record Manifest(string File, JsonObject Object)
{
    public string Kind => (string)Object["kind"]!;
    public string Name => (string)Object["metadata"]!["name"]!;
    public string? Namespace => (string?)Object["metadata"]?["namespace"];
}

/// <summary>Reads the Kubernetes output of an environment from a generator run (every document of every file).</summary>
public static class Manifests
{
    public static IReadOnlyList<Manifest> Of(GeneratorRun run, string environment)
    {
        var prefix = environment + "/kubernetes/";
        var manifests = new List<Manifest>();
        foreach (var artifact in run.Artifacts.Where(a => a.Path.StartsWith(prefix, StringComparison.Ordinal) && a.Path != prefix + "kustomization.yaml"))
        {
            manifests.AddRange(Parse(artifact.Content).Select(o => new Manifest(artifact.Path, o)));
        }
        return manifests;
    }

    public static IEnumerable<JsonObject> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (JsonObject)YamlJson.Convert(d.RootNode)!);
    }

    /// <summary>The pod template of a workload, or null for other kinds.</summary>
    public static JsonObject? PodTemplate(this Manifest manifest) =>
        manifest.Kind is "Deployment" or "StatefulSet" or "DaemonSet" or "Job" or "ReplicaSet" ? (JsonObject)manifest.Object["spec"]!["template"]! : null;

    /// <summary>A JSON number, whatever .NET type the node holds.</summary>
    public static long Number(this JsonNode node) => long.Parse(node.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    public static IEnumerable<JsonObject> Objects(this JsonNode? node) => node is JsonArray array ? array.OfType<JsonObject>() : Enumerable.Empty<JsonObject>();
}
