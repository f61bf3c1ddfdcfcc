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
}
