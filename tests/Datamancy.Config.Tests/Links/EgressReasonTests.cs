using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Links;

/// <summary>
/// [Egress] is itself the exception to "no internet": its reason is quoted in the network map and the audit, so an empty,
/// trivial or multi-line reason is an invalid argument (DMC0001) on the argument, and nothing is rendered. `datamancy import`
/// writes <c>[Egress("")]</c> under a TODO marker, which this keeps visible until the user writes the reason.
/// </summary>
public sealed class EgressReasonTests
{
    private static string WithEgress(string argument)
    {
        const string Anchor = "[UiHost(\"whoami\")]";
        Assert.Contains(Anchor, TestStacks.Minimal);
        return TestStacks.Minimal.Replace(Anchor, Anchor + "\n[Egress(" + argument + ")]", StringComparison.Ordinal);
    }

    public static TheoryData<string> Invalid() => new() { "\"\"", "\"  \"", "\"calls out\"", "\"Calls the payment API.\\nAnd more.\"" };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void An_egress_without_a_reason_is_an_invalid_argument(string argument)
    {
        var run = GeneratorHarness.Run(WithEgress(argument));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == DiagnosticIds.InvalidValue);
        Assert.StartsWith("Service 'whoami': Justification of [Egress] is invalid: say which internet hosts the service reaches and why",
            diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var tree = run.Input.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(argument, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.Artifacts);
    }

    [Fact]
    public void An_egress_with_its_reason_is_clean()
    {
        var run = GeneratorHarness.Run(WithEgress("\"Calls the payment provider's public API.\""));
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == DiagnosticIds.InvalidValue);
        Assert.NotEmpty(run.Artifacts);
    }
}
