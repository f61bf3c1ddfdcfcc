using System.Globalization;
using System.Text;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// The table of a run: time and allocation per case and size, the growth against the previous size
/// (10× services should cost at most 11× time), render / floor, and each issue-7 target with its verdict.
/// It reports; it never fails a run.
/// </summary>
public static class Report
{
    /// <summary>The time targets of issues 7 and 16: case, size, limit in milliseconds.</summary>
    private static readonly (string Case, int Services, double LimitMs)[] TimeTargets =
    {
        (Cases.Cold, 1_000, 50),
        (Cases.Cold, 10_000, 500),
        (Cases.UnrelatedEdit, 10, 1),
        (Cases.UnrelatedEdit, 100, 1),
        (Cases.UnrelatedEdit, 1_000, 1),
        (Cases.UnrelatedEdit, 10_000, 1),
        (Cases.DescriptorEdit, 1_000, 10),
    };

    private const double MaxGrowthPerTenfold = 11;
    private const double MaxRenderOverFloor = 20;

    /// <summary>Formats the measurements (and, per size, how often each edit re-rendered) as Markdown.</summary>
    public static string Format(IReadOnlyList<CaseResult> measurements, IReadOnlyDictionary<(string Case, int Services), int> rerenders, string title)
    {
        var text = new StringBuilder();
        var sizes = measurements.Select(m => m.Services).Distinct().Order().ToList();
        text.Append("### ").Append(title).Append("\n\n");
        text.Append("| Case | Services | Mean | Allocated | Growth vs ÷10 | Re-rendered | Render / floor |\n");
        text.Append("|---|---:|---:|---:|---:|---:|---:|\n");
        foreach (var name in Cases.All)
        {
            foreach (var size in sizes)
            {
                if (Find(measurements, name, size) is not { } m)
                {
                    continue;
                }
                var growth = Find(measurements, name, size / 10) is { } smaller && smaller.MeanNanoseconds > 0
                    ? (m.MeanNanoseconds / smaller.MeanNanoseconds).ToString("0.0", CultureInfo.InvariantCulture) + "×"
                    : "";
                var rerendered = rerenders.TryGetValue((name, size), out var count) ? count.ToString(CultureInfo.InvariantCulture) : "";
                var ratio = name == Cases.Render && Find(measurements, Cases.Floor, size) is { MeanNanoseconds: > 0 } floor
                    ? (m.MeanNanoseconds / floor.MeanNanoseconds).ToString("0", CultureInfo.InvariantCulture) + "×"
                    : "";
                text.Append("| ").Append(name).Append(" | ").Append(size.ToString("N0", CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Time(m.MeanNanoseconds)).Append(" | ").Append(Bytes(m.AllocatedBytes))
                    .Append(" | ").Append(growth).Append(" | ").Append(rerendered).Append(" | ").Append(ratio).Append(" |\n");
            }
        }
        text.Append("\n| Target | Measured | Verdict |\n|---|---:|---|\n");
        foreach (var (name, size, limit) in TimeTargets)
        {
            if (Find(measurements, name, size) is { } m)
            {
                var ms = m.MeanNanoseconds / 1e6;
                text.Append("| ").Append(name).Append(" at ").Append(size.ToString("N0", CultureInfo.InvariantCulture)).Append(" ≤ ")
                    .Append(limit.ToString(CultureInfo.InvariantCulture)).Append(" ms | ").Append(Time(m.MeanNanoseconds))
                    .Append(" | ").Append(ms <= limit ? "met" : "missed by " + (ms / limit).ToString("0.0", CultureInfo.InvariantCulture) + "×").Append(" |\n");
            }
        }
        foreach (var size in sizes)
        {
            if (Find(measurements, Cases.Render, size) is { } render && Find(measurements, Cases.Floor, size) is { MeanNanoseconds: > 0 } floor)
            {
                var ratio = render.MeanNanoseconds / floor.MeanNanoseconds;
                text.Append("| render ≤ 20× floor at ").Append(size.ToString("N0", CultureInfo.InvariantCulture)).Append(" | ")
                    .Append(ratio.ToString("0", CultureInfo.InvariantCulture)).Append("× | ")
                    .Append(ratio <= MaxRenderOverFloor ? "met" : "missed").Append(" |\n");
            }
        }
        foreach (var name in new[] { Cases.Cold, Cases.DescriptorEdit, Cases.Analyzers, Cases.Render })
        {
            var worst = sizes.Where(s => s >= 100)
                .Select(s => (Size: s, Big: Find(measurements, name, s), Small: Find(measurements, name, s / 10)))
                .Where(p => p.Big is not null && p.Small is { MeanNanoseconds: > 0 })
                .Select(p => (p.Size, Growth: p.Big!.MeanNanoseconds / p.Small!.MeanNanoseconds))
                .OrderByDescending(p => p.Growth)
                .FirstOrDefault();
            if (worst.Size > 0)
            {
                text.Append("| ").Append(name).Append(": 10× services ≤ 11× time | worst ").Append(worst.Growth.ToString("0.0", CultureInfo.InvariantCulture))
                    .Append("× (to ").Append(worst.Size.ToString("N0", CultureInfo.InvariantCulture)).Append(") | ")
                    .Append(worst.Growth <= MaxGrowthPerTenfold ? "met" : "missed").Append(" |\n");
            }
        }
        AppendRelative(text, measurements);
        foreach (var pair in rerenders.Where(r => r.Key.Case == Cases.UnrelatedEdit).OrderBy(r => r.Key.Services))
        {
            text.Append("| unrelated edit re-renders nothing at ").Append(pair.Key.Services.ToString("N0", CultureInfo.InvariantCulture))
                .Append(" | ").Append(pair.Value).Append(" renders | ").Append(pair.Value == 0 ? "met" : "missed").Append(" |\n");
        }
        return text.ToString();
    }

    /// <summary>
    /// The verdicts that hold on any machine because both sides come from the same run: an unrelated edit at 1,000
    /// services within 2× of its cost at 10, a one-descriptor edit at 1,000 at most a tenth of a cold run, and where we
    /// stand against the System.Text.Json generator (ours ÷ peer).
    /// </summary>
    private static void AppendRelative(StringBuilder text, IReadOnlyList<CaseResult> measurements)
    {
        if (Find(measurements, Cases.UnrelatedEdit, 1_000) is { } big && Find(measurements, Cases.UnrelatedEdit, 10) is { MeanNanoseconds: > 0 } small)
        {
            var ratio = big.MeanNanoseconds / small.MeanNanoseconds;
            text.Append("| unrelated edit at 1,000 ≤ 2× its cost at 10 | ").Append(Ratio(ratio)).Append(" | ").Append(ratio <= 2 ? "met" : "missed").Append(" |\n");
        }
        foreach (var name in new[] { Cases.DescriptorEdit, Cases.PortEdit })
        {
            if (Find(measurements, name, 1_000) is { } edit && Find(measurements, Cases.Cold, 1_000) is { MeanNanoseconds: > 0 } cold)
            {
                var ratio = edit.MeanNanoseconds / cold.MeanNanoseconds;
                text.Append("| ").Append(name).Append(" at 1,000 ≤ cold ÷ 10 | ").Append(ratio.ToString("0.000", CultureInfo.InvariantCulture)).Append(" of cold | ")
                    .Append(ratio <= 0.1 ? "met" : "missed").Append(" |\n");
            }
        }
        foreach (var (ours, peer) in new[] { (Cases.Cold, Cases.PeerCold), (Cases.UnrelatedEdit, Cases.PeerUnrelatedEdit) })
        {
            foreach (var m in measurements.Where(m => m.Case == ours).OrderBy(m => m.Services))
            {
                if (Find(measurements, peer, m.Services) is { MeanNanoseconds: > 0 } p)
                {
                    text.Append("| ").Append(ours).Append(" vs System.Text.Json generator at ").Append(m.Services.ToString("N0", CultureInfo.InvariantCulture))
                        .Append(" | ").Append(Ratio(m.MeanNanoseconds / p.MeanNanoseconds)).Append(" | (ours ÷ peer) |\n");
                }
            }
        }
    }

    private static string Ratio(double ratio) => ratio.ToString(ratio < 10 ? "0.00" : "0", CultureInfo.InvariantCulture) + "×";

    private static CaseResult? Find(IReadOnlyList<CaseResult> measurements, string name, int size) =>
        measurements.FirstOrDefault(m => m.Case == name && m.Services == size);

    /// <summary>A duration in the unit that keeps three significant digits readable.</summary>
    public static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e9 => (nanoseconds / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        >= 1e6 => (nanoseconds / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        >= 1e3 => (nanoseconds / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " µs",
        _ => nanoseconds.ToString("0", CultureInfo.InvariantCulture) + " ns",
    };

    /// <summary>A byte count in KB/MB.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        >= 1 << 20 => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB",
        >= 1 << 10 => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " B",
    };
}
