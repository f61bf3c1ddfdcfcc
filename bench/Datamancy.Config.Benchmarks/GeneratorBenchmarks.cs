using BenchmarkDotNet.Attributes;

namespace Datamancy.Config.Benchmarks;

/// <summary>The cases of the full run, one <see cref="Workload"/> per stack size.</summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Workload _workload = null!;
    private PeerWorkload _peer = null!;

    /// <summary>Services in the synthetic stack.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Services { get; set; }

    /// <summary>10, 100, 1,000 and 10,000 services, or the sizes in <c>DATAMANCY_BENCH_SIZES</c> (comma-separated).</summary>
    public static IEnumerable<int> Sizes() =>
        Environment.GetEnvironmentVariable("DATAMANCY_BENCH_SIZES") is { Length: > 0 } sizes
            ? sizes.Split(',').Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture))
            : new[] { 10, 100, 1_000, 10_000 };

    [GlobalSetup]
    public void Setup()
    {
        _workload = new Workload(Services);
        _peer = new PeerWorkload(Services);
    }

    [Benchmark(Description = Cases.Cold)]
    public object Cold() => _workload.Cold();

    [Benchmark(Description = Cases.UnrelatedEdit)]
    public object UnrelatedEdit() => _workload.UnrelatedEdit();

    [Benchmark(Description = Cases.DescriptorEdit)]
    public object DescriptorEdit() => _workload.DescriptorEdit();

    [Benchmark(Description = Cases.PortEdit)]
    public object PortEdit() => _workload.PortEdit();

    [Benchmark(Description = Cases.Analyzers)]
    public object? Analyzers() => _workload.Analyzers();

    [Benchmark(Description = Cases.Render)]
    public int Render() => _workload.Render();

    [Benchmark(Description = Cases.Floor)]
    public int Floor() => _workload.Floor();

    [Benchmark(Description = Cases.PeerCold)]
    public object PeerCold() => _peer.Cold();

    [Benchmark(Description = Cases.PeerUnrelatedEdit)]
    public object PeerUnrelatedEdit() => _peer.UnrelatedEdit();
}

/// <summary>The names of the cases, shared by the full run, the short mode and the report.</summary>
public static class Cases
{
    public const string Cold = "cold run";
    public const string UnrelatedEdit = "unrelated edit";
    public const string DescriptorEdit = "one-descriptor edit";
    public const string PortEdit = "one-descriptor edit of a port (the plan runs again)";
    public const string Analyzers = "analyzers";
    public const string Render = "render only";
    public const string Floor = "floor (StringBuilder)";
    public const string PeerCold = "peer: System.Text.Json generator, cold";
    public const string PeerUnrelatedEdit = "peer: System.Text.Json generator, unrelated edit";
    public const string TypingDescriptor = "typing in a descriptor (median of 50 keystrokes)";
    public const string TypingUnrelated = "typing in an unrelated file (median of 50 keystrokes)";

    public static readonly string[] All = { Cold, UnrelatedEdit, DescriptorEdit, PortEdit, Analyzers, Render, Floor, PeerCold, PeerUnrelatedEdit, TypingDescriptor, TypingUnrelated };

    /// <summary>The cases the short mode and the full run time with 50 successive keystrokes instead of a benchmark loop.</summary>
    public static readonly string[] Typing = { TypingDescriptor, TypingUnrelated };
}
