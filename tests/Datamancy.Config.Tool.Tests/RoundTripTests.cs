using System.Text.RegularExpressions;
using Datamancy.Config.Tests;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Datamancy.Config.Tool.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// import(emitted artifacts) builds to the same artifacts: the prod compose file, Caddyfile, Authelia configuration and
/// env template of a stack are imported, the imported descriptors are compiled with the generator, and every artifact of
/// both environments is compared byte for byte. The one deliberate normalization: backup decisions exist only in the
/// descriptors and SECURITY-AUDIT.md (no compose, Caddy or Authelia file carries them), so the audit's backup column is
/// compared without them; the imported project leaves them undecided and the build warns (DMC3008).
/// </summary>
public sealed class RoundTripTests
{
    /// <summary>Stacks whose every decision is visible in the four imported files (apart from backups).</summary>
    public static readonly TheoryData<string> Stacks = new() { "sample", "minimal", "oidc-and-bypass" };

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Importing_the_emitted_artifacts_builds_the_same_artifacts(string stack)
    {
        var original = TestStacks.Run(stack);
        Assert.Empty(original.Errors);
        using var folder = new TempFolder();
        ImportRun.WriteArtifacts(original, folder.Path);
        var prod = Path.Combine(folder.Path, "prod");
        var domain = Regex.Match(original.Artifact("prod/Caddyfile"), @"\n(?:auth|[a-z0-9-]+)\.(?<d>[a-z0-9.-]+) \{").Groups["d"].Value;

        var result = ImportRun.Import(new ImportRequest(
            new[] { Path.Combine(prod, "compose.yaml") },
            Path.Combine(prod, "Caddyfile"),
            new[] { Path.Combine(prod, "authelia", "configuration.yml") },
            Path.Combine(prod, ".env.example"),
            domain,
            Path.Combine(folder.Path, "Imported"),
            UseCaddy: ImportRun.UseCaddy));
        var imported = ImportRun.Build(result);

        Assert.Empty(imported.Errors);
        Assert.Empty(result.Report.NotExpressible);
        Assert.Empty(result.Report.SecretsMoved);
        var expected = original.Artifacts.ToDictionary(a => a.Path, a => a.Content);
        var actual = imported.Artifacts.ToDictionary(a => a.Path, a => a.Content);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var path in expected.Keys)
        {
            var want = path.EndsWith("SECURITY-AUDIT.md", StringComparison.Ordinal) ? WithoutBackups(expected[path]) : expected[path];
            var got = path.EndsWith("SECURITY-AUDIT.md", StringComparison.Ordinal) ? WithoutBackups(actual[path]) : actual[path];
            Assert.True(want == got, stack + ": " + path + " differs after the round trip:\n" + FirstDifference(want, got));
        }
    }

    [Fact]
    public void Justifications_are_not_in_the_artifacts_so_their_exceptions_come_back_as_build_errors()
    {
        // The 'exceptions' stack justifies every exception in C#; the compose file shows the privileges but not why.
        var original = TestStacks.Run("exceptions");
        using var folder = new TempFolder();
        ImportRun.WriteArtifacts(original, folder.Path);
        var prod = Path.Combine(folder.Path, "prod");
        var result = ImportRun.Import(new ImportRequest(
            new[] { Path.Combine(prod, "compose.yaml") }, Path.Combine(prod, "Caddyfile"), new[] { Path.Combine(prod, "authelia", "configuration.yml") },
            Path.Combine(prod, ".env.example"), "example.com", Path.Combine(folder.Path, "Imported"), UseCaddy: ImportRun.UseCaddy));
        var ids = result.Report.Violations.Where(v => v.Severity == "error").Select(v => v.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "DMC1001", "DMC1004", "DMC2003", "DMC3011" }, ids);
        Assert.Contains(result.Report.Violations, v => v.Id == "DMC3011" && v.Message.Contains("'sandbox'", StringComparison.Ordinal));
    }

    /// <summary>The backup decision of each volume line and the item's status, which only the descriptors know.</summary>
    private static string WithoutBackups(string audit)
    {
        audit = Regex.Replace(audit, @"^(- `[a-z0-9_.-]+` \([^)]*\)): [a-z ]+$", "$1: (backup)", RegexOptions.Multiline);
        return Regex.Replace(audit, @"^(\| Volumes backed up on a schedule \|) [^|]+\|$", "$1 (status) |", RegexOptions.Multiline)
            .Replace("Status: **needs manual check**\n- `", "Status: (status)\n- `").Replace("Status: **fail**\n- `", "Status: (status)\n- `");
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end)";
            var right = i < a.Length ? a[i] : "(end)";
            if (left != right)
            {
                return "line " + (i + 1) + "\n- " + left + "\n+ " + right;
            }
        }
        return "(no difference)";
    }
}
