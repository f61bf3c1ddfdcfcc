using System.Diagnostics;
using System.Globalization;
using System.Text;
using Datamancy.Config.Generators;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// <c>--steps [size] [edits]</c>: where a one-descriptor edit's time goes, step by step. A driver that tracks its steps
/// replays the benchmark's alternating edit; each tracked step's <see cref="IncrementalGeneratorRunStep.ElapsedTime"/>
/// is summed over its runs in one pass, and the median over the edits is reported with the pass's wall time and how
/// many outputs of each step were new or modified. Indicative: tracking itself costs time.
/// </summary>
public static class StepTimes
{
    public static string Run(int size, int edits)
    {
        var workload = new Workload(size);
        var (before, after) = workload.DescriptorTrees;
        var compilation = workload.Compilation;
        var driver = Workload.NewDriver(trackSteps: true).RunGenerators(compilation);
        var perStep = new Dictionary<string, List<double>>();
        var changed = new Dictionary<string, int>();
        var walls = new List<double>();
        for (var i = 0; i < edits; i++)
        {
            compilation = Workload.Swap(compilation, before, after);
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            walls.Add(watch.Elapsed.TotalMilliseconds);
            foreach (var (name, runs) in driver.GetRunResult().Results.Single().TrackedSteps)
            {
                if (!perStep.TryGetValue(name, out var list))
                {
                    perStep[name] = list = new List<double>();
                }
                list.Add(runs.Sum(r => r.ElapsedTime.TotalMilliseconds));
                changed[name] = runs.SelectMany(r => r.Outputs).Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);
            }
        }
        var text = new StringBuilder();
        text.Append("### One-descriptor edit at ").Append(size.ToString(CultureInfo.InvariantCulture)).Append(" services, tracked steps (median of ")
            .Append(edits.ToString(CultureInfo.InvariantCulture)).Append(" edits; ").Append(ShortRun.Machine()).Append(")\n\n");
        text.Append("Wall time per edit (tracking on): ").Append(Median(walls).ToString("0.00", CultureInfo.InvariantCulture)).Append(" ms\n\n");
        text.Append("| Step | Elapsed (sum of its runs) | Outputs new or modified |\n|---|---:|---:|\n");
        foreach (var (name, list) in perStep.OrderByDescending(p => Median(p.Value)))
        {
            text.Append("| ").Append(name).Append(" | ").Append(Median(list).ToString("0.000", CultureInfo.InvariantCulture)).Append(" ms | ")
                .Append(changed[name].ToString(CultureInfo.InvariantCulture)).Append(" |\n");
        }
        return text.ToString();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
