using System.Reflection;
using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// Caching is asserted on tracked steps, not assumed from empty diagnostics.
/// The steps over the whole compilation (<see cref="StepNames.TreeSkeletons"/>, <see cref="StepNames.ParseEnvironment"/>,
/// <see cref="StepNames.TreeParses"/>) run on every change and report <c>Unchanged</c> when their value is equal; the
/// parse itself runs per changed tree (<c>Parsing/TreeIncrementalityTests</c>). What these tests pin down is that
/// nothing downstream of an equal parse runs again (<c>Cached</c>), and that an edit re-runs only what depends on it.
/// </summary>
public sealed class IncrementalityTests
{
    internal const string Unrelated = "namespace Other; public static class Helper { public static int Answer() { var x = 40; return x + 2; } }";

    private static readonly string[] OurSteps = typeof(StepNames).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToArray();

    internal static (GeneratorRun First, CSharpCompilation Compilation) Start(params string[] extra)
    {
        var sources = GeneratorHarness.SampleSources().Append(Unrelated).Concat(extra).ToArray();
        var first = GeneratorHarness.Run(sources);
        Assert.Empty(first.Errors);
        return (first, first.Input);
    }

    internal static CSharpCompilation Replace(CSharpCompilation compilation, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains(oldText));
        var edited = CSharpSyntaxTree.ParseText(tree.ToString().Replace(oldText, newText), GeneratorHarness.ParseOptions, tree.FilePath);
        return compilation.ReplaceSyntaxTree(tree, edited);
    }

    internal static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) =>
        run.Result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    private static int Count(GeneratorRun run, string step, IncrementalStepRunReason reason) => Reasons(run, step).Count(r => r == reason);

    private static void AllCachedOrUnchanged(GeneratorRun run, string step) =>
        Assert.All(Reasons(run, step), reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, step + ": " + reason));

    private static void AllCached(GeneratorRun run, string step) =>
        Assert.All(Reasons(run, step), reason => Assert.True(reason == IncrementalStepRunReason.Cached, step + ": " + reason));

    /// <summary>Every service's checked model, by name, from the per-tree rules step (a removed tree's are gone).</summary>
    internal static Dictionary<string, CheckedService> Checked(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[StepNames.TreeRules].SelectMany(s => s.Outputs).Where(o => o.Reason != IncrementalStepRunReason.Removed)
            .SelectMany(o => ((CheckedBucket)o.Value).Trees).SelectMany(t => t.Services).ToDictionary(c => c.Model.Name);

    /// <summary>The services whose checked model differs between two runs (or that one run lacks).</summary>
    internal static string[] ChangedModels(GeneratorRun before, GeneratorRun after)
    {
        var (old, now) = (Checked(before), Checked(after));
        return old.Keys.Union(now.Keys).Where(name => !old.TryGetValue(name, out var c) || !now.TryGetValue(name, out var d) || !c.Equals(d))
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    private static Dictionary<string, string> Sources(GeneratorRun run) =>
        run.Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    [Fact]
    public void Every_step_name_is_tracked()
    {
        var (first, _) = Start();
        var tracked = first.Result.Results.Single().TrackedSteps.Keys.ToHashSet();
        Assert.All(OurSteps, step => Assert.Contains(step, tracked));
    }

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached_or_unchanged()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));

        // The steps over the compilation ran to equal values; the edited tree's parse is equal.
        foreach (var step in OurSteps)
        {
            AllCachedOrUnchanged(second, step);
        }
        // Everything after the parses did not run at all: equal parses are not passed on.
        foreach (var step in OurSteps.Except(new[] { StepNames.TreeSkeletons, StepNames.ParseEnvironment, StepNames.TreeParses }))
        {
            AllCached(second, step);
        }
        Assert.All(second.Result.Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            output => Assert.Equal(IncrementalStepRunReason.Cached, output.Reason));
        Assert.Equal(Sources(first), Sources(second));

        // Typed views: one step output per bucket, every one Cached (not rebuilt, not compared), and one generated file
        // per bucket of the trees that declare partial services, under the same hint name as before the edit.
        var views = Reasons(second, StepNames.ServiceViews);
        Assert.Equal(Generators.Model.TreeViews.Buckets, views.Length);
        Assert.All(views, reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        AllCached(second, StepNames.ViewFiles);
        var files = Sources(second).Where(s => s.Key.StartsWith("Datamancy.Services.", StringComparison.Ordinal)).ToList();
        Assert.Equal(Sources(first).Keys.Where(hint => hint.StartsWith("Datamancy.Services.", StringComparison.Ordinal)), files.Select(f => f.Key));
        Assert.InRange(files.Count, 2, Generators.Model.TreeViews.Buckets);
        Assert.All(files, f => Assert.Matches(@"^Datamancy\.Services\.[0-9]{2}\.g\.cs$", f.Key));
        var partials = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            .Where(c => c.Modifiers.Any(SyntaxKind.PartialKeyword) && c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() == "Service"))
            .Select(c => c.Identifier.Text).ToList();
        Assert.True(partials.Count > 1, "the sample declares several partial services");
        Assert.All(partials, name => Assert.Single(files, f => f.Value.Contains(" class " + name + "\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Editing_one_descriptor_modifies_only_that_services_model_and_renders_each_artifact_once()
    {
        var (first, compilation) = Start();
        var trees = Reasons(first, StepNames.TreeRules).Length;
        var services = Checked(first).Count;
        var second = first.Rerun(Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\""));

        // One tree was checked again; of its services one model changed, the ones declared next to it re-parse to equal models.
        Assert.Equal(trees, Reasons(second, StepNames.TreeRules).Length);
        Assert.Equal(1, Count(second, StepNames.TreeRules, IncrementalStepRunReason.Modified));
        Assert.Equal(trees - 1, Count(second, StepNames.TreeRules, IncrementalStepRunReason.Cached));
        Assert.Equal(services, Checked(second).Count);
        Assert.Equal(new[] { "litellm" }, ChangedModels(first, second));
        // A typed view holds what its C# says, and no view names the image: every view bucket is equal, no file is written.
        Assert.Equal(0, Count(second, StepNames.ServiceViews, IncrementalStepRunReason.Modified));
        AllCached(second, StepNames.ViewFiles);

        // The render step ran once, and that one run produced each artifact once.
        var render = Assert.Single(second.Result.Results.Single().TrackedSteps[StepNames.Rendered]);
        Assert.Equal(IncrementalStepRunReason.Modified, Assert.Single(render.Outputs).Reason);
        var paths = second.Artifacts.Select(a => a.Path).ToList();
        Assert.Equal(paths.Distinct().Count(), paths.Count);
        Assert.Equal(first.Artifacts.Select(a => a.Path), paths);
        Assert.Contains("main-v1.53.0", second.Artifact("prod/compose.yaml"));
        Assert.DoesNotContain("main-v1.52.0", second.Artifact("prod/compose.yaml"));
    }

    [Fact]
    public void Editing_what_a_typed_view_says_writes_that_views_file_only()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\", Port = 4000", "\"ghcr.io/berriai/litellm:main-v1.52.0\", Port = 4001"));

        // The port is in litellm's InternalUrl: its bucket's views differ, the other buckets' are equal.
        Assert.Equal(1, Count(second, StepNames.ServiceViews, IncrementalStepRunReason.Modified));
        Assert.Equal(1, Count(second, StepNames.ViewFiles, IncrementalStepRunReason.Modified));
        var view = second.Result.Results.Single().GeneratedSources.Single(s => s.SourceText.ToString().Contains("class LiteLlm")).SourceText.ToString();
        Assert.Contains("InternalUrl = \"http://litellm:4001\"", view);
    }

    [Fact]
    public void Adding_a_service_parses_it_and_reuses_every_other_service()
    {
        var (first, compilation) = Start();
        var before = Checked(first).Count;
        var trees = Reasons(first, StepNames.TreeRules).Length;
        var viewFiles = Reasons(first, StepNames.ServiceViews).Length;
        var added = CSharpSyntaxTree.ParseText("""
            using Datamancy.Config;
            namespace Datamancy.Stack;

            [Service("whoami", "traefik/whoami:v1.10.3", Port = 80, Networks = Network.Frontend)]
            [UiHost("whoami")]
            [Healthcheck("/whoami", "--version")]
            public static partial class WhoAmI;
            """, GeneratorHarness.ParseOptions, "Added.cs");
        var second = first.Rerun(compilation.AddSyntaxTrees(added));

        // The new tree is the only new parse and check; every other tree's is cached, so no model, view or diagnostic
        // of another service is recomputed.
        // Its tree joined one bucket, whose check ran again; every other bucket's parses are equal, so it did not run.
        Assert.Equal(trees, Reasons(second, StepNames.TreeRules).Length);
        Assert.Equal(1, Count(second, StepNames.TreeRules, IncrementalStepRunReason.Modified));
        Assert.Equal(trees - 1, Count(second, StepNames.TreeRules, IncrementalStepRunReason.Cached));
        Assert.Equal(before + 1, Checked(second).Count);
        Assert.Equal(new[] { "whoami" }, ChangedModels(first, second));
        // Its views join one bucket, whose file is emitted again (or for the first time); every other bucket's views
        // were built again to equal values, so their files are not.
        var views = Reasons(second, StepNames.ServiceViews);
        Assert.Equal(viewFiles, views.Length);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, views.Where(r => r != IncrementalStepRunReason.Unchanged));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, StepNames.Rendered));
        Assert.Contains("whoami.", second.Artifact("prod/Caddyfile"));
    }

    [Fact]
    public void Moving_a_line_moves_the_diagnostic_and_rerenders_nothing()
    {
        const string legacy = """
            using Datamancy.Config;
            namespace Datamancy.Stack;

            /// <summary>An image without a version tag: a warning, not an error, so the stack still renders.</summary>
            [Service("legacy", "nginx", Port = 80, Networks = Network.Backend)]
            [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1/")]
            public static partial class Legacy;
            """;
        var (first, compilation) = Start(legacy);
        var line = Assert.Single(first.WithId(DiagnosticIds.UnpinnedImage)).Location.GetLineSpan().StartLinePosition.Line;

        var second = first.Rerun(Replace(compilation, "/// <summary>An image without", "\n\n\n/// <summary>An image without"));

        Assert.Equal(line + 3, Assert.Single(second.WithId(DiagnosticIds.UnpinnedImage)).Location.GetLineSpan().StartLinePosition.Line);
        // The moved class's tree re-parses with new sites; its check runs again to equal models, so nothing after it runs.
        Assert.Equal(1, Count(second, StepNames.TreeParse, IncrementalStepRunReason.Modified));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, Reasons(second, StepNames.TreeRules).Where(r => r != IncrementalStepRunReason.Cached));
        Assert.Empty(ChangedModels(first, second));
        AllCached(second, StepNames.ServiceModels);
        AllCached(second, StepNames.StackBuild);
        AllCached(second, StepNames.Rendered);
        AllCachedOrUnchanged(second, StepNames.ServiceViews); // the view is built from the parse: equal, so its source is not re-emitted
        Assert.Equal(Sources(first), Sources(second));
    }
}
