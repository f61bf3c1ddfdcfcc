using Datamancy.Config.Emit;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The emitter's file handling and the env-file quoting, by what they protect: nothing outside the output
/// folder is touched, whatever the index lists; every value compose could expand or split is quoted.
/// </summary>
public sealed class EmitGuardTests
{
    [Theory]
    [InlineData("../victim")]
    [InlineData("dev/../../victim")]
    [InlineData("./../victim")]
    public void A_stale_index_entry_outside_the_output_folder_deletes_nothing(string entry)
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "out");
        var victim = folder.Write("victim", "keep me\n");
        ArtifactWriter.Write(output, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false);
        File.AppendAllText(Path.Combine(output, ArtifactWriter.IndexFile), entry + "\n");

        // The emitter never deletes on the word of an edited index: the entry is reported as kept, nothing is removed.
        var result = ArtifactWriter.Write(output, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false);

        Assert.True(File.Exists(victim), "the index entry '" + entry + "' deleted a file outside the output folder");
        Assert.Equal("keep me\n", File.ReadAllText(victim));
        Assert.Empty(result.Removed);
        Assert.Equal(new[] { entry }, result.Kept);
    }

    [Fact]
    public void An_absolute_index_entry_deletes_nothing_and_check_mode_reports_no_drift_for_it()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "out");
        var victim = folder.Write("victim", "keep me\n");
        ArtifactWriter.Write(output, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false);
        File.AppendAllText(Path.Combine(output, ArtifactWriter.IndexFile), victim + "\n");

        var check = ArtifactWriter.Write(output, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: true);
        Assert.Empty(check.Drifted);
        Assert.Equal(new[] { victim }, check.Kept);
        var write = ArtifactWriter.Write(output, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false);
        Assert.Empty(write.Removed);
        Assert.Equal(new[] { victim }, write.Kept);
        Assert.True(File.Exists(victim));
        Assert.Equal("keep me\n", File.ReadAllText(victim));
    }

    [Fact]
    public void A_stale_entry_inside_the_output_folder_is_removed_and_only_in_write_mode()
    {
        using var folder = new TempFolder();
        var files = new[] { new ArtifactFile("dev/Caddyfile", "a\n"), new ArtifactFile("dev/old.md", "b\n") };
        ArtifactWriter.Write(folder.Path, files, checkOnly: false);

        var check = ArtifactWriter.Write(folder.Path, files.Take(1).ToArray(), checkOnly: true);
        Assert.Equal(new[] { "dev/old.md" }, check.Drifted);
        Assert.Empty(check.Removed);
        Assert.True(File.Exists(Path.Combine(folder.Path, "dev/old.md")));

        var write = ArtifactWriter.Write(folder.Path, files.Take(1).ToArray(), checkOnly: false);
        Assert.Equal(new[] { "dev/old.md" }, write.Removed);
        Assert.False(File.Exists(Path.Combine(folder.Path, "dev/old.md")));
        // Index lines are "sha256:<hex> path": only the current artifact is listed.
        Assert.Equal(new[] { "dev/Caddyfile" }, File.ReadAllLines(Path.Combine(folder.Path, ArtifactWriter.IndexFile)).Select(l => l[(l.IndexOf(' ') + 1)..]));
        Assert.All(File.ReadAllLines(Path.Combine(folder.Path, ArtifactWriter.IndexFile)), l => Assert.StartsWith("sha256:", l));
    }

    [Fact]
    public void A_file_the_index_never_listed_is_left_alone()
    {
        using var folder = new TempFolder();
        var mine = folder.Write("dev/notes.txt", "mine\n");
        ArtifactWriter.Write(folder.Path, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false);
        ArtifactWriter.Write(folder.Path, Array.Empty<ArtifactFile>(), checkOnly: false);
        Assert.True(File.Exists(mine));
        Assert.False(File.Exists(Path.Combine(folder.Path, "dev/Caddyfile")));
        // The index of an empty set has no entry; reading it back removes and refuses nothing.
        var again = ArtifactWriter.Write(folder.Path, Array.Empty<ArtifactFile>(), checkOnly: false);
        Assert.Empty(again.Removed);
        Assert.True(File.Exists(mine));
    }

    [Fact]
    public void The_first_emission_into_a_missing_folder_creates_it_and_its_index()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "not", "yet");
        var result = ArtifactWriter.Write(output, Array.Empty<ArtifactFile>(), checkOnly: false);
        Assert.Empty(result.Written);
        Assert.True(File.Exists(Path.Combine(output, ArtifactWriter.IndexFile)));
    }

    [Fact]
    public void A_changed_artifact_is_rewritten_whole_and_no_temporary_file_is_left()
    {
        using var folder = new TempFolder();
        ArtifactWriter.Write(folder.Path, new[] { new ArtifactFile("dev/Caddyfile", "first version, longer\n") }, checkOnly: false);
        var result = ArtifactWriter.Write(folder.Path, new[] { new ArtifactFile("dev/Caddyfile", "second\n") }, checkOnly: false);
        Assert.Equal(new[] { "dev/Caddyfile" }, result.Written);
        Assert.Equal("second\n", File.ReadAllText(Path.Combine(folder.Path, "dev/Caddyfile")));
        Assert.Equal(new[] { "Caddyfile" }, Directory.GetFiles(Path.Combine(folder.Path, "dev")).Select(Path.GetFileName));
    }

    [Fact]
    public void Check_mode_writes_nothing_not_even_the_index()
    {
        using var folder = new TempFolder();
        var result = ArtifactWriter.Write(folder.Path, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: true);
        Assert.Equal(new[] { "dev/Caddyfile" }, result.Drifted);
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("dev//Caddyfile")]
    [InlineData("dev/./Caddyfile")]
    [InlineData("dev/")]
    public void Refuses_empty_and_non_canonical_artifact_paths(string path)
    {
        using var folder = new TempFolder();
        Assert.Throws<InvalidDataException>(() => ArtifactWriter.Write(folder.Path, new[] { new ArtifactFile(path, "x") }, checkOnly: false));
        Assert.Empty(Directory.EnumerateFileSystemEntries(folder.Path));
    }

    [Theory]
    [InlineData("$pbkdf2-sha512$310000$c2FsdA$aGFzaA")]
    [InlineData("a$b")]
    [InlineData("two words")]
    [InlineData("x#comment")]
    [InlineData("say\"hi\"")]
    [InlineData("`id`")]
    public void A_value_compose_would_expand_or_split_is_single_quoted_and_reads_back_unchanged(string value)
    {
        var quoted = EnvFile.Quote("X", value);
        Assert.StartsWith("'", quoted);
        Assert.EndsWith("'", quoted);
        Assert.Equal(value, quoted[1..^1]);
        Assert.Equal(value, EnvFile.Unquote(quoted));
    }

    [Theory]
    [InlineData("${HOME}")]
    [InlineData("pre${X:-y}post")]
    public void A_value_compose_would_interpolate_even_inside_quotes_is_refused(string value)
    {
        var refusal = Assert.Throws<SecretFileException>(() => EnvFile.Quote("X", value));
        Assert.Contains("${", refusal.Message);
    }

    [Theory]
    [InlineData("c2VjcmV0LXZhbHVl")]
    [InlineData("0123abcdef")]
    [InlineData("a-b_c.d/e+f=")]
    public void A_plain_value_is_written_bare(string value)
    {
        Assert.Equal(value, EnvFile.Quote("X", value));
        Assert.Equal(value, EnvFile.Unquote(value));
    }

    [Theory]
    [InlineData("-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----")]
    [InlineData("a\\n\nb\"c")]
    [InlineData("back\\slash")]
    public void A_multi_line_value_becomes_one_double_quoted_line_and_reads_back_unchanged(string value)
    {
        var quoted = EnvFile.Quote("X", value);
        Assert.DoesNotContain('\n', quoted);
        Assert.StartsWith("\"", quoted);
        Assert.EndsWith("\"", quoted);
        Assert.Equal(value, EnvFile.Unquote(quoted));
    }

    [Theory]
    [InlineData("''", "")]
    [InlineData("\"\"", "")]
    [InlineData("\"a\\\"", "a\\")]
    [InlineData("\"a\\tb\"", "atb")]
    [InlineData("  bare  ", "bare")]
    [InlineData("'", "'")]
    public void Unquote_handles_the_edges(string text, string expected) => Assert.Equal(expected, EnvFile.Unquote(text));

    [Fact]
    public void An_env_file_round_trips_digests_keys_and_plain_values_and_skips_comments()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, ".env");
        var values = new Dictionary<string, string>
        {
            ["A_DIGEST"] = "$pbkdf2-sha512$310000$c2FsdA$aGFzaA",
            ["B_KEY"] = "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----",
            ["C_PLAIN"] = "c2VjcmV0",
        };
        EnvFile.Write(path, "header line\n=not a value", values);
        File.AppendAllText(path, "\n  # indented comment\n=orphan\nD_SPACED ='x y'  \n");

        var read = EnvFile.Read(path);

        Assert.Equal(values["A_DIGEST"], read["A_DIGEST"]);
        Assert.Equal(values["B_KEY"], read["B_KEY"]);
        Assert.Equal(values["C_PLAIN"], read["C_PLAIN"]);
        Assert.Equal("x y", read["D_SPACED"]);
        Assert.Equal(4, read.Count);
        Assert.Contains("A_DIGEST='" + values["A_DIGEST"] + "'", File.ReadAllLines(path));
    }

    [Fact]
    public void A_missing_env_file_reads_as_empty()
    {
        using var folder = new TempFolder();
        Assert.Empty(EnvFile.Read(Path.Combine(folder.Path, "absent.env")));
    }
}
