using Datamancy.Config.Emit;
using Datamancy.Config.Generators;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Datamancy.Config.Tests.Fuzzing;

/// <summary>A lighter harness for the property tests (it reads the generator's internal render step).</summary>
public static class GeneratorOnlyHarness
{
    /// <summary>
    /// The generator alone, for high-volume property tests: artifacts come from the tracked render step instead
    /// of emitting and reading the assembly, analyzers do not run, and only the generated files are bound.
    /// </summary>
    public static GeneratorRun RunGeneratorOnly(string source)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new DatamancyGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        var input = GeneratorHarness.Compile(new[] { source });
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out var generatorDiagnostics);
        var result = driver.GetRunResult();
        var generated = output.SyntaxTrees.Where(t => !input.SyntaxTrees.Contains(t));
        var generatedDiagnostics = generated.SelectMany(t => output.GetSemanticModel(t).GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning);
        var rendered = (Datamancy.Config.Generators.RenderedStack)result.Results.Single().TrackedSteps[StepNames.Rendered].Single().Outputs.Single().Value;
        var manifest = new ArtifactManifest(rendered.Blocked, rendered.Artifacts.Select(a => new ArtifactFile(a.Path, a.Content)).ToList(), Array.Empty<SecretEntry>());
        return new GeneratorRun(input, output, driver, result, generatorDiagnostics.AddRange(generatedDiagnostics), manifest);
    }
}
