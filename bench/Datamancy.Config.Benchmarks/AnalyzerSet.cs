using System.Collections.Immutable;
using System.Reflection;
using Datamancy.Config.Generators;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// The project's analyzers, found the way the compiler finds them: every non-abstract
/// <see cref="DiagnosticAnalyzer"/> marked <see cref="DiagnosticAnalyzerAttribute"/> in the generator assembly.
/// A new analyzer is benchmarked without touching the benchmark.
/// </summary>
public static class AnalyzerSet
{
    /// <summary>A fresh instance of each analyzer, ordered by type name.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Create() =>
        typeof(DatamancyGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

    /// <summary>True when the generator assembly ships at least one analyzer.</summary>
    public static bool Any => !Create().IsEmpty;
}
