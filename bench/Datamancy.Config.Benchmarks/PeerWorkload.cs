using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// The peer in the same run: the System.Text.Json source generator (the one .NET ships, from the System.Text.Json
/// package's Roslyn 4.4 folder, copied next to this assembly) over <see cref="PeerStack"/>, cold and after the same
/// unrelated edit as <see cref="Workload"/>. The report divides our times by these.
/// </summary>
public sealed class PeerWorkload
{
    /// <summary>Where the build copies the peer generator.</summary>
    public static readonly string GeneratorPath = Path.Combine(AppContext.BaseDirectory, "peer", "System.Text.Json.SourceGeneration.dll");

    private static readonly Lazy<ISourceGenerator> Generator = new(Load);

    private readonly SyntaxTree _unrelatedA;
    private readonly SyntaxTree _unrelatedB;
    private CSharpCompilation _current;
    private GeneratorDriver _driver;

    /// <summary>Parses the peer's files and warms the driver; throws when the peer generator produces nothing.</summary>
    public PeerWorkload(int types)
    {
        var trees = PeerStack.Create(types).Select(f => CSharpSyntaxTree.ParseText(f.Text, Workload.ParseOptions, f.Path)).ToArray();
        Compilation = CSharpCompilation.Create("Peer" + types, trees, Basic.Reference.Assemblies.Net80.References.All, Workload.CompilationOptions);
        _unrelatedA = trees.Single(t => t.FilePath == SyntheticStack.UnrelatedFile);
        _unrelatedB = Workload.Edit(_unrelatedA, SyntheticStack.UnrelatedBody, SyntheticStack.UnrelatedBodyEdited);
        _driver = NewDriver().RunGenerators(Compilation);
        var result = _driver.GetRunResult();
        GeneratedFiles = result.GeneratedTrees.Length;
        if (result.Results.Single().Exception is { } e)
        {
            throw new InvalidOperationException("The peer generator failed: " + e.Message);
        }
        if (GeneratedFiles < types)
        {
            throw new InvalidOperationException("The peer generator wrote " + GeneratedFiles + " files for " + types + " types: it did not see them");
        }
        _current = Compilation;
    }

    /// <summary>The peer's input compilation.</summary>
    public CSharpCompilation Compilation { get; }

    /// <summary>How many files the peer generated on the first run.</summary>
    public int GeneratedFiles { get; }

    /// <summary>Cold: a new driver over a new compilation of the already-parsed trees.</summary>
    public GeneratorDriver Cold() =>
        NewDriver().RunGenerators(CSharpCompilation.Create(Compilation.AssemblyName, Compilation.SyntaxTrees, Compilation.References, Compilation.Options));

    /// <summary>Re-run after editing a method body in a file without serializable types (alternating two bodies).</summary>
    public GeneratorDriver UnrelatedEdit()
    {
        _current = Workload.Swap(_current, _unrelatedA, _unrelatedB);
        return _driver = _driver.RunGenerators(_current);
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create(new[] { Generator.Value }, parseOptions: Workload.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));

    private static ISourceGenerator Load()
    {
        if (!File.Exists(GeneratorPath))
        {
            throw new FileNotFoundException("The peer generator is not next to the benchmark (the build copies it from the System.Text.Json package)", GeneratorPath);
        }
        var type = Assembly.LoadFrom(GeneratorPath).GetTypes()
            .Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
        return ((IIncrementalGenerator)Activator.CreateInstance(type)!).AsSourceGenerator();
    }
}
