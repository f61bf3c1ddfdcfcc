using System.Diagnostics;
using System.Globalization;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// The short mode: every case of the full run, at small sizes, timed with a stopwatch for a few
/// iterations in-process. It prints the same table as the full run in seconds instead of minutes;
/// its numbers are indicative only (no pilot, few iterations, possibly a Debug build).
/// </summary>
public static class ShortRun
{
    /// <summary>The sizes the CI test runs.</summary>
    public static readonly int[] DefaultSizes = { 10, 100 };

    /// <summary>Runs every case at each size and returns the measurements and re-render counts.</summary>
    public static (List<CaseResult> Measurements, Dictionary<(string Case, int Services), int> Rerenders) Run(IEnumerable<int> sizes, TimeSpan budgetPerCase)
    {
        var measurements = new List<CaseResult>();
        var rerenders = new Dictionary<(string, int), int>();
        foreach (var size in sizes)
        {
            var workload = new Workload(size);
            var cases = new List<(string Name, Func<object?> Body)>
            {
                (Cases.Cold, () => workload.Cold()),
                (Cases.UnrelatedEdit, () => workload.UnrelatedEdit()),
                (Cases.DescriptorEdit, () => workload.DescriptorEdit()),
                (Cases.PortEdit, () => workload.PortEdit()),
                (Cases.Render, () => workload.Render()),
                (Cases.Floor, () => workload.Floor()),
            };
            var peer = new PeerWorkload(size);
            cases.Add((Cases.PeerCold, () => peer.Cold()));
            cases.Add((Cases.PeerUnrelatedEdit, () => peer.UnrelatedEdit()));
            if (workload.HasAnalyzers)
            {
                cases.Insert(4, (Cases.Analyzers, () => workload.Analyzers()));
            }
            foreach (var (name, body) in cases)
            {
                measurements.Add(Measure(name, size, body, budgetPerCase));
            }
            measurements.AddRange(TypingCases(workload));
            rerenders[(Cases.UnrelatedEdit, size)] = workload.Rerenders(descriptorEdit: false);
            rerenders[(Cases.DescriptorEdit, size)] = workload.Rerenders(descriptorEdit: true);
        }
        return (measurements, rerenders);
    }

    /// <summary>The IDE cases: the median of 50 successive keystrokes in a descriptor and in an unrelated file.</summary>
    public static IEnumerable<CaseResult> TypingCases(Workload workload)
    {
        const int keystrokes = 50;
        foreach (var (name, run) in new (string, Func<Typing.Result>)[]
        {
            (Cases.TypingDescriptor, () => Typing.InDescriptor(workload, keystrokes)),
            (Cases.TypingUnrelated, () => Typing.InUnrelatedFile(workload, keystrokes)),
        })
        {
            var bytes = GC.GetTotalAllocatedBytes(precise: true);
            var result = run();
            var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / keystrokes;
            yield return new CaseResult(name, workload.Stack.Services, result.MedianMilliseconds * 1e6, allocated);
        }
    }

    /// <summary>One warm-up call, then calls until the budget is spent (at least 1, at most 50).</summary>
    private static CaseResult Measure(string name, int size, Func<object?> body, TimeSpan budget)
    {
        GC.KeepAlive(body());
        var calls = 0;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        while (calls < 1 || (calls < 50 && clock.Elapsed < budget))
        {
            GC.KeepAlive(body());
            calls++;
        }
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - bytes;
        return new CaseResult(name, size, clock.Elapsed.TotalNanoseconds / calls, allocated / calls);
    }

    /// <summary>The line that says where the numbers come from.</summary>
    public static string Machine() =>
        Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " logical cores, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription
        + ", " + System.Runtime.InteropServices.RuntimeInformation.OSDescription
#if DEBUG
        + ", Debug build"
#else
        + ", Release build"
#endif
        ;
}
