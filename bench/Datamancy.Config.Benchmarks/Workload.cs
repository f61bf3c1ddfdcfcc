using System.Collections.Immutable;
using System.Text;
using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// Every benchmark case over one synthetic stack, prepared once. The BenchmarkDotNet class and the
/// short mode both call these methods, so CI exercises exactly the code the full run measures.
/// </summary>
public sealed class Workload
{
    /// <summary>The parse options of every tree (the sample's language version).</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>The compilation options of every benchmarked compilation (ours and the peer's).</summary>
    public static readonly CSharpCompilationOptions CompilationOptions =
        new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true);

    private readonly SyntaxTree _unrelatedA;
    private readonly SyntaxTree _unrelatedB;
    private readonly SyntaxTree _descriptorA;
    private readonly SyntaxTree _descriptorB;
    private readonly SyntaxTree _portB;
    private readonly ImmutableArray<DiagnosticAnalyzer> _analyzers;
    private CSharpCompilation _unrelatedCurrent;
    private CSharpCompilation _descriptorCurrent;
    private CSharpCompilation _portCurrent;
    private GeneratorDriver _unrelatedDriver;
    private GeneratorDriver _descriptorDriver;
    private GeneratorDriver _portDriver;

    /// <summary>Parses the stack's files and warms both incremental drivers.</summary>
    public Workload(int services)
    {
        Stack = SyntheticStack.Create(services);
        var trees = Stack.Files.Select(f => CSharpSyntaxTree.ParseText(f.Text, ParseOptions, f.Path)).ToArray();
        Compilation = CSharpCompilation.Create(
            "Synthetic" + services,
            trees,
            Basic.Reference.Assemblies.Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(StackAttribute).Assembly.Location)),
            CompilationOptions);

        _unrelatedA = trees.Single(t => t.FilePath == SyntheticStack.UnrelatedFile);
        _unrelatedB = Edit(_unrelatedA, SyntheticStack.UnrelatedBody, SyntheticStack.UnrelatedBodyEdited);
        _descriptorA = trees.Single(t => t.FilePath == Stack.EditedFile);
        _descriptorB = Edit(_descriptorA, Stack.DescriptorImage, Stack.DescriptorImageEdited);
        _portB = Edit(_descriptorA, Stack.DescriptorHead, Stack.DescriptorHeadEdited);

        var first = NewDriver(trackSteps: false).RunGeneratorsAndUpdateCompilation(Compilation, out var output, out var diagnostics);
        var errors = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The synthetic stack of " + services + " services does not compile: " + string.Join("; ", errors.Take(5)));
        }
        WithGenerated = output;
        _unrelatedDriver = first;
        _descriptorDriver = first;
        _portDriver = first;
        _unrelatedCurrent = Compilation;
        _descriptorCurrent = Compilation;
        _portCurrent = Compilation;

        var tracked = NewDriver(trackSteps: true).RunGenerators(Compilation).GetRunResult().Results.Single();
        // A blocked stack renders nothing in the pipeline: the cold and edit cases would measure parsing and validation only.
        if (((RenderedStack)tracked.TrackedSteps[StepNames.Rendered].Single().Outputs.Single().Value) is { Blocked: true } or { InternalError: not null })
        {
            throw new InvalidOperationException("The synthetic stack of " + services + " services is blocked by an error-level rule: the pipeline would render nothing");
        }
        Model = ((StackBuild)tracked.TrackedSteps[StepNames.StackBuild].Single().Outputs.Single().Value).Model
            ?? throw new InvalidOperationException("The synthetic stack has no model");
        Artifacts = StackRenderer.RenderAll(Model).Items.Select(a => a.Content).ToArray();
        _analyzers = AnalyzerSet.Create();
    }

    /// <summary>The synthetic stack.</summary>
    public SyntheticStack Stack { get; }

    /// <summary>The input compilation: the stack's descriptors and unrelated code.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>The compilation with the generated source added, as the analyzers see it in a build.</summary>
    public Compilation WithGenerated { get; }

    /// <summary>The stack model the renderers read.</summary>
    internal StackModel Model { get; }

    /// <summary>The rendered artifact texts, in render order: what the floor appends.</summary>
    public IReadOnlyList<string> Artifacts { get; }

    /// <summary>Total characters of every artifact.</summary>
    public long ArtifactChars => Artifacts.Sum(a => (long)a.Length);

    /// <summary>Cold: a new driver over a new compilation of the already-parsed trees (no cached state anywhere).</summary>
    public GeneratorDriver Cold() =>
        NewDriver(trackSteps: false).RunGenerators(CSharpCompilation.Create(Compilation.AssemblyName, Compilation.SyntaxTrees, Compilation.References, Compilation.Options));

    /// <summary>Re-run after editing a method body in a file without descriptors (alternating two bodies).</summary>
    public GeneratorDriver UnrelatedEdit()
    {
        _unrelatedCurrent = Swap(_unrelatedCurrent, _unrelatedA, _unrelatedB);
        return _unrelatedDriver = _unrelatedDriver.RunGenerators(_unrelatedCurrent);
    }

    /// <summary>Re-run after changing one descriptor's image tag (alternating two tags).</summary>
    public GeneratorDriver DescriptorEdit()
    {
        _descriptorCurrent = Swap(_descriptorCurrent, _descriptorA, _descriptorB);
        return _descriptorDriver = _descriptorDriver.RunGenerators(_descriptorCurrent);
    }

    /// <summary>
    /// Re-run after changing the same descriptor's port (alternating two ports): a field the stack-level texts read (the
    /// Caddyfile's upstream, the network map), so the render plan runs again, unlike for an image tag.
    /// </summary>
    public GeneratorDriver PortEdit()
    {
        _portCurrent = Swap(_portCurrent, _descriptorA, _portB);
        return _portDriver = _portDriver.RunGenerators(_portCurrent);
    }

    /// <summary>The project's analyzers over the compilation with the generated source; null when there are none.</summary>
    public ImmutableArray<Diagnostic>? Analyzers() =>
        _analyzers.IsEmpty ? null : WithGenerated.WithAnalyzers(_analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>Every renderer over the model, without the pipeline around it.</summary>
    public int Render() => StackRenderer.RenderAll(Model).Count;

    /// <summary>The physical floor: appending the same artifact text to a StringBuilder.</summary>
    public int Floor()
    {
        var builder = new StringBuilder();
        foreach (var artifact in Artifacts)
        {
            builder.Append(artifact);
        }
        return builder.Length;
    }

    /// <summary>True when the project ships analyzers to benchmark.</summary>
    public bool HasAnalyzers => !_analyzers.IsEmpty;

    /// <summary>A driver for the generator with the options a build uses (step tracking only for the tests).</summary>
    public static GeneratorDriver NewDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new DatamancyGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The trees of the two alternating edits, for callers that replay them with a tracking driver.</summary>
    public (SyntaxTree Before, SyntaxTree After) UnrelatedTrees => (_unrelatedA, _unrelatedB);

    /// <inheritdoc cref="UnrelatedTrees"/>
    public (SyntaxTree Before, SyntaxTree After) DescriptorTrees => (_descriptorA, _descriptorB);

    /// <summary>
    /// How many times the artifacts were rendered again by an edit (before → after), counted on a driver
    /// that tracks its steps: the outputs of the render step that are new or modified.
    /// </summary>
    public int Rerenders(bool descriptorEdit)
    {
        var (before, after) = descriptorEdit ? DescriptorTrees : UnrelatedTrees;
        var driver = NewDriver(trackSteps: true).RunGenerators(Compilation);
        return Renders(driver.RunGenerators(Compilation.ReplaceSyntaxTree(before, after)));
    }

    /// <summary>How many outputs of the render step the driver's last run produced anew (it must track its steps).</summary>
    public static int Renders(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[StepNames.Rendered].SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

    /// <summary>The tree reparsed with <paramref name="oldText"/> replaced; throws when the tree does not contain it.</summary>
    internal static SyntaxTree Edit(SyntaxTree tree, string oldText, string newText)
    {
        var text = tree.ToString();
        if (!text.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(tree.FilePath + " does not contain " + oldText);
        }
        return CSharpSyntaxTree.ParseText(text.Replace(oldText, newText, StringComparison.Ordinal), ParseOptions, tree.FilePath);
    }

    /// <summary>The compilation with whichever of the two trees it holds replaced by the other.</summary>
    internal static CSharpCompilation Swap(CSharpCompilation compilation, SyntaxTree a, SyntaxTree b) =>
        compilation.ContainsSyntaxTree(a) ? compilation.ReplaceSyntaxTree(a, b) : compilation.ReplaceSyntaxTree(b, a);
}
