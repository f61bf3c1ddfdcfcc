using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Hostile;

/// <summary>A valid minimal stack with one app whose attributes a test replaces.</summary>
public static class HostileStack
{
    /// <summary>The stack's [Stack] line, for tests that replace it.</summary>
    public const string StackLine = "[Stack(\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\")]";

    public static string With(string appAttributes) => "using Datamancy.Config;\nnamespace Hostile;\n" + StackLine + "\n" + """
        public partial class HostileStackRoot;

        """ + TestStacks.Ingress + "\n" + TestStacks.Sso + "\n" + appAttributes + "\n" + """
        [Healthcheck("true")]
        public partial class App;
        """;

    /// <summary>Runs the stack; <paramref name="extra"/> is a second source file (its own usings and namespaces).</summary>
    public static GeneratorRun Run(string appAttributes, string extra = "") =>
        GeneratorHarness.Run(With(appAttributes), "using Datamancy.Config;\n" + extra);

    /// <summary>Runs the stack; a <c>[Healthcheck]</c> among <paramref name="appAttributes"/> replaces the app's default one.</summary>
    public static GeneratorRun RunWithOwnHealthcheck(string appAttributes) => appAttributes.Contains("[Healthcheck", StringComparison.Ordinal)
        ? GeneratorHarness.Run(With(appAttributes).Replace("\n[Healthcheck(\"true\")]\npublic partial class App;", "\npublic partial class App;"))
        : Run(appAttributes);

    /// <summary>The generator neither crashed nor produced C# that does not compile.</summary>
    public static void AssertNoCrash(GeneratorRun run)
    {
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "DMC0000");
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree?.FilePath.Contains("Datamancy.Config.Generators") == true);
    }

    /// <summary>The value was rejected: the diagnostic sits on the argument's text and nothing was rendered.</summary>
    public static void AssertRejected(GeneratorRun run, string id, string argumentText)
    {
        AssertNoCrash(run);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id && d.Location.IsInSource && d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length).Contains(argumentText));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.True(run.Manifest is null || run.Manifest.Blocked);
        Assert.Empty(run.Artifacts);
    }
}
