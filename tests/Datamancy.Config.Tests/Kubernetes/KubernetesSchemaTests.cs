using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>
/// Every manifest validates against the official Kubernetes OpenAPI schemas, offline, with the npm package kubernetes-models
/// (installed by .ci/run into tests/Datamancy.Config.Tests/k8s-validate; outside CI the test is skipped while it is missing).
/// </summary>
public sealed class KubernetesSchemaTests
{
    private static string Validator => Path.Combine(RepoPaths.Root, "tests", "Datamancy.Config.Tests", "k8s-validate");

    private static string RequireValidator()
    {
        var node = Tools.Require("node", "apt-get install -y nodejs (node 20 or later)");
        var models = Path.Combine(Validator, "node_modules", "kubernetes-models", "package.json");
        if (!File.Exists(models))
        {
            const string install = "run `npm ci` in tests/Datamancy.Config.Tests/k8s-validate (.ci/run does)";
            if (Tools.InCi)
            {
                throw new InvalidOperationException("kubernetes-models is required in CI: " + install);
            }
            Skip.If(true, "kubernetes-models is not installed; " + install + "; skipped outside CI.");
        }
        return node;
    }

    private static (int ExitCode, string Output) Validate(JsonArray entries)
    {
        var node = RequireValidator();
        using var folder = new TempFolder();
        var input = Path.Combine(folder.Path, "manifests.json");
        File.WriteAllText(input, entries.ToJsonString());
        var result = Tools.Run(node, new[] { Path.Combine(Validator, "validate.mjs"), input }, Validator);
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }

    [SkippableFact]
    public void Every_manifest_of_every_stack_is_valid()
    {
        var entries = new JsonArray();
        foreach (var (stack, environment) in KubernetesStacks.All().Select(row => ((string)row[0], (string)row[1])))
        {
            foreach (var manifest in Manifests.Of(TestStacks.Run(stack), environment))
            {
                entries.Add(new JsonObject { ["file"] = stack + ":" + manifest.File, ["manifest"] = manifest.Object.DeepClone() });
            }
        }
        Assert.True(entries.Count > 50, "expected the manifests of several stacks, found " + entries.Count);
        var (exitCode, output) = Validate(entries);
        Assert.True(exitCode == 0, output);
        Assert.Equal(entries.Count, output.Split('\n').Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void The_validator_rejects_an_invalid_manifest()
    {
        var manifest = Manifests.Of(TestStacks.Run("sample"), "dev").First(m => m.Kind == "Deployment").Object.DeepClone().AsObject();
        manifest["spec"]!["replicas"] = "three";
        var (exitCode, output) = Validate(new JsonArray { new JsonObject { ["file"] = "broken", ["manifest"] = manifest } });
        Assert.Equal(1, exitCode);
        Assert.Contains("invalid broken Deployment", output);
        Assert.Contains("replicas", output);
    }
}
