using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// The IDE case: successive single-character edits, each applied the way the editor applies a keystroke (an
/// incremental reparse of the one tree), each followed by a run of the warm generator driver. Typing in a
/// descriptor appends digits to one service's image tag (every keystroke is a valid one-descriptor edit); typing
/// in an unrelated file appends letters inside a string literal.
/// </summary>
public static class Typing
{
    /// <summary>What a typing run measured, and the driver and compilation it ended with.</summary>
    public sealed record Result(IReadOnlyList<double> Milliseconds, GeneratorDriver Driver, Compilation Final)
    {
        /// <summary>The median time per keystroke.</summary>
        public double MedianMilliseconds
        {
            get
            {
                var sorted = Milliseconds.Order().ToArray();
                return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
            }
        }
    }

    /// <summary>Types <paramref name="keystrokes"/> digits into the image tag of the edited descriptor.</summary>
    public static Result InDescriptor(Workload workload, int keystrokes, Action<GeneratorDriver>? afterEach = null) =>
        Type(workload, workload.Stack.EditedFile, workload.Stack.DescriptorImage, '7', keystrokes, afterEach);

    /// <summary>Types <paramref name="keystrokes"/> letters into a string literal of the unrelated file.</summary>
    public static Result InUnrelatedFile(Workload workload, int keystrokes, Action<GeneratorDriver>? afterEach = null) =>
        Type(workload, SyntheticStack.UnrelatedFile, SyntheticStack.UnrelatedString, 'x', keystrokes, afterEach);

    /// <summary>
    /// Inserts <paramref name="key"/> before the closing quote of <paramref name="anchor"/>, again and again. With
    /// <paramref name="afterEach"/> (a test inspecting every run) the driver tracks its steps, outside the timing.
    /// </summary>
    private static Result Type(Workload workload, string file, string anchor, char key, int keystrokes, Action<GeneratorDriver>? afterEach)
    {
        var compilation = (Compilation)workload.Compilation;
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == file);
        var start = tree.ToString().IndexOf(anchor, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException(file + " does not contain " + anchor);
        }
        var caret = start + anchor.Length - 1;
        var driver = Workload.NewDriver(trackSteps: afterEach is not null).RunGenerators(compilation);
        var times = new List<double>(keystrokes);
        for (var k = 0; k < keystrokes; k++)
        {
            var text = tree.GetText().WithChanges(new TextChange(new TextSpan(caret, 0), key.ToString()));
            var edited = tree.WithChangedText(text);
            compilation = compilation.ReplaceSyntaxTree(tree, edited);
            tree = edited;
            caret++;
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            clock.Stop();
            times.Add(clock.Elapsed.TotalMilliseconds);
            afterEach?.Invoke(driver);
        }
        return new Result(times, driver, compilation);
    }
}
