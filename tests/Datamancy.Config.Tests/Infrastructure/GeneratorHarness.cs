using System.Collections.Immutable;
using Datamancy.Config.Emit;
using Datamancy.Config.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>The result of running the generator, the analyzers and compiling the output, as a build would.</summary>
public sealed record GeneratorRun(
    CSharpCompilation Input,
    Compilation Output,
    GeneratorDriver Driver,
    GeneratorDriverRunResult Result,
    ImmutableArray<Diagnostic> Diagnostics,
    ArtifactManifest? Manifest)
{
    public IReadOnlyList<ArtifactFile> Artifacts => Manifest?.Artifacts ?? Array.Empty<ArtifactFile>();

    public string Artifact(string path) =>
        Artifacts.SingleOrDefault(a => a.Path == path)?.Content ?? throw new KeyNotFoundException(path + " was not rendered; diagnostics: " + string.Join("; ", Diagnostics));

    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    public IEnumerable<Diagnostic> WithId(string id) => Diagnostics.Where(d => d.Id == id);

    /// <summary>Runs the same driver again on an edited compilation (for incrementality tests).</summary>
    public GeneratorRun Rerun(CSharpCompilation edited) => GeneratorHarness.Run(edited, Driver);
}

/// <summary>Builds test compilations against the public attributes and runs the generator on them.</summary>
public static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static CSharpCompilation Compile(IEnumerable<string> sources, string assemblyName = "TestStack") =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Source" + i + ".cs")),
            Basic.Reference.Assemblies.Net80.References.All.Append(MetadataReference.CreateFromFile(typeof(StackAttribute).Assembly.Location)),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));

    public static GeneratorRun Run(params string[] sources) => Run(sources, domainOverride: null);

    public static GeneratorRun Run(IEnumerable<string> sources, string? domainOverride)
    {
        var globals = new Dictionary<string, string>();
        if (domainOverride is not null)
        {
            globals[DatamancyGenerator.DomainProperty] = domainOverride;
        }
        var options = new TestOptionsProvider(globals);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new DatamancyGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return Run(Compile(sources), driver, options);
    }

    /// <summary>The analyzers a build loads from the generator assembly next to the generator.</summary>
    public static readonly ImmutableArray<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> Analyzers =
        ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(
            new Datamancy.Config.Generators.Analyzers.ServiceAnalyzer(), new Datamancy.Config.Generators.Analyzers.StackAnalyzer(),
            new Datamancy.Config.Generators.Analyzers.StackWideAnalyzer());

    public static GeneratorRun Run(CSharpCompilation input, GeneratorDriver driver, TestOptionsProvider? options = null)
    {
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var analyzerOptions = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, options ?? new TestOptionsProvider(new Dictionary<string, string>()));
        var analyzerDiagnostics = output.WithAnalyzers(Analyzers, analyzerOptions).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var compileDiagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Concat(analyzerDiagnostics);
        ArtifactManifest? manifest = null;
        using (var stream = new MemoryStream())
        {
            if (output.Emit(stream).Success)
            {
                stream.Position = 0;
                manifest = ManifestReader.Read(stream);
            }
        }
        return new GeneratorRun(input, output, driver, result, generatorDiagnostics.AddRange(compileDiagnostics), manifest);
    }

    /// <summary>The sample stack's descriptor files, as the sample project compiles them.</summary>
    public static string[] SampleSources() =>
        Directory.GetFiles(RepoPaths.Sample, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
}
