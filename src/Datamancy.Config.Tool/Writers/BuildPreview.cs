using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Analyzers;
using Datamancy.Config.Tool.Mapping;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Datamancy.Config.Tool.Writers;

/// <summary>
/// Compiles the written descriptors in memory with the same generator and analyzers the package adds to a build, so
/// the report lists each rule exactly as <c>dotnet build</c> of the imported project will report it.
/// </summary>
internal static class BuildPreview
{
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static List<Violation> Diagnose(IReadOnlyDictionary<string, string> sources, string assemblyName)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Value, parse, path: s.Key)).ToList();
        var compilation = CSharpCompilation.Create(assemblyName, trees, References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, deterministic: true));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new DatamancyGenerator().AsSourceGenerator() }, parseOptions: parse);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ServiceAnalyzer(), new StackAnalyzer(), new StackWideAnalyzer());
        var analyzerDiagnostics = output.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var all = generatorDiagnostics
            .Concat(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning))
            .Concat(analyzerDiagnostics)
            .Where(d => d.Severity >= DiagnosticSeverity.Info);
        return all
            .Select(d =>
            {
                var span = d.Location.GetMappedLineSpan();
                return new Violation(d.Id, d.Severity.ToString().ToLowerInvariant(), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    span.IsValid ? Path.GetFileName(span.Path) : string.Empty, span.IsValid ? span.StartLinePosition.Line + 1 : 0);
            })
            .Distinct()
            .OrderBy(v => v.File, StringComparer.Ordinal).ThenBy(v => v.Line).ThenBy(v => v.Id, StringComparer.Ordinal).ThenBy(v => v.Message, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The running platform's assemblies (what a net8.0+ build compiles against) and the attributes.</summary>
    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        var paths = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => Path.GetFileName(p) is var name && (name.StartsWith("System.", StringComparison.Ordinal) || name is "mscorlib.dll" or "netstandard.dll"))
            .Append(typeof(StackAttribute).Assembly.Location)
            .Distinct(StringComparer.Ordinal);
        return paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }
}
