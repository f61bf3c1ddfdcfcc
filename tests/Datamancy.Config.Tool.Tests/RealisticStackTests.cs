using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Datamancy.Config.Tool.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// Stacks written for these tests as self-hosters write them (Stacks/): what the import writes (the C#, the report) and
/// what the build of the imported project reports, as snapshots; and the facts each stack exists to show.
/// </summary>
public sealed class RealisticStackTests
{
    public static string Stacks => Path.Combine(RepoPaths.Root, "tests", "Datamancy.Config.Tool.Tests", "Stacks");

    internal static ImportRequest Labels(string output) => new(
        new[] { Path.Combine(Stacks, "labels", "compose.yml") }, null, new[] { Path.Combine(Stacks, "labels", "authelia.yml") },
        Path.Combine(Stacks, "labels", ".env"), "home.example.net", output, UseCaddy: ImportRun.UseCaddy, PackageVersion: "0.1.0");

    internal static ImportRequest Static(string output) => new(
        new[] { Path.Combine(Stacks, "static", "compose.yml"), Path.Combine(Stacks, "static", "compose.override.yml") },
        Path.Combine(Stacks, "static", "Caddyfile"),
        new[] { Path.Combine(Stacks, "static", "authelia", "bootstrap.yml"), Path.Combine(Stacks, "static", "authelia", "configuration.yml") },
        Path.Combine(Stacks, "static", ".env"), "team.example.org", output, UseCaddy: ImportRun.UseCaddy, PackageVersion: "0.1.0");

    private static readonly string SnapshotFolder = Path.Combine(RepoPaths.Root, "tests", "Datamancy.Config.Tool.Tests", "Snapshots");

