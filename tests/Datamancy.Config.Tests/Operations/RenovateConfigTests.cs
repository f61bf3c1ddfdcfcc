using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Operations;

/// <summary>The generated renovate.json: accepted by Renovate's own validator, and its regex finds every descriptor image.</summary>
public sealed class RenovateConfigTests
{
    private const string Install = "npm install -g renovate@39.264.1 (or set PATH to a folder holding renovate-config-validator)";

    [SkippableFact]
    public void Renovate_config_validator_accepts_the_generated_config_and_rejects_a_broken_one()
    {
        var validator = Tools.Require("renovate-config-validator", Install);
        using var folder = new TempFolder();
        var config = TestStacks.Run("sample").Artifact("prod/renovate.json");
        var good = Tools.Run(validator, new[] { folder.Write("renovate.json", config) }, folder.Path);
        Assert.True(good.ExitCode == 0, good.StandardOutput + good.StandardError);
        Assert.Contains("Config validated successfully", good.StandardOutput + good.StandardError);
        // The validator is not a rubber stamp: the same config with the regex's currentValue group renamed fails.
        var broken = Tools.Run(validator, new[] { folder.Write("broken.json", config.Replace("?<currentValue>", "?<version>")) }, folder.Path);
        Assert.NotEqual(0, broken.ExitCode);
    }

    [Fact]
    public void The_regex_manager_finds_every_image_of_the_sample_descriptors()
    {
        var config = System.Text.Json.JsonDocument.Parse(TestStacks.Run("sample").Artifact("prod/renovate.json"));
        var manager = config.RootElement.GetProperty("customManagers")[0];
        var pattern = new Regex(manager.GetProperty("matchStrings")[0].GetString()!);
        var fileMatch = new Regex(manager.GetProperty("fileMatch")[0].GetString()!);
        var sources = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "Datamancy.Stack"), "*.cs").Where(f => fileMatch.IsMatch(f)).ToList();
        Assert.NotEmpty(sources);
        var found = sources.SelectMany(f => pattern.Matches(File.ReadAllText(f)))
            .Select(m => m.Groups["depName"].Value + ":" + m.Groups["currentValue"].Value).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var declared = Regex.Matches(string.Join("\n", sources.Select(File.ReadAllText)), "\\[Service\\(\"[^\"]+\", \"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(declared, found);
        // Every image compose runs for a declared service comes from a descriptor the manager reads.
        var compose = TestStacks.Run("sample").Artifact("prod/compose.yaml");
        foreach (var image in declared)
        {
            Assert.Contains("image: \"" + image + "\"", compose);
        }
        // A digest-pinned reference keeps its digest apart; a registry with a port stays in the name.
        var digest = "sha256:" + new string('a', 64);
        var match = pattern.Match("[Service(\"x\", \"registry.local:5000/team/app:1.2.3@" + digest + "\")]");
        Assert.Equal("registry.local:5000/team/app", match.Groups["depName"].Value);
        Assert.Equal("1.2.3", match.Groups["currentValue"].Value);
        Assert.Equal(digest, match.Groups["currentDigest"].Value);
    }
}
