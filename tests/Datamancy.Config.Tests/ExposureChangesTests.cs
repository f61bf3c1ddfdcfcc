using Datamancy.Config.Emit;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// EXPOSURE-CHANGES.md: the emission tool compares the exposure.json a build produces with the one on disk. Built
/// twice with an edit in between, the second build names exactly what the edit opened; a third build without an edit
/// leaves the report empty.
/// </summary>
public sealed class ExposureChangesTests
{
    [Fact]
    public void Building_twice_with_an_edit_reports_what_the_internet_can_now_reach()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "artifacts");
        var sources = GeneratorHarness.SampleSources();
        var first = Emit(folder, "first", sources, output);
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("new host `litellm.project-saturn.com`", File.ReadAllText(Path.Combine(output, ExposureChanges.ReportFile)));

        var edited = sources.Select(s => s
            .Replace("[UiHost(\"litellm\")]", "[UiHost(\"litellm\", Bypass = new[] { \"^/webhook/\" })]\n[Publish(8025, Justification = \"The SMTP relay receives mail here.\")]")
            .Replace("[UiHost(\"chat\")]", "[UiHost(\"chat\", Sso = SsoMode.Public, Justification = \"Open demo chat for the conference.\")]")
            .Replace("[ApiHost(ApiKeySecret = \"LITELLM_MASTER_KEY\")]", "[ApiHost(ApiKeySecret = \"LITELLM_MASTER_KEY\", DefaultAllowlist = new[] { \"0.0.0.0/0\" }, PublicJustification = \"Partners call from anywhere; the key is checked.\")]")).ToArray();
        Assert.NotEqual(sources, edited);
        var second = Emit(folder, "second", edited, output);
        Assert.Equal(0, second.ExitCode);
        var report = File.ReadAllText(Path.Combine(output, ExposureChanges.ReportFile));
        foreach (var expected in new[]
        {
            "host `litellm.project-saturn.com`: bypass [] → [\"^/webhook/\"]",
            "host `chat.project-saturn.com`: sso \"forward_auth\" → \"public\"",
            "host `chat.project-saturn.com`: policy \"two_factor\" → null",
            "host `api.litellm.project-saturn.com`: allowlistDefault",
            "host `api.litellm.project-saturn.com`: publicRangesAllowed false → true",
            "new published port `litellm 8025/tcp`",
        })
        {
            Assert.Contains(expected, report);
            Assert.Contains(expected, second.StandardOutput);
        }
        Assert.Contains("## prod", report);
        Assert.DoesNotContain("new host", report);

        var third = Emit(folder, "third", edited, output);
        Assert.Equal(0, third.ExitCode);
        Assert.Equal(string.Empty, File.ReadAllText(Path.Combine(output, ExposureChanges.ReportFile)));
        Assert.DoesNotContain("exposure changed", third.StandardOutput);
    }

    [Fact]
    public void Every_member_of_a_host_is_compared_and_removals_are_reported()
    {
        const string Before = """{ "hosts": [ { "host": "a.example.org", "kind": "ui", "sso": "forward_auth", "groups": ["admins"] }, { "host": "b.example.org", "kind": "api" } ], "dockerSockets": [] }""";
        const string After = """{ "hosts": [ { "host": "a.example.org", "kind": "ui", "sso": "forward_auth", "groups": ["admins", "users"], "newMember": 1 } ], "dockerSockets": [ { "service": "x", "readOnly": false } ] }""";
        var changes = ExposureChanges.Compare(Before, After);
        Assert.Equal(new[]
        {
            "host `a.example.org`: groups [\"admins\"] → [\"admins\", \"users\"]",
            "host `a.example.org`: newMember (absent) → 1",
            "removed host `b.example.org`",
            "new docker socket on `x` (readOnly false)",
        }, changes);
        Assert.Empty(ExposureChanges.Compare(After, After));
        Assert.Equal(string.Empty, ExposureChanges.Report(new[] { ("prod", (IReadOnlyList<string>)Array.Empty<string>()) }));
    }

    private static Tools.ProcessResult Emit(TempFolder folder, string name, string[] sources, string output)
    {
        var run = GeneratorHarness.Run(sources);
        Assert.False(run.Manifest!.Blocked, string.Join("\n", run.Diagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
        var assembly = Path.Combine(folder.Path, name + ".dll");
        using (var stream = File.Create(assembly))
        {
            Assert.True(run.Output.Emit(stream).Success);
        }
        return Tools.Run("dotnet", new[] { typeof(ManifestReader).Assembly.Location, "--assembly", assembly, "--out", output, "--environments", "prod" });
    }
}
