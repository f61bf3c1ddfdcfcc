using Datamancy.Config.Benchmarks;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Tests;

/// <summary>
/// The benchmark's short mode, in CI: every case once at small sizes through the same workload code
/// the BenchmarkDotNet run measures. It prints the table (test output, and a Markdown file next to the
/// test assembly) and asserts what must hold on any machine — never a time.
/// </summary>
public sealed class BenchmarkShortModeTests(ITestOutputHelper output)
{
    [Fact]
    public void Short_run_measures_every_case_and_edits_rerender_only_when_they_must()
    {
        var sizes = new[] { 10, 100 };
        var (measurements, rerenders) = ShortRun.Run(sizes, TimeSpan.FromMilliseconds(100));
        var table = Report.Format(measurements, rerenders, "Short run (" + ShortRun.Machine() + "; indicative only, times are not asserted)");
        output.WriteLine(table);
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "benchmark-short.md"), table);

        var expected = Cases.All.Where(c => c != Cases.Analyzers || AnalyzerSet.Any);
        foreach (var size in sizes)
        {
            Assert.Equal(expected.Order(), measurements.Where(m => m.Services == size).Select(m => m.Case).Order());
            Assert.All(measurements.Where(m => m.Services == size), m => Assert.True(m.MeanNanoseconds > 0, m.Case));
            Assert.Equal(0, rerenders[(Cases.UnrelatedEdit, size)]);
            Assert.Equal(1, rerenders[(Cases.DescriptorEdit, size)]);
        }
        Assert.Contains("| cold run | 100 |", table);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(137)]
    public void Synthetic_stack_declares_the_requested_services_and_renders_them(int services)
    {
        var workload = new Workload(services); // throws when the stack has an error diagnostic
        Assert.Equal(services, workload.Model.Services.Count);
        var compose = workload.Artifacts.First(a => a.Contains("\nservices:\n", StringComparison.Ordinal)); // dev and prod share it
        Assert.Contains("\n  gateway-9:\n", compose);
        Assert.True(workload.ArtifactChars > services * 100);
        Assert.Equal(workload.ArtifactChars, workload.Floor());
    }
}
