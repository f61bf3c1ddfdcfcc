using Datamancy.Config.Generators;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>Caching is asserted on tracked steps, not assumed from empty diagnostics.</summary>
public sealed class IncrementalityTests
{
    private const string Unrelated = "namespace Other; public static class Helper { public static int Answer() => 42; }";

    private static (GeneratorRun First, CSharpCompilation Compilation) Start()
    {
        var sources = GeneratorHarness.SampleSources().Append(Unrelated).ToArray();
        var first = GeneratorHarness.Run(sources);
        return (first, first.Input);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.First(t => t.ToString().Contains(oldText));
        var edited = CSharpSyntaxTree.ParseText(tree.ToString().Replace(oldText, newText), GeneratorHarness.ParseOptions, tree.FilePath);
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    private static IEnumerable<IncrementalStepRunReason> Reasons(GeneratorRun run, string step) =>
        run.Result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "=> 42", "=> 43"));
        foreach (var step in new[] { StepNames.ServiceParse, StepNames.ServiceModels, StepNames.StackBuild, StepNames.Rendered, StepNames.ServiceViews, StepNames.Findings })
        {
            Assert.All(Reasons(second, step), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + reason));
        }
    }

    [Fact]
    public void Moving_a_descriptor_line_rerenders_nothing()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "public static partial class LiteLlm;", "\n\n\npublic static partial class LiteLlm;"));
        Assert.All(Reasons(second, StepNames.ServiceModels), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
        Assert.All(Reasons(second, StepNames.Rendered), r => Assert.True(r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, r.ToString()));
    }

    [Fact]
    public void Editing_one_descriptor_rerenders_the_artifacts_once()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\""));
        var models = Reasons(second, StepNames.ServiceModel).ToList();
        Assert.Equal(1, models.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, StepNames.Rendered));
        Assert.Contains("main-v1.53.0", second.Artifact("prod/compose.yaml"));
    }
}
