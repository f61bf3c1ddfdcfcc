using Datamancy.Config.Emit;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// The emitter does not trust its surroundings: the index of written files names only what the generator can
/// produce, a stale file is removed only when it is byte for byte what the tool wrote, and no symbolic link is followed.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmissionSafetyTests
{
    private static readonly ArtifactFile[] Files = { new("prod/Caddyfile", "a\n"), new("prod/network-map.md", "b\n") };

    /// <summary>Every secrets file, plus paths that leave the folder or are not names the generator produces.</summary>
    public static TheoryData<string> ForeignIndexEntries() => new()
    {
        "prod/.env", "prod/.env.bootstrap", "prod/oidc-clients.env", "prod/.gitignore", "prod/.datamancy-secrets.lock", "prod/.ENV",
        "../x", "prod/../../x", "/etc/passwd", "prod//Caddyfile", "prod/./Caddyfile", "Prod/Caddyfile", "prod", "prod/.hidden",
        "prod/Caddyfile\n", "prod/Caddy\u0000file", "prod/x.tmp-123", "../prod/Caddyfile",
    };

    [Theory]
    [MemberData(nameof(ForeignIndexEntries))]
    public void An_index_entry_the_generator_cannot_produce_is_never_deleted(string entry)
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var victims = new[] { ".env", ".env.bootstrap", "oidc-clients.env", ".gitignore", ".datamancy-secrets.lock", ".ENV", ".hidden", "x.tmp-123" }
            .Select(name => folder.Write("prod/" + name, "KEEP\n")).ToList();
        victims.Add(outside.Write("x", "KEEP\n"));
        File.WriteAllText(Path.Combine(folder.Path, ArtifactWriter.IndexFile), entry.Replace("../x", Path.GetRelativePath(folder.Path, Path.Combine(outside.Path, "x"))) + "\n");
        var result = ArtifactWriter.Write(folder.Path, Files, checkOnly: false);
        Assert.Empty(result.Removed);
        Assert.All(victims, path => Assert.Equal("KEEP\n", File.ReadAllText(path)));
    }

    [Fact]
    public void The_example_index_entry_prod_env_does_not_delete_the_secrets_file()
    {
        using var folder = new TempFolder();
        var env = folder.Write("prod/.env", "LITELLM_MASTER_KEY=sk-abc\n");
        File.WriteAllText(Path.Combine(folder.Path, ArtifactWriter.IndexFile), "prod/.env\nsha256:" + new string('0', 64) + " prod/.env\n");
        var result = ArtifactWriter.Write(folder.Path, Files, checkOnly: false);
        Assert.Equal(new[] { "prod/.env", "prod/.env" }, result.Kept);
        Assert.True(File.Exists(env));
    }

    [Fact]
    public void A_stale_file_changed_since_it_was_written_is_left_in_place()
    {
        using var folder = new TempFolder();
        ArtifactWriter.Write(folder.Path, Files, checkOnly: false);
        File.WriteAllText(Path.Combine(folder.Path, "prod/network-map.md"), "my notes\n");
        var result = ArtifactWriter.Write(folder.Path, Files.Take(1).ToArray(), checkOnly: false);
        Assert.Empty(result.Removed);
        Assert.Equal(new[] { "prod/network-map.md" }, result.Kept);
        Assert.Equal("my notes\n", File.ReadAllText(Path.Combine(folder.Path, "prod/network-map.md")));
    }

    [Fact]
    public void An_index_without_hashes_removes_nothing()
    {
        using var folder = new TempFolder();
        var stale = folder.Write("prod/network-map.md", "b\n");
        File.WriteAllText(Path.Combine(folder.Path, ArtifactWriter.IndexFile), "prod/network-map.md\n");
        var result = ArtifactWriter.Write(folder.Path, Files.Take(1).ToArray(), checkOnly: false);
        Assert.Empty(result.Removed);
        Assert.True(File.Exists(stale));
    }

    /// <summary>A manifest path that is not a generator name is refused before anything is written.</summary>
    [Theory]
    [InlineData("prod/.env")]
    [InlineData("prod/.gitignore")]
    [InlineData("prod/oidc-clients.env")]
    [InlineData("Caddyfile")]
    [InlineData("prod/Caddyfile\n")]
    public void A_manifest_path_the_generator_cannot_produce_is_refused_before_writing(string path)
    {
        using var folder = new TempFolder();
        Assert.Throws<InvalidDataException>(() => ArtifactWriter.Write(folder.Path, new[] { Files[0], new ArtifactFile(path, "x") }, checkOnly: false));
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
    }

    [Fact]
    public void Every_path_the_generator_produces_is_accepted()
    {
        var run = GeneratorHarness.Run(GeneratorHarness.SampleSources());
        Assert.NotEmpty(run.Manifest!.Artifacts);
        Assert.All(run.Manifest.Artifacts, a => Assert.True(ArtifactPaths.IsArtifactPath(a.Path), a.Path));
    }

    [Fact]
    public void A_symlinked_environment_folder_is_neither_written_through_nor_cleaned_through()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var victim = outside.Write("network-map.md", "b\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "prod"), outside.Path);
        File.WriteAllText(Path.Combine(folder.Path, ArtifactWriter.IndexFile), "sha256:" + Sha256("b\n") + " prod/network-map.md\n");
        var error = Assert.Throws<InvalidDataException>(() => ArtifactWriter.Write(folder.Path, Files.Take(1).ToArray(), checkOnly: false));
        Assert.Contains("symbolic link", error.Message);
        Assert.False(File.Exists(Path.Combine(outside.Path, "Caddyfile")));
        Assert.True(File.Exists(victim));
    }

    [Fact]
    public void A_stale_entry_under_a_symlinked_folder_is_not_deleted()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var victim = outside.Write("network-map.md", "b\n");
        Directory.CreateSymbolicLink(Path.Combine(folder.Path, "dev"), outside.Path);
        File.WriteAllText(Path.Combine(folder.Path, ArtifactWriter.IndexFile), "sha256:" + Sha256("b\n") + " dev/network-map.md\n");
        var result = ArtifactWriter.Write(folder.Path, Files, checkOnly: false);
        Assert.Empty(result.Removed);
        Assert.True(File.Exists(victim));
    }

    [Fact]
    public void A_symlinked_artifact_file_is_refused()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var victim = outside.Write("target", "precious\n");
        Directory.CreateDirectory(Path.Combine(folder.Path, "prod"));
        File.CreateSymbolicLink(Path.Combine(folder.Path, "prod", "Caddyfile"), victim);
        Assert.Throws<InvalidDataException>(() => ArtifactWriter.Write(folder.Path, Files, checkOnly: false));
        Assert.Equal("precious\n", File.ReadAllText(victim));
    }

    [Fact]
    public void The_tool_reports_a_refusal_as_an_error_without_a_stack_trace()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var assembly = Path.Combine(folder.Path, "Stack.dll");
        using (var stream = File.Create(assembly))
        {
            Assert.True(GeneratorHarness.Run(GeneratorHarness.SampleSources()).Output.Emit(stream).Success);
        }
        var output = Path.Combine(folder.Path, "artifacts");
        Directory.CreateDirectory(output);
        Directory.CreateSymbolicLink(Path.Combine(output, "prod"), outside.Path);
        var result = Tools.Run("dotnet", new[] { typeof(ManifestReader).Assembly.Location, "--assembly", assembly, "--out", output, "--environments", "prod" });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error DMCE004", result.StandardError);
        Assert.DoesNotContain("   at ", result.StandardError);
        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
    }

    private static string Sha256(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
