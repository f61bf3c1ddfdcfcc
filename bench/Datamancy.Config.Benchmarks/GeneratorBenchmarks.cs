using BenchmarkDotNet.Attributes;

namespace Datamancy.Config.Benchmarks;

/// <summary>The cases of the full run, one <see cref="Workload"/> per stack size.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Workload _workload = null!;

    /// <summary>Services in the synthetic stack.</summary>
    [Params(10, 100, 1_000, 10_000)]
    public int Services { get; set; }

    [GlobalSetup]
    public void Setup() => _workload = new Workload(Services);

    [Benchmark(Description = Cases.Cold)]
    public object Cold() => _workload.Cold();

    [Benchmark(Description = Cases.UnrelatedEdit)]
    public object UnrelatedEdit() => _workload.UnrelatedEdit();

    [Benchmark(Description = Cases.DescriptorEdit)]
    public object DescriptorEdit() => _workload.DescriptorEdit();

    [Benchmark(Description = Cases.Analyzers)]
    public object? Analyzers() => _workload.Analyzers();

    [Benchmark(Description = Cases.Render)]
    public int Render() => _workload.Render();

    [Benchmark(Description = Cases.Floor)]
    public int Floor() => _workload.Floor();
}

/// <summary>The names of the cases, shared by the full run, the short mode and the report.</summary>
public static class Cases
{
    public const string Cold = "cold run";
    public const string UnrelatedEdit = "unrelated edit";
    public const string DescriptorEdit = "one-descriptor edit";
    public const string Analyzers = "analyzers";
    public const string Render = "render only";
    public const string Floor = "floor (StringBuilder)";

    public static readonly string[] All = { Cold, UnrelatedEdit, DescriptorEdit, Analyzers, Render, Floor };
}
