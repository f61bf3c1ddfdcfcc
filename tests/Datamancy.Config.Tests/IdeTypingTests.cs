using Datamancy.Config.Benchmarks;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Tests;

/// <summary>
/// Issue #16, the IDE case: a warm driver through 50 successive single-character edits, once inside one descriptor and
/// once in an unrelated file. At 1,000 services it reports the median per keystroke (never asserts a time) and asserts
/// that the last run's output is exactly a cold run's over the same source. Step tracking (Roslyn records every step's
/// input tree, which costs more than the run itself at 1,000 services) checks at 100 services what every keystroke
/// must do: an unrelated keystroke renders nothing, a descriptor keystroke renders once.
/// </summary>
public sealed class IdeTypingTests(ITestOutputHelper output)
{
    private const int Keystrokes = 50;

    private static readonly Lazy<Workload> Large = new(() => new Workload(1_000));
    private static readonly Lazy<Workload> Tracked = new(() => new Workload(100));

    [Fact]
    public void Typing_in_an_unrelated_file_of_1000_services_ends_where_a_cold_run_ends()
    {
        var result = Typing.InUnrelatedFile(Large.Value, Keystrokes);
        output.WriteLine("typing in an unrelated file of a 1,000-service stack: median " + result.MedianMilliseconds.ToString("0.00") + " ms per keystroke over " + Keystrokes);
        AssertSameAsCold(result);
    }

    [Fact]
    public void Typing_in_a_descriptor_of_1000_services_ends_where_a_cold_run_ends()
    {
        var result = Typing.InDescriptor(Large.Value, Keystrokes);
        output.WriteLine("typing in a descriptor of a 1,000-service stack: median " + result.MedianMilliseconds.ToString("0.00") + " ms per keystroke over " + Keystrokes);
        AssertSameAsCold(result);
        Assert.Contains(result.Driver.GetRunResult().GeneratedTrees, t => t.ToString().Contains(".0" + new string('7', Keystrokes), StringComparison.Ordinal));
    }

    [Fact]
    public void Every_unrelated_keystroke_renders_nothing()
    {
        var renders = new List<int>();
        AssertSameAsCold(Typing.InUnrelatedFile(Tracked.Value, Keystrokes, driver => renders.Add(Workload.Renders(driver))));
        Assert.Equal(Enumerable.Repeat(0, Keystrokes), renders);
    }

    [Fact]
    public void Every_descriptor_keystroke_renders_once()
    {
        var renders = new List<int>();
        AssertSameAsCold(Typing.InDescriptor(Tracked.Value, Keystrokes, driver => renders.Add(Workload.Renders(driver))));
        Assert.Equal(Enumerable.Repeat(1, Keystrokes), renders);
    }

    private static void AssertSameAsCold(Typing.Result result)
    {
        var warm = result.Driver.GetRunResult().GeneratedTrees.Select(t => (t.FilePath, Text: t.ToString())).ToList();
        var cold = Workload.NewDriver(trackSteps: false).RunGenerators(result.Final).GetRunResult().GeneratedTrees.Select(t => (t.FilePath, Text: t.ToString())).ToList();
        Assert.Equal(cold.Count, warm.Count);
        Assert.Equal(cold, warm);
    }
}
