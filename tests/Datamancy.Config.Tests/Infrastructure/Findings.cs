using System.Globalization;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>A finding as a user sees it: its message, and the source text it underlines.</summary>
public static class Findings
{
    public static string Message(this Diagnostic diagnostic) => diagnostic.GetMessage(CultureInfo.InvariantCulture);

    public static string Underlined(this Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);

    /// <summary>The whole source line the finding starts on.</summary>
    public static string UnderlinedLine(this Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree!.GetText().Lines.GetLineFromPosition(diagnostic.Location.SourceSpan.Start).ToString();

    /// <summary>The one finding with this ID whose message contains <paramref name="messagePart"/>.</summary>
    public static Diagnostic SingleFinding(this GeneratorRun run, string id, string messagePart) =>
        Assert.Single(run.Diagnostics, d => d.Id == id && d.Message().Contains(messagePart, StringComparison.Ordinal));

    /// <summary>
    /// The run has exactly one finding with this ID and this whole message, and it underlines <paramref name="underlined"/>
    /// at its <paramref name="occurrence"/>-th appearance after <paramref name="anchor"/> in the source.
    /// </summary>
    public static void AssertPlaced(this GeneratorRun run, string id, string message, string underlined, string anchor, int occurrence = 1)
    {
        Assert.Contains(message, run.WithId(id).Select(d => d.Message()));
        var finding = Assert.Single(run.WithId(id), d => d.Message() == message);
        Assert.Equal(underlined, finding.Underlined());
        var source = finding.Location.SourceTree!.GetText().ToString();
        var start = source.IndexOf(anchor, StringComparison.Ordinal);
        Assert.True(start >= 0, "the anchor is not in the source: " + anchor);
        var at = start - 1;
        for (var n = 0; n < occurrence; n++)
        {
            at = source.IndexOf(underlined, at + 1, StringComparison.Ordinal);
            Assert.True(at >= 0, "the source has fewer than " + occurrence + " of " + underlined + " after the anchor");
        }
        Assert.Equal(at, finding.Location.SourceSpan.Start);
    }
}