    [Theory]
    [InlineData("labels")]
    [InlineData("static")]
    public void The_written_project_report_and_build_diagnostics_match_their_snapshots(string stack)
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, stack == "labels" ? "Homelab" : "Team");
        var result = ImportRun.Import(stack == "labels" ? Labels(output) : Static(output));
        var csharp = string.Join("\n", result.Files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => "// ---- " + f.Key + "\n" + f.Value));
        Snapshot.VerifyIn(SnapshotFolder, stack + "/descriptors.cs.txt", csharp);
        Snapshot.VerifyIn(SnapshotFolder, stack + "/IMPORT-REPORT.md", result.Files["IMPORT-REPORT.md"]);
        Snapshot.VerifyIn(SnapshotFolder, stack + "/project.csproj.txt", result.Files.Single(f => f.Key.EndsWith(".csproj", StringComparison.Ordinal)).Value);

        // The build of the written sources, independently of the report: the same rules, the same places.
        var build = ImportRun.Build(result);
        var diagnostics = build.Diagnostics
            .Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .Select(d => (d.Location.GetMappedLineSpan().StartLinePosition.Line + 1, d.Id, d.Severity, d.GetMessage()))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Item4, StringComparer.Ordinal)
            .Select(d => d.Severity.ToString().ToLowerInvariant() + " " + d.Id + ": " + d.Item4);
        Snapshot.VerifyIn(SnapshotFolder, stack + "/build-diagnostics.txt", string.Join("\n", diagnostics) + "\n");
        // The report announces exactly what the build reports.
        Assert.Equal(
            build.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Info).Select(d => d.Id + " " + d.GetMessage()).Order(StringComparer.Ordinal),
            result.Report.Violations.Select(v => v.Id + " " + v.Message).Order(StringComparer.Ordinal));
        // No literal secret of the inputs reaches anything written.
        var everything = string.Join("\n", result.Files.Values);
        foreach (var literal in new[] { "hunter2", "this-is-a-session-secret", "a-very-long-storage-encryption-key", "0123456789abcdef0123456789abcdef", "$pbkdf2", "not-read-by-the-importer", "not-read-either" })
        {
            Assert.DoesNotContain(literal, everything);
        }
    }

    [Fact]
    public void The_label_driven_stack_shows_its_real_problems()
    {
        using var folder = new TempFolder();
        var result = ImportRun.Import(Labels(Path.Combine(folder.Path, "Homelab")));
        string Of(string service, string id) => result.Report.Violations.Single(v => v.Id == id && v.Message.Contains("'" + service + "'", StringComparison.Ordinal)).Severity;
        Assert.Equal("error", Of("uptime", "DMC1001"));   // a UI without SSO
        Assert.Equal("error", Of("uptime", "DMC3005"));   // a writable docker socket
        Assert.Equal("warning", Of("uptime", "DMC3007")); // a floating tag
        Assert.Equal("error", Of("immich-db", "DMC2001")); // a published database port
        Assert.Equal("error", Of("tools", "DMC3002"));    // a fail-open capability list
        // caddy-docker-proxy is not the plain Caddy image: imported with [CaddyBuild("")], whose empty version the build reports
        Assert.Contains(result.Report.Violations, v => v.Id == "DMC0001" && v.Severity == "error" && v.Message.Contains("'caddy'", StringComparison.Ordinal) && v.Message.Contains("CaddyVersion", StringComparison.Ordinal));
        Assert.Equal(new[] { "DB_PASSWORD", "POSTGRES_PASSWORD", "AUTHELIA_SESSION_SECRET", "AUTHELIA_STORAGE_ENCRYPTION_KEY" }, result.Report.SecretsMoved.Select(m => m.Name));
        Assert.Contains(result.Report.EnvNames, e => e.Text.Contains("`IMMICH_API_KEY`", StringComparison.Ordinal) && e.Text.Contains("`IMMICH_APIKEY`", StringComparison.Ordinal));
        var apps = result.Files["Apps.cs"];
        Assert.Contains("[UiHost(\"photos\", Policy = AuthPolicy.OneFactor)]", apps);
        Assert.Contains("[AllowedGroups(Group.Family, Group.Admins)]", apps);
    }

    [Fact]
    public void The_static_multi_file_stack_merges_overrides_reads_both_authelia_files_and_reports_what_has_no_service()
    {
        using var folder = new TempFolder();
        var result = ImportRun.Import(Static(Path.Combine(folder.Path, "Team")));
        var apps = result.Files["Apps.cs"];
        Assert.Contains("[Service(\"gitea\", \"gitea/gitea:1.22.4\"", apps);                 // the override's image
        Assert.Contains("[Resources(Memory = \"1g\", Cpus = \"1.5\")]", apps);             // the override's limits
        Assert.Contains("[UiHost(\"git\", Sso = SsoMode.Oidc, Policy = AuthPolicy.OneFactor, OidcCallbackPath = \"/user/oauth2/authelia/callback\", OidcClientSecret = \"GITEA_OIDC_SECRET\")]", apps);
        Assert.Contains("[UiHost(\"n8n\", Bypass = new[] { \"^/webhook/\" })]", apps);    // the webhook bypass of the full file
        Assert.Contains("[AllowedGroups(Group.Admins, Group.Automation)]", apps);           // the full file replaces the bootstrap rule
        Assert.Contains("[ApiHost(DefaultAllowlist = new[] { \"10.0.0.0/8\", \"192.168.0.0/16\" }, ApiKeySecret = \"INFERENCE_API_KEY\")]", apps);
        Assert.Contains(result.Report.NotExpressible, n => n.What.Contains("OIDC client 'wiki'", StringComparison.Ordinal) && n.Where.ToString() == "authelia/configuration.yml:41");
        Assert.Contains("Profiles = new[] { \"debug\" }", apps);                             // the override's named profile
        Assert.Contains(result.Report.Decisions, d => d.Text.Contains("named profiles debug", StringComparison.Ordinal) && d.Where?.File == "compose.override.yml");
        Assert.Contains(result.Report.EnvNames, e => e.Text.Contains("`POSTGRES_PASSWORD`", StringComparison.Ordinal) && e.Text.Contains("does not set", StringComparison.Ordinal));
        Assert.Equal(new[] { "DMC1001", "DMC1010", "DMC2003", "DMC2009" }, result.Report.Violations.Where(v => v.Severity == "error").Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_output_depends_only_on_the_inputs()
    {
        using var one = new TempFolder();
        using var two = new TempFolder();
        var first = ImportRun.Import(Static(Path.Combine(one.Path, "Team")));
        var second = ImportRun.Import(Static(Path.Combine(two.Path, "Team")));
        Assert.Equal(first.Files.Keys, second.Files.Keys);
        foreach (var (name, content) in first.Files)
        {
            Assert.Equal(content, second.Files[name]);
        }
    }

    [SkippableFact]
    public void Without_caddy_the_built_in_parser_writes_the_same_descriptors()
    {
        Tools.Require("caddy", "apt-get install -y caddy");
        using var folder = new TempFolder();
        var withCaddy = ImportRun.Import(Static(Path.Combine(folder.Path, "Team")));
        var without = ImportRun.Import(Static(Path.Combine(folder.Path, "Team")) with { UseCaddy = false });
        Assert.Contains("caddy adapt (Caddy ", withCaddy.Report.Authority);
        Assert.Contains("built-in Caddyfile parser", without.Report.Authority);
        foreach (var name in withCaddy.Files.Keys.Where(k => k.EndsWith(".cs", StringComparison.Ordinal)))
        {
            Assert.Equal(withCaddy.Files[name], without.Files[name]);
        }
    }
}
