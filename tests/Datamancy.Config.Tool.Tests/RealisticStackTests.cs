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

    [Theory]
    [InlineData("labels")]
    [InlineData("static")]
    public void The_written_project_report_and_build_diagnostics_match_their_snapshots(string stack)
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, stack == "labels" ? "Homelab" : "Team");
        var result = ImportRun.Import(stack == "labels" ? Labels(output) : Static(output));
        var csharp = string.Join("\n", result.Files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).Select(f => "// ---- " + f.Key + "\n" + f.Value));
        Snapshot.Verify(stack + "/descriptors.cs.txt", csharp);
        Snapshot.Verify(stack + "/IMPORT-REPORT.md", result.Files["IMPORT-REPORT.md"]);
        Snapshot.Verify(stack + "/project.csproj.txt", result.Files.Single(f => f.Key.EndsWith(".csproj", StringComparison.Ordinal)).Value);

        // The build of the written sources, independently of the report: the same rules, the same places.
        var build = ImportRun.Build(result);
        var diagnostics = build.Diagnostics
            .Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
            .Select(d => (d.Location.GetMappedLineSpan().StartLinePosition.Line + 1, d.Id, d.Severity, d.GetMessage()))
            .OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Item4, StringComparer.Ordinal)
            .Select(d => d.Severity.ToString().ToLowerInvariant() + " " + d.Id + ": " + d.Item4);
        Snapshot.Verify(stack + "/build-diagnostics.txt", string.Join("\n", diagnostics) + "\n");
        Assert.Equal(
            result.Report.Violations.Select(v => v.Id).Order(StringComparer.Ordinal),
            build.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Info).Select(d => d.Id).Distinct().SelectMany(id => result.Report.Violations.Where(v => v.Id == id).Select(v => v.Id)).Order(StringComparer.Ordinal));
    }
}
