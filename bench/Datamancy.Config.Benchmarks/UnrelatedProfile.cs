using System.Diagnostics;
using System.Globalization;
using System.Text;
using Datamancy.Config.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// Where an unrelated edit's time goes (<c>--unrelated-profile [size ...]</c>): the edit itself against two floors
/// over the same trees in the same run — Roslyn's driver with an empty generator, and a generator that only fans
/// the compilation out per tree as ours does — and the time Roslyn records per tracked step of our pipeline.
/// </summary>
public static class UnrelatedProfile
{
    // Roslyn's step recording over 1,000 services costs more than the edit itself: a few edits are enough for the means.
    private const int TrackedEdits = 5;

    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1.5);

    /// <summary>Runs the profile at each size and returns it as Markdown.</summary>
    public static string Run(IEnumerable<int> sizes, int calls)
    {
        var text = new StringBuilder();
        text.AppendLine("Unrelated edit, median of " + calls + " calls (" + ShortRun.Machine() + ")").AppendLine();
        text.AppendLine("| Services | Trees | Datamancy | Allocated | Empty generator | Per-tree fan-out | Fan-out + one file per tree | Datamancy − that floor | Same + per-service entries and Collect | Generated files |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        var steps = new List<(int Size, Dictionary<string, (double Ms, int Outputs)> Steps)>();
        foreach (var size in sizes)
        {
            var workload = new Workload(size);
            var (ours, bytes) = Median(calls, () => workload.UnrelatedEdit());
            var (empty, _) = Median(calls, Floor(workload, new EmptyGenerator()));
            var (fanOut, _) = Median(calls, Floor(workload, new PerTreeGenerator(emit: false)));
            var (withFiles, _) = Median(calls, Floor(workload, new PerTreeGenerator(emit: true)));
            var (withServices, _) = Median(calls, Floor(workload, new PerTreeGenerator(emit: true, servicesPerTree: 10)));
            var files = workload.UnrelatedEdit().GetRunResult().GeneratedTrees.Length;
            text.AppendLine(string.Join(" | ", "| " + size, workload.Compilation.SyntaxTrees.Count(), Ms(ours), Kb(bytes), Ms(empty), Ms(fanOut), Ms(withFiles), Ms(ours - withFiles), Ms(withServices), files + " |"));
            steps.Add((size, Steps(workload, TrackedEdits)));
            Console.Error.WriteLine(size + " services done");
        }
        text.AppendLine().AppendLine("Roslyn's recorded time per step (tracked driver, mean of " + TrackedEdits + " edits; in parentheses the entries of the step):").AppendLine();
        text.AppendLine("| Step | " + string.Join(" | ", steps.Select(s => s.Size + " services")) + " |");
        text.AppendLine("|---|" + string.Concat(steps.Select(_ => "---:|")));
        foreach (var name in steps.SelectMany(s => s.Steps.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            text.AppendLine("| " + name + " | " + string.Join(" | ", steps.Select(s => s.Steps.TryGetValue(name, out var v) ? Ms(v.Ms) + " (" + v.Outputs + ")" : "")) + " |");
        }
        return text.ToString();
    }

    /// <summary>The summed elapsed time and output count of every tracked step, per unrelated edit.</summary>
    private static Dictionary<string, (double Ms, int Outputs)> Steps(Workload workload, int calls)
    {
        var (before, after) = workload.UnrelatedTrees;
        var compilation = (Compilation)workload.Compilation;
        var driver = Workload.NewDriver(trackSteps: true).RunGenerators(compilation);
        var sums = new Dictionary<string, (double Ms, int Outputs)>(StringComparer.Ordinal);
        for (var i = 0; i < calls; i++)
        {
            var (from, to) = i % 2 == 0 ? (before, after) : (after, before);
            compilation = compilation.ReplaceSyntaxTree(from, to);
            driver = driver.RunGenerators(compilation);
            foreach (var (name, runs) in driver.GetRunResult().Results.Single().TrackedSteps)
            {
                var ms = runs.Sum(r => r.ElapsedTime.TotalMilliseconds);
                var outputs = runs.Sum(r => r.Outputs.Length);
                sums[name] = sums.TryGetValue(name, out var s) ? (s.Ms + ms, outputs) : (ms, outputs);
            }
        }
        return sums.ToDictionary(p => p.Key, p => (p.Value.Ms / calls, p.Value.Outputs));
    }

    /// <summary>The same alternating edit with another generator on its own warm driver.</summary>
    private static Func<object?> Floor(Workload workload, IIncrementalGenerator generator)
    {
        var (before, after) = workload.UnrelatedTrees;
        var compilation = (Compilation)workload.Compilation;
        var driver = (GeneratorDriver)CSharpGeneratorDriver.Create(
            new[] { generator.AsSourceGenerator() }, parseOptions: Workload.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false)).RunGenerators(compilation);
        var edited = false;
        return () =>
        {
            compilation = edited ? compilation.ReplaceSyntaxTree(after, before) : compilation.ReplaceSyntaxTree(before, after);
            edited = !edited;
            return driver = driver.RunGenerators(compilation);
        };
    }

    private static (double Ms, long Bytes) Median(int calls, Func<object?> body)
    {
        // At least a second of calls first: tiered compilation promotes a method only after its first 100 ms, so without
        // it the first size measured (10 services) runs unoptimised code and the ratio to 1,000 services looks better than it is.
        var warm = Stopwatch.StartNew();
        for (var i = 0; i < 5 || warm.Elapsed < WarmUp; i++)
        {
            GC.KeepAlive(body());
        }
        var times = new double[calls];
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            var clock = Stopwatch.StartNew();
            GC.KeepAlive(body());
            times[i] = clock.Elapsed.TotalMilliseconds;
        }
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - bytes) / calls;
        Array.Sort(times);
        return (times[calls / 2], allocated);
    }

    private static string Ms(double ms) => ms.ToString("0.000", CultureInfo.InvariantCulture) + " ms";

    private static string Kb(long bytes) => (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KB";

    /// <summary>Registers nothing: what Roslyn's driver costs per pass by itself.</summary>
    private sealed class EmptyGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
        }
    }

    /// <summary>
    /// The least a per-tree pipeline does: one equatable value per tree (cached while the tree object is the same),
    /// a transform per tree and a source output per tree — ours without parsing, rendering or emitting. With
    /// <c>emit</c>, the output adds one small file per tree, as our typed views do: Roslyn's cost per generated file.
    /// </summary>
    /// <remarks>
    /// With <c>servicesPerTree</c>, each tree also fans out to that many per-service entries (the synthetic stack's
    /// ten services a file), selected and collected as our models are: Roslyn's cost per cached entry and Collect.
    /// </remarks>
    private sealed class PerTreeGenerator(bool emit, int servicesPerTree = 0) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var trees = context.CompilationProvider.SelectMany(static (c, _) => c.SyntaxTrees.Select(t => new TreeRef(t)));
            if (servicesPerTree > 0)
            {
                var count = servicesPerTree;
                var services = trees.Select(static (t, _) => t.Tree.FilePath).SelectMany((path, _) => Enumerable.Range(0, count).Select(i => path + "#" + i));
                var all = services.Select(static (s, _) => s.Length).Collect();
                context.RegisterSourceOutput(all, static (_, _) => { });
            }
            var names = trees.Select(static (t, _) => "Floor." + System.IO.Path.GetFileNameWithoutExtension(t.Tree.FilePath) + "." + t.Tree.Length + ".g.cs");
            if (emit)
            {
                context.RegisterSourceOutput(names, static (spc, name) => spc.AddSource(name, "// " + name + "\ninternal static partial class FloorMarker { }\n"));
            }
            else
            {
                context.RegisterSourceOutput(names, static (_, _) => { });
            }
        }

        private sealed class TreeRef(SyntaxTree tree) : IEquatable<TreeRef>
        {
            public SyntaxTree Tree { get; } = tree;

            public bool Equals(TreeRef? other) => other is not null && ReferenceEquals(Tree, other.Tree);

            public override bool Equals(object? obj) => Equals(obj as TreeRef);

            public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Tree);
        }
    }
}
