using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Package.Tests;

/// <summary>
/// docs/getting-started.md, step by step, in a temporary folder: the packed package from a local feed,
/// <c>dotnet new console</c>, <c>dotnet add package</c>, the page's descriptor, a rule broken and fixed,
/// and an incremental build that rewrites nothing.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class NewUserWalkthroughTests
{
    private static readonly string[] EachEnvironment = { "Caddyfile", "compose.yaml", "authelia/configuration.yml", ".env.example", "network-map.md", "SECURITY-AUDIT.md" };

    private readonly PackageWorkspace workspace;
    private readonly ITestOutputHelper log;

    public NewUserWalkthroughTests(PackageWorkspace workspace, ITestOutputHelper log)
    {
        this.workspace = workspace;
        this.log = log;
    }

    [Fact]
    public void A_new_user_builds_a_stack_breaks_a_rule_fixes_it_and_rebuilds_without_rewrites()
    {
        log.WriteLine(workspace.Pack.ToString());
        var project = UserProject.Create(workspace, "console", "Homelab", log);

        // Step 3-4: the page's descriptor builds and its artifacts are on disk, parseable and complete.
        var descriptor = Descriptor.Parse(GettingStartedDoc.Descriptor);
        project.Write("Stack.cs", GettingStartedDoc.Descriptor);
        var first = project.Expect(project.Build());
        Assert.Contains("Datamancy.Config: ", first.Output);
        foreach (var environment in new[] { "dev", "prod" })
        {
            foreach (var file in EachEnvironment)
            {
                Assert.True(File.Exists(Path.Combine(project.ArtifactsPath, environment, file)), environment + "/" + file + " was not written");
            }
            var compose = Yaml.Load(Path.Combine(project.ArtifactsPath, environment, "compose.yaml"));
            // Every declared service, plus the ones the backup plan adds (they run the generated backup scripts).
            var services = compose.Child("services");
            bool Generated(string name) => (services.Child(name).Child("entrypoint") as YamlDotNet.RepresentationModel.YamlSequenceNode)?.Children
                .OfType<YamlDotNet.RepresentationModel.YamlScalarNode>().Any(a => a.Value!.StartsWith("/etc/datamancy-backup/", StringComparison.Ordinal)) == true;
            Assert.Equal(descriptor.Services.Order(StringComparer.Ordinal), services.Keys().Where(n => !Generated(n)).Order(StringComparer.Ordinal));
            Assert.Contains("backup", services.Keys().Where(Generated));
            var caddyfile = File.ReadAllText(Path.Combine(project.ArtifactsPath, environment, "Caddyfile"));
            foreach (var host in descriptor.UiHosts)
            {
                Assert.Contains(descriptor.Host(host), caddyfile);
            }
        }
        var autheliaPath = Path.Combine(project.ArtifactsPath, "prod", "authelia", "configuration.yml");
        Assert.Contains(descriptor.Host("whoami"), Yaml.AutheliaRuleDomains(autheliaPath));
        var afterFirst = Snapshot(project);

        // Step 5: a public UI host without a justification fails the build with DMC1001 and its help link;
        // nothing on disk changes.
        var original = Line(GettingStartedDoc.Descriptor, "[UiHost(\"whoami\"");
        project.Write("Stack.cs", GettingStartedDoc.Descriptor.Replace(original, GettingStartedDoc.BrokenLine.TrimEnd('\n')));
        var broken = project.Build();
        Assert.False(broken.Succeeded, broken.ToString());
        Assert.Contains("error " + DiagnosticIds.UiWithoutSso + ":", broken.Output);
        Assert.Contains(HelpLinks.For(DiagnosticIds.UiWithoutSso), broken.Output);
        Assert.Contains("Stack.cs(", broken.Output);
        Assert.Equal(afterFirst, Snapshot(project));

        // Step 6: with a justification the build is green again and the artifacts follow.
        project.Write("Stack.cs", GettingStartedDoc.Descriptor.Replace(original, GettingStartedDoc.FixedLine.TrimEnd('\n')));
        project.Expect(project.Build());
        Assert.DoesNotContain(descriptor.Host("whoami"), Yaml.AutheliaRuleDomains(autheliaPath));
        var afterFix = Snapshot(project);
        Assert.NotEqual(afterFirst[Path.Combine("prod", "Caddyfile")].Content, afterFix[Path.Combine("prod", "Caddyfile")].Content);
        // The build names what the fix opened to the internet, for the reviewer.
        var exposure = Path.Combine(project.ArtifactsPath, "EXPOSURE-CHANGES.md");
        Assert.Contains("host `" + descriptor.Host("whoami") + "`: sso \"forward_auth\" → \"public\"", File.ReadAllText(exposure));

        // Step 7: an incremental build with no change rewrites no artifact; the exposure report, replaced on every
        // build, is now empty (nothing changed since the last build).
        var again = project.Expect(project.Build());
        Assert.Contains("Datamancy.Config: 0 written", again.Output);
        Assert.Equal(string.Empty, File.ReadAllText(exposure));
        Assert.Equal(WithoutReport(afterFix), WithoutReport(Snapshot(project)));
    }

    /// <summary>Every artifact's bytes and last-write time.</summary>
    private static SortedDictionary<string, FileState> Snapshot(UserProject project)
    {
        var files = new SortedDictionary<string, FileState>(StringComparer.Ordinal);
        foreach (var relative in project.Artifacts())
        {
            var path = Path.Combine(project.ArtifactsPath, relative);
            files[relative.Replace('/', Path.DirectorySeparatorChar)] = new FileState(File.ReadAllText(path), File.GetLastWriteTimeUtc(path));
        }
        Assert.NotEmpty(files);
        return files;
    }

    private static SortedDictionary<string, FileState> WithoutReport(SortedDictionary<string, FileState> files) =>
        new(files.Where(f => f.Key != "EXPOSURE-CHANGES.md").ToDictionary(f => f.Key, f => f.Value), StringComparer.Ordinal);

    private static string Line(string text, string prefix) =>
        text.Split('\n').Single(l => l.StartsWith(prefix, StringComparison.Ordinal));

    private sealed record FileState(string Content, DateTime LastWriteUtc);
}
