using System.Diagnostics;
using System.Globalization;
using System.Text;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// <c>--plan-loop [size] [calls]</c>: the render plan and the stack-wide rules on a fresh copy of the model (nothing
/// memoised, as after an edit), each in its own loop: wall and CPU time and allocation per call. CPU time is less
/// disturbed than wall time by other work on a shared machine.
/// </summary>
public static class PlanLoop
{
    public static string Run(int size, int calls)
    {
        var workload = new Workload(size);
        var text = new StringBuilder();
        text.Append(Loop("plan (StackRenderer.Plan)", calls, () => StackRenderer.Plan(workload.Model with { })));
        text.Append(Loop("authelia/configuration.yml", calls, () => AutheliaRenderer.Render(workload.Model with { })));
        text.Append(Loop("rules (StackValidator.Validate)", calls, () => StackValidator.Validate(workload.Model with { }, checkServices: false)));
        return text.ToString();
    }

    private static string Loop(string name, int calls, Func<object?> body)
    {
        for (var i = 0; i < 3; i++)
        {
            body();
        }
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            body();
        }
        clock.Stop();
        process.Refresh();
        return string.Create(CultureInfo.InvariantCulture,
            $"{name}: {clock.Elapsed.TotalMilliseconds / calls:F2} ms wall, {(process.TotalProcessorTime - cpu).TotalMilliseconds / calls:F2} ms CPU, {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / calls / 1048576.0:F2} MB per call\n");
    }
}
