using System.Runtime.CompilerServices;
using Datamancy.Config.Generators;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests.Parsing;

/// <summary>
/// The parse stage re-does work only for the tree an edit touched: the parse environment parses each tree object once
/// (<see cref="Generators.Parsing.Trees.ParseEnvironment.Parsed"/> counts them), and after an edit every tree's
/// <see cref="StepNames.TreeParse"/> but the edited one's is equal, so nothing after it runs. Only an edit to what other
/// trees can observe (a declaration, a constant, a global alias, another part of a partial type) re-parses them all.
/// Each run is also compared with the reference parse (<see cref="ParseComparison"/>). <see cref="StepNames.TreeParse"/>
/// lists every tree (the typed views read it per tree), the unrelated file's included.
/// </summary>
public sealed class TreeIncrementalityTests
{
    private static (ParseComparison Comparison, CSharpCompilation Compilation, int Trees) Start()
    {
        var comparison = new ParseComparison();
        var sources = GeneratorHarness.SampleSources().Append(CrossTreeStack.Unrelated).ToArray();
        var compilation = GeneratorHarness.Compile(sources);
        comparison.RunAndCompare(compilation, "cold");
        Assert.Equal(sources.Length, comparison.Parsed());
        var parsed = comparison.Reasons(StepNames.TreeParse);
        Assert.Equal(sources.Length, parsed.Length);
        Assert.All(parsed, reason => Assert.Equal(IncrementalStepRunReason.New, reason));
        return (comparison, compilation, parsed.Length);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains(from));
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(tree.ToString().Replace(from, to), GeneratorHarness.ParseOptions, tree.FilePath));
    }

    [Fact]
    public void An_unrelated_edit_parses_only_the_edited_tree_and_no_service_again()
    {
        var (comparison, compilation, trees) = Start();
        for (var i = 0; i < 10; i++)
        {
            // Ten successive keystrokes in a method body, as the IDE sends them.
            compilation = Replace(compilation, "var x = " + (40 + i) + ";", "var x = " + (41 + i) + ";");
            var parsedBefore = comparison.Parsed();
            comparison.RunAndCompare(compilation, "keystroke " + i);

            // The edited tree alone was parsed again (its skeleton is equal, its parse the empty one); no declaring tree was.
            Assert.Equal(parsedBefore + 1, comparison.Parsed());
            Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, comparison.Reasons(StepNames.TreeSkeletons));
            Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, comparison.Reasons(StepNames.TreeParses));
            Assert.Equal(trees, comparison.Reasons(StepNames.TreeParse).Length);
            Assert.All(comparison.Reasons(StepNames.TreeParse), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
            // So every view bucket is Cached: not rebuilt, not compared.
            Assert.NotEmpty(comparison.Reasons(StepNames.ServiceViews));
            Assert.All(comparison.Reasons(StepNames.ServiceViews), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
            Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, comparison.Reasons(StepNames.ParseEnvironment));
            Assert.All(comparison.Reasons(StepNames.TreeRules), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
            Assert.All(comparison.Reasons(StepNames.StackParse), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        }
    }

    [Fact]
    public void A_one_descriptor_edit_parses_only_its_tree()
    {
        var (comparison, compilation, trees) = Start();
        var edited = compilation.SyntaxTrees.Single(t => t.ToString().Contains("main-v1.52.0"));
        var before = comparison.Services();
        var parsedBefore = comparison.Parsed();
        compilation = Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\"");
        comparison.RunAndCompare(compilation, "one descriptor");

        Assert.Equal(parsedBefore + 1, comparison.Parsed());
        var reasons = comparison.Reasons(StepNames.TreeParse);
        Assert.Equal(trees, reasons.Length);
        Assert.Equal(1, reasons.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(trees - 1, reasons.Count(r => r == IncrementalStepRunReason.Unchanged));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, comparison.Reasons(StepNames.ParseEnvironment));

        // One service changed; the others declared in the same file re-parse to equal parses; only that tree is checked again.
        var sameTree = edited.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>().Count(a => a.Name.ToString() == "Service");
        Assert.True(sameTree > 1, "the edited file declares several services");
        var after = comparison.Services();
        Assert.Equal(before.Count, after.Count);
        Assert.Equal(new[] { "litellm" }, before.Zip(after).Where(p => !p.First.Equals(p.Second)).Select(p => p.Second.Model!.Name));
        var rules = comparison.Reasons(StepNames.TreeRules); // one check per bucket of trees: the edited tree's ran again
        Assert.Equal(RuleBuckets.Count, rules.Length);
        Assert.Equal(1, rules.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(RuleBuckets.Count - 1, rules.Count(r => r == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void A_declaration_other_trees_can_observe_parses_every_tree_again_to_equal_results()
    {
        var (comparison, compilation, trees) = Start();
        compilation = Replace(compilation, "public static int Answer()", "public const string Answer2 = \"x\"; public static int Answer()");
        comparison.RunAndCompare(compilation, "new constant");

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, comparison.Reasons(StepNames.ParseEnvironment));
        Assert.Equal(trees, comparison.Parsed());
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, comparison.Reasons(StepNames.TreeParses));
        Assert.DoesNotContain(IncrementalStepRunReason.Modified, comparison.Reasons(StepNames.TreeParse));
        Assert.All(comparison.Reasons(StepNames.TreeRules), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void Adding_a_tree_with_a_service_parses_every_tree_once_and_renders_the_new_service()
    {
        var (comparison, compilation, trees) = Start();
        var added = CSharpSyntaxTree.ParseText("""
            using Datamancy.Config;
            namespace Datamancy.Stack;
            [Service("whoami", "traefik/whoami:v1.10.3", Port = 80, Networks = Network.Frontend)]
            public static partial class WhoAmI;
            """, GeneratorHarness.ParseOptions, "Added.cs");
        var parsedBefore = comparison.Parsed();
        comparison.RunAndCompare(compilation.AddSyntaxTrees(added), "added tree");

        // The environment changed (a new declaration), so every tree was parsed once by the new one.
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, comparison.Reasons(StepNames.ParseEnvironment));
        Assert.Equal(trees + 1, comparison.Parsed());
        var reasons = comparison.Reasons(StepNames.TreeParse);
        Assert.Equal(trees + 1, reasons.Length);
        Assert.Equal(trees, reasons.Count(r => r == IncrementalStepRunReason.Unchanged));
        var rules = comparison.Reasons(StepNames.TreeRules); // the new tree's bucket was checked again, no other
        Assert.Equal(1, rules.Count(r => r == IncrementalStepRunReason.Modified));
        Assert.Equal(RuleBuckets.Count - 1, rules.Count(r => r == IncrementalStepRunReason.Cached));
        Assert.Single(comparison.Services(), p => p.Model?.Name == "whoami");
    }

    [Fact]
    public void No_value_the_pipeline_keeps_holds_an_earlier_compilation_alive()
    {
        // The parse binds against its pass's compilation; after the next pass no value the pipeline keeps may hold it.
        var (driver, earlier, current) = RunOnTwoCompilations();
        for (var i = 0; i < 5 && earlier.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(earlier.IsAlive, "the first compilation is still reachable after the driver moved on");
        GC.KeepAlive(driver);
        GC.KeepAlive(current);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (GeneratorDriver Driver, WeakReference Earlier, CSharpCompilation Current) RunOnTwoCompilations()
    {
        var first = GeneratorHarness.Compile(GeneratorHarness.SampleSources().Append(CrossTreeStack.Unrelated));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new DatamancyGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        driver = driver.RunGenerators(first);
        var second = Replace(first, "var x = 40;", "var x = 41;");
        driver = driver.RunGenerators(second);
        return (driver, new WeakReference(first), second);
    }
}
