using System.Reflection;
using Datamancy.Config.Generators.Analyzers;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Diagnostics;

/// <summary>The catalog: every ID has one descriptor, a docs page its help link points at, and a release-tracking row.</summary>
public sealed class CatalogTests
{
    public static TheoryData<string> Ids() => new(Descriptors.All.Select(d => d.Id));

    private static readonly string[] ReleaseRows = File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "Datamancy.Config.Generators", "AnalyzerReleases.Unshipped.md"))
        .Concat(File.ReadAllLines(Path.Combine(RepoPaths.Root, "src", "Datamancy.Config.Generators", "AnalyzerReleases.Shipped.md")))
        .Where(l => l.StartsWith("DMC", StringComparison.Ordinal))
        .ToArray();

    [Fact]
    public void Every_id_constant_has_exactly_one_descriptor()
    {
        var constants = typeof(DiagnosticIds).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(constants, Descriptors.All.Select(d => d.Id));
        Assert.Equal(Descriptors.All.Length, Descriptors.All.Select(d => d.Id).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_has_a_docs_page_its_help_link_resolves_to(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        const string blob = "/blob/main/";
        Assert.StartsWith("https://github.com/datamancy/datamancy-config" + blob, descriptor.HelpLinkUri);
        var relative = descriptor.HelpLinkUri.Substring(descriptor.HelpLinkUri.IndexOf(blob, StringComparison.Ordinal) + blob.Length);
        Assert.Equal("docs/diagnostics/" + id + ".md", relative);
        var page = File.ReadAllText(Path.Combine(RepoPaths.Root, relative));
        Assert.StartsWith("# " + id + ": " + descriptor.Title, page);
        foreach (var section in new[] { "## What", "## Why", "## How to fix", "## Justified exceptions", "## Example" })
        {
            Assert.Contains(section + "\n", page);
        }
        var index = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "diagnostics", "README.md"));
        Assert.Contains("| [" + id + "](" + id + ".md) | " + descriptor.DefaultSeverity + " | " + descriptor.Category + " | ", index);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Descriptor_has_a_release_tracking_row(string id)
    {
        var descriptor = Descriptors.All.Single(d => d.Id == id);
        var row = Assert.Single(ReleaseRows, r => r.StartsWith(id + " ", StringComparison.Ordinal));
        Assert.Equal(new[] { id, descriptor.Category, descriptor.DefaultSeverity.ToString(), descriptor.Title.ToString() }, row.Split(" | ").Select(c => c.Trim()));
    }

    [Fact]
    public void Docs_folder_has_no_page_without_a_descriptor()
    {
        var pages = Directory.GetFiles(Path.Combine(RepoPaths.Root, "docs", "diagnostics"), "DMC*.md").Select(Path.GetFileNameWithoutExtension).OrderBy(p => p, StringComparer.Ordinal);
        Assert.Equal(Descriptors.All.Select(d => d.Id), pages);
    }

    [Fact]
    public void Analyzers_and_generator_together_support_every_descriptor()
    {
        var supported = new ServiceAnalyzer().SupportedDiagnostics.Concat(new StackAnalyzer().SupportedDiagnostics).Concat(new StackWideAnalyzer().SupportedDiagnostics)
            .Concat(Descriptors.GeneratorOnly).Select(d => d.Id).Distinct().OrderBy(i => i, StringComparer.Ordinal);
        Assert.Equal(Descriptors.All.Select(d => d.Id), supported);
    }

    [Fact]
    public void Elevation_mirror_matches_the_public_enum()
    {
        var mirror = typeof(DiagnosticIds).Assembly.GetType("Datamancy.Config.Generators.Model.Elevation", throwOnError: true)!;
        Assert.Equal(Enum.GetNames<Elevation>(), Enum.GetNames(mirror));
        Assert.Equal(Enum.GetValues<Elevation>().Select(v => (int)v), Enum.GetValues(mirror).Cast<object>().Select(Convert.ToInt32));
    }
}
