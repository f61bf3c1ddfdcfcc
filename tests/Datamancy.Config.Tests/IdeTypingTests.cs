using Datamancy.Config.Benchmarks;
using Datamancy.Config.Generators;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Tests;

/// <summary>
/// Issue #16, the IDE case: a warm driver through 50 successive single-character edits of a 1,000-service stack, once
/// inside one descriptor and once in an unrelated file. It reports the median per keystroke (never asserts a time) and
/// asserts what every keystroke must do: an unrelated keystroke renders nothing, a descriptor keystroke renders once,
/// and the last run's output is exactly a cold run's over the same source.
/// </summary>
public sealed class IdeTypingTests(ITestOutputHelper output)
{
    private const int Services = 1_000;
    private const int Keystrokes = 50;

    private static readonly Lazy<Workload> Stack = new(() => new Workload(Services));

    [Fact]
    public void Typing_in_an_unrelated_file_renders_nothing_and_keeps_the_output()
    {
        var renders = new List<int>();
        var result = Typing.InUnrelatedFile(Stack.Value, Keystrokes, driver => renders.Add(Renders(driver)));
        output.WriteLine("typing in an unrelated file of a " + Services + "-service stack: median " + result.MedianMilliseconds.ToString("0.00") + " ms per keystroke over " + Keystrokes);
        Assert.Equal(Enumerable.Repeat(0, Keystrokes), renders);
        AssertSameAsCold(result);
    }

    [Fact]
    public void Typing_in_a_descriptor_renders_once_per_keystroke_and_ends_where_a_cold_run_ends()
    {
        var renders = new List<int>();
        var result = Typing.InDescriptor(Stack.Value, Keystrokes, driver => renders.Add(Renders(driver)));
        output.WriteLine("typing in a descriptor of a " + Services + "-service stack: median " + result.MedianMilliseconds.ToString("0.00") + " ms per keystroke over " + Keystrokes);
        Assert.Equal(Enumerable.Repeat(1, Keystrokes), renders);
        AssertSameAsCold(result);
        var tag = new string('7', Keystrokes);
        Assert.Contains(result.Driver.GetRunResult().GeneratedTrees, t => t.ToString().Contains(":1.", StringComparison.Ordinal) && t.ToString().Contains(".0" + tag, StringComparison.Ordinal));
    }

    private static int Renders(GeneratorDriver driver) =>
        driver.GetRunResult().Results.Single().TrackedSteps[StepNames.Rendered].SelectMany(s => s.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

    private static void AssertSameAsCold(Typing.Result result)
    {
        var warm = result.Driver.GetRunResult().GeneratedTrees.Select(t => (t.FilePath, Text: t.ToString())).ToList();
        var cold = Workload.NewDriver(trackSteps: false).RunGenerators(result.Final).GetRunResult().GeneratedTrees.Select(t => (t.FilePath, Text: t.ToString())).ToList();
        Assert.Equal(cold.Count, warm.Count);
        Assert.Equal(cold, warm);
    }
}
