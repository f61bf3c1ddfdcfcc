using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Same_descriptors_in_any_file_order_give_the_same_bytes()
    {
        var sources = GeneratorHarness.SampleSources();
        var forward = GeneratorHarness.Run(sources);
        var backward = GeneratorHarness.Run(sources.Reverse().ToArray());
        Assert.Equal(forward.Artifacts.Select(a => a.Path), backward.Artifacts.Select(a => a.Path));
        foreach (var (a, b) in forward.Artifacts.Zip(backward.Artifacts))
        {
            Assert.Equal(a.Content, b.Content);
        }
    }

    [Fact]
    public void Artifacts_use_unix_newlines_and_end_with_one()
    {
        foreach (var artifact in GeneratorHarness.Run(GeneratorHarness.SampleSources()).Artifacts)
        {
            Assert.DoesNotContain('\r', artifact.Content);
            Assert.EndsWith("\n", artifact.Content);
            Assert.False(artifact.Content.EndsWith("\n\n"), artifact.Path);
        }
    }

    [Fact]
    public void Domain_override_changes_every_artifact_that_names_the_domain()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SampleSources(), domainOverride: "saturn.test");
        foreach (var artifact in run.Artifacts)
        {
            Assert.DoesNotContain("project-saturn.com", artifact.Content.Replace("admin@project-saturn.com", string.Empty));
        }
        Assert.Contains("chat.saturn.test {", run.Artifact("prod/Caddyfile"));
        Assert.Contains("domain: \"saturn.test\"", run.Artifact("prod/authelia/configuration.yml"));
        Assert.Contains("base_dn: \"dc=saturn,dc=test\"", run.Artifact("prod/authelia/configuration.yml"));
        Assert.Contains("WEBUI_URL: \"https://chat.saturn.test\"", run.Artifact("prod/compose.yaml"));
    }
}
