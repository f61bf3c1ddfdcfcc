using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.RealStacks;

/// <summary>The large stacks written from upstream compose setups build clean, and each capability lands in the artifacts.</summary>
public sealed class RealStackTests
{
    public static readonly string[] Names = TestStacks.Names.Where(n => n.StartsWith("real-", StringComparison.Ordinal)).ToArray();

    public static TheoryData<string> Stacks() => new(Names);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Stack_builds_without_errors_or_warnings(string stack)
    {
        var run = TestStacks.Run(stack);
        var reported = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(reported.Count == 0, stack + ":\n" + string.Join("\n", reported));
        Assert.NotEmpty(run.Artifacts);
    }
}
