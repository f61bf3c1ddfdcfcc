using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Datamancy.Config.Benchmarks;

// --short [size ...]: the quick in-process pass (what CI runs through a test); otherwise BenchmarkDotNet,
// with its usual arguments (for example --filter '*Cold*').
if (args.Length > 0 && args[0] == "--short")
{
    int[] sizes = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
    var (measurements, rerenders) = ShortRun.Run(sizes.Length == 0 ? ShortRun.DefaultSizes : sizes, TimeSpan.FromMilliseconds(300));
    Console.WriteLine(Report.Format(measurements, rerenders, "Short run (" + ShortRun.Machine() + ")"));
    return 0;
}

// --render-parts [size]: where one render's time goes, artifact by artifact, and the emitter's cost per scalar.
if (args.Length > 0 && args[0] == "--render-parts")
{
    Console.WriteLine(RenderParts.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000));
    return 0;
}

// --plan-loop [size] [calls]: what an edit pays for the render plan and the stack-wide rules on a fresh model, per call.
if (args.Length > 0 && args[0] == "--plan-loop")
{
    Console.WriteLine(PlanLoop.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 100));
    return 0;
}

// --unrelated-profile [size ...]: an unrelated edit against an empty generator and a per-tree fan-out, and per step.
if (args.Length > 0 && args[0] == "--unrelated-profile")
{
    int[] sizes = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
    Console.WriteLine(UnrelatedProfile.Run(sizes.Length == 0 ? new[] { 10, 100, 1000 } : sizes, calls: 100));
    return 0;
}

// --unrelated-loop / --descriptor-loop / --port-loop / --cold-loop [size] [calls]: only that edit on the warm driver, for a profiler (dotnet-trace) to sample.
// The same number of calls runs first, unmeasured: tiered compilation reaches its optimised code only after thousands of
// unrelated edits (BenchmarkDotNet's pilot at 10 services goes from 600 µs to 50 µs per edit over 16,000 calls).
if (args.Length > 0 && args[0] is "--unrelated-loop" or "--descriptor-loop" or "--port-loop" or "--cold-loop")
{
    var unrelated = args[0] == "--unrelated-loop";
    var port = args[0] == "--port-loop";
    var cold = args[0] == "--cold-loop";
    var workload = new Workload(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000);
    var calls = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : unrelated ? 20000 : 200;
    for (var i = 0; i < calls; i++)
    {
        _ = cold ? workload.Cold() : unrelated ? workload.UnrelatedEdit() : port ? workload.PortEdit() : workload.DescriptorEdit();
    }
    var (gen0, gen1, gen2, pause, allocated) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: true));
    var clock = System.Diagnostics.Stopwatch.StartNew();
    for (var i = 0; i < calls; i++)
    {
        _ = cold ? workload.Cold() : unrelated ? workload.UnrelatedEdit() : port ? workload.PortEdit() : workload.DescriptorEdit();
    }
    clock.Stop();
    // What the loop cost per call and how much of it the GC took: the sampled profile shows a pause as PollGC.
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{calls} calls: {clock.Elapsed.TotalMilliseconds * 1000 / calls:F1} µs per call, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / calls / 1024.0:F1} KB allocated per call; " +
        $"GCs gen0 {GC.CollectionCount(0) - gen0}, gen1 {GC.CollectionCount(1) - gen1}, gen2 {GC.CollectionCount(2) - gen2}, paused {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds * 1000 / calls:F1} µs per call"));
    return 0;
}

// --steps [size] [edits]: the one-descriptor edit's time per tracked pipeline step (ElapsedTime), median over the edits.
if (args.Length > 0 && args[0] == "--steps")
{
    Console.WriteLine(StepTimes.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000, args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10));
    return 0;
}

// --build-parts [size]: validation and manifest emission, part by part, untracked.
if (args.Length > 0 && args[0] == "--build-parts")
{
    Console.WriteLine(BuildParts.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000));
    return 0;
}

var hasAnalyzers = AnalyzerSet.Any;
var config = DefaultConfig.Instance
    // Warm-up until the iterations are stable (BenchmarkDotNet's own rule), at least thirty: at 1,000 services an
    // unrelated edit took about twenty iterations of 2,048 edits to settle (511 → 46 µs per edit, 2026-12-01), and
    // BenchmarkDotNet's rule alone stopped after sixteen, so three or ten measured the settling, not the edit.
    .AddJob(Job.Default.WithMinWarmupCount(30).WithMaxWarmupCount(80).WithIterationCount(12))
    .AddFilter(new SimpleFilter(b => hasAnalyzers || b.Descriptor.WorkloadMethod.Name != nameof(GeneratorBenchmarks.Analyzers)));
var summaries = BenchmarkSwitcher.FromAssembly(typeof(GeneratorBenchmarks).Assembly).Run(args, config).ToList();

var all = new List<CaseResult>();
foreach (var report in summaries.SelectMany(s => s.Reports))
{
    if (report.ResultStatistics is null)
    {
        continue;
    }
    var size = (int)report.BenchmarkCase.Parameters["Services"];
    all.Add(new CaseResult(report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), size, report.ResultStatistics.Mean,
        report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? 0));
}
var counts = new Dictionary<(string Case, int Services), int>();
foreach (var size in all.Select(m => m.Services).Distinct().Order())
{
    var workload = new Workload(size);
    all.AddRange(ShortRun.TypingCases(workload));
    counts[(Cases.UnrelatedEdit, size)] = workload.Rerenders(descriptorEdit: false);
    counts[(Cases.DescriptorEdit, size)] = workload.Rerenders(descriptorEdit: true);
}
var table = Report.Format(all, counts, "Full run (" + ShortRun.Machine() + ")");
Console.WriteLine(table);
var output = Path.Combine(summaries.FirstOrDefault()?.ResultsDirectoryPath ?? ".", "datamancy-report.md");
File.WriteAllText(output, table);
Console.WriteLine("Report: " + output);
return 0;
