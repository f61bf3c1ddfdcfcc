using System.Text;
using Datamancy.Config.Emit;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The edges of the emitter's and the secrets command's file handling that the mutation run found untested: which
/// names are artifacts, how a refused name is shown, links in every place a file is read or written, the index's
/// shape, the exact refusals of env values, and secrets files written without a byte-order mark.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmitFileGuardTests
{
    [Theory]
    [InlineData("dev/Caddyfile", true)]
    [InlineData("staging-2/authelia/configuration.yml", true)]
    [InlineData("dev/.env.example", true)]
    [InlineData("dev/a/b/c/d/e", true)]
    [InlineData("dev/a/b/c/d/e/f", false)]
    [InlineData("Caddyfile", false)]
    [InlineData("Dev/Caddyfile", false)]
    [InlineData("../Caddyfile", false)]
    [InlineData("d.v/Caddyfile", false)]
    [InlineData("dev/Caddyfile.tmp-42", false)]
    [InlineData("dev/oidc-clients.env", false)]
    [InlineData("dev/OIDC-Clients.env", false)]
    [InlineData("dev/.env", false)]
    public void Only_names_the_generator_produces_are_artifact_paths(string path, bool expected) =>
        Assert.Equal(expected, ArtifactPaths.IsArtifactPath(path));

    [Fact]
    public void A_refused_name_is_shown_with_its_control_and_separator_characters_made_visible()
    {
        var refusal = Assert.Throws<InvalidDataException>(() => ArtifactPaths.Resolve("/tmp/out", "dev/a\nb\u200b\u2028\u2029\t"));
        Assert.Equal("Refusing artifact path 'dev/a\\u000ab\\u200b\\u2028\\u2029\\u0009': not a name the generator produces.", refusal.Message);
        Assert.Equal("dev/é x", ArtifactPaths.Shown("dev/é x"));
    }

    [Fact]
    public void A_long_name_is_cut_after_120_characters_and_marked()
    {
        Assert.Equal(new string('a', 120), ArtifactPaths.Shown(new string('a', 120)));
        Assert.Equal(new string('a', 120) + "…", ArtifactPaths.Shown(new string('a', 121)));
        Assert.Equal(new string('a', 119) + "\\u000a…", ArtifactPaths.Shown(new string('a', 119) + "\nbbb"));
    }

    [Fact]
    public void An_index_that_is_a_link_is_refused_before_anything_is_read_or_removed()
    {
        using var folder = new TempFolder();
        var output = Path.Combine(folder.Path, "out");
        ArtifactWriter.Write(output, new[] { new ArtifactFile("dev/Caddyfile", "a\n"), new ArtifactFile("dev/old.md", "b\n") }, checkOnly: false);
        var elsewhere = folder.Write("elsewhere", File.ReadAllText(Path.Combine(output, ArtifactWriter.IndexFile)));
        File.Delete(Path.Combine(output, ArtifactWriter.IndexFile));
        File.CreateSymbolicLink(Path.Combine(output, ArtifactWriter.IndexFile), elsewhere);

        var refusal = Assert.Throws<InvalidDataException>(() => ArtifactWriter.Write(output, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false));

        Assert.Equal("Refusing to follow the symbolic link " + Path.Combine(output, ArtifactWriter.IndexFile) + " (for " + ArtifactWriter.IndexFile
            + "): replace it with a real folder or file.", refusal.Message);
        Assert.True(File.Exists(Path.Combine(output, "dev/old.md")));
    }

    [Fact]
    public void The_index_is_sorted_plain_utf8_and_a_listed_file_already_gone_is_skipped()
    {
        using var folder = new TempFolder();
        var files = new[] { new ArtifactFile("prod/Caddyfile", "p\n"), new ArtifactFile("dev/z.md", "z\n"), new ArtifactFile("dev/Caddyfile", "a\n") };
        ArtifactWriter.Write(folder.Path, files, checkOnly: false);
        var index = Path.Combine(folder.Path, ArtifactWriter.IndexFile);

        Assert.Equal((byte)'s', File.ReadAllBytes(index)[0]);
        Assert.Equal(new[] { "dev/Caddyfile", "dev/z.md", "prod/Caddyfile" }, File.ReadAllLines(index).Select(l => l[(l.IndexOf(' ') + 1)..]));

        File.Delete(Path.Combine(folder.Path, "dev/z.md"));
        var result = ArtifactWriter.Write(folder.Path, files.Where(f => f.Path != "dev/z.md").ToArray(), checkOnly: false);
        Assert.Empty(result.Removed);
        Assert.Empty(result.Kept);
        Assert.Equal(new[] { "dev/Caddyfile", "prod/Caddyfile" }, File.ReadAllLines(index).Select(l => l[(l.IndexOf(' ') + 1)..]));
    }

    [Theory]
    [InlineData("dev/a b")]
    [InlineData("x y z")]
    [InlineData("sha256:")]
    public void An_index_line_without_a_hash_is_kept_whole_never_split(string line)
    {
        using var folder = new TempFolder();
        ArtifactWriter.Write(folder.Path, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false);
        File.AppendAllText(Path.Combine(folder.Path, ArtifactWriter.IndexFile), line + "\n");

        var result = ArtifactWriter.Write(folder.Path, new[] { new ArtifactFile("dev/Caddyfile", "a\n") }, checkOnly: false);

        Assert.Equal(new[] { line }, result.Kept);
        Assert.Empty(result.Removed);
    }

    [Fact]
    public void A_secrets_file_is_never_written_or_checked_through_a_link()
    {
        using var folder = new TempFolder();
        var target = folder.Write("target.env", "A=1\n");
        var link = Path.Combine(folder.Path, ".env");
        File.CreateSymbolicLink(link, target);

        var write = Assert.Throws<SecretFileException>(() => SecureFile.WriteAtomically(link, w => w.Write("A=2")));
        var check = Assert.Throws<SecretFileException>(() => SecureFile.RequirePrivate(link));

        var expected = link + " is a symbolic link (to " + target + "); secrets files are never written through or over a link. "
            + "Replace it with a regular file or folder (or remove it) and retry. Nothing was read or written.";
        Assert.Equal(expected, write.Message);
        Assert.Equal(expected, check.Message);
        Assert.Equal("A=1\n", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void A_secrets_file_others_can_read_is_refused_naming_its_mode()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "A=1\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var refusal = Assert.Throws<SecretFileException>(() => SecureFile.RequirePrivate(path));

        Assert.Equal(path + " is accessible to group or others (mode 0644); run 'chmod 600 " + path + "' and retry. Nothing was read or written.", refusal.Message);
    }

    [Fact]
    public void A_secrets_file_is_created_owner_only_in_a_new_folder_without_a_byte_order_mark()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "new", "folder", ".env");

        EnvFile.Write(path, "first\nsecond", new Dictionary<string, string> { ["A"] = "é" });

        Assert.Equal(Encoding.UTF8.GetBytes("# first\n# second\nA='é'\n"), File.ReadAllBytes(path));
        Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(path));
        Assert.Equal(new[] { ".env" }, Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("a\u0001b", "it holds a control character other than a line break")]
    [InlineData("a${B}", "it holds '${', which Compose interpolates even inside quotes")]
    [InlineData("a\\", "it ends with a backslash, which Compose reads as escaping the closing quote")]
    [InlineData("$a'", "it holds '$' together with a quote, backslash or line break, which Compose versions read differently")]
    [InlineData("$a\\b", "it holds '$' together with a quote, backslash or line break, which Compose versions read differently")]
    [InlineData("$a\nb", "it holds '$' together with a quote, backslash or line break, which Compose versions read differently")]
    public void An_unrepresentable_value_is_refused_with_its_reason_and_the_name_never_the_value(string value, string reason)
    {
        Assert.Equal(reason, EnvFile.Unrepresentable(value));
        var refusal = Assert.Throws<SecretFileException>(() => EnvFile.Quote("DB_PASSWORD", value));
        Assert.Equal("The value of DB_PASSWORD cannot be written to an env file: " + reason
            + ". Change it, or rotate it with -p:DatamancyRotate=DB_PASSWORD. Nothing was written.", refusal.Message);
    }

    [Theory]
    [InlineData("", "''")]
    [InlineData("A", "A")]
    [InlineData("z", "z")]
    [InlineData("9", "9")]
    [InlineData("Zz09", "Zz09")]
    [InlineData("[", "'['")]
    [InlineData("`", "'`'")]
    [InlineData("{", "'{'")]
    [InlineData("'a b", "\"'a b\"")]
    [InlineData("\nx", "\"\\nx\"")]
    public void A_value_is_written_in_the_simplest_form_that_reads_back_unchanged(string value, string written)
    {
        Assert.Equal(written, EnvFile.Quote("X", value));
        Assert.Equal(value, EnvFile.Unquote(written));
    }

    [Theory]
    [InlineData("\"", "\"")]
    [InlineData("abc\"", "abc\"")]
    [InlineData("\"abc", "\"abc")]
    public void A_value_with_one_double_quote_at_an_end_is_read_as_written(string text, string expected) =>
        Assert.Equal(expected, EnvFile.Unquote(text));

    [Fact]
    public void The_lock_file_is_owner_only_and_a_run_that_waits_too_long_names_the_lock_and_the_wait()
    {
        using var folder = new TempFolder();
        var wait = SecretsLock.Wait;
        try
        {
            using (SecretsLock.Acquire(folder.Path))
            {
                var path = Path.Combine(folder.Path, SecretsLock.FileName);
                Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(path));
                SecretsLock.Wait = TimeSpan.FromSeconds(2);
                var started = DateTime.UtcNow;
                var refusal = Assert.Throws<SecretFileException>(() => SecretsLock.Acquire(folder.Path));
                Assert.True(DateTime.UtcNow - started >= TimeSpan.FromSeconds(1.9), "the run gave up before its wait was over");
                Assert.Equal("Another secrets run holds " + path + " and did not finish within 2 s; retry when it is done (delete the file only if no run is active). "
                    + "Nothing was read or written.", refusal.Message);
            }
            using (SecretsLock.Acquire(folder.Path))
            {
            }
        }
        finally
        {
            SecretsLock.Wait = wait;
        }
    }

    [Fact]
    public void The_lock_is_taken_in_an_environment_folder_that_does_not_exist_yet()
    {
        using var folder = new TempFolder();
        var environment = Path.Combine(folder.Path, "artifacts", "staging");

        using (SecretsLock.Acquire(environment))
        {
            Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(Path.Combine(environment, SecretsLock.FileName)));
        }
    }

    [Fact]
    public void The_kubernetes_secret_is_an_opaque_secret_named_after_its_namespace_with_every_value_escaped_by_json()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, KubernetesSecretFile.FileName);

        KubernetesSecretFile.Write(path, "team-a", new Dictionary<string, string> { ["A_DIGEST"] = "$pbkdf2$x", ["B_KEY"] = "line one\nline \"two\"" });

        Assert.Equal("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Secret\",\n  \"metadata\": {\n    \"name\": \"team-a-env\",\n    \"namespace\": \"team-a\"\n  },\n"
            + "  \"type\": \"Opaque\",\n  \"stringData\": {\n    \"A_DIGEST\": \"$pbkdf2$x\",\n    \"B_KEY\": \"line one\\nline \\u0022two\\u0022\"\n  }\n}\n", File.ReadAllText(path));
        Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData("namespace: \"team-a\"", "team-a")]
    [InlineData("resources: []\nnamespace: \"a1\"\n", "a1")]
    [InlineData("namespace: team-a", null)]
    [InlineData("namespace: \"Team\"", null)]
    [InlineData("namespace: \"a b\"", null)]
    [InlineData(" namespace: \"a\"", null)]
    public void The_secret_namespace_is_read_only_from_the_environments_own_kustomization_line(string kustomization, string? expected)
    {
        var manifest = new ArtifactManifest(false, new[]
        {
            new ArtifactFile("dev/kubernetes/kustomization.yaml", "namespace: \"dev-only\""),
            new ArtifactFile("prod/kubernetes/kustomization.yaml", kustomization),
        }, Array.Empty<SecretEntry>());
        Assert.Equal(expected, KubernetesSecretFile.Namespace(manifest, "prod"));
        Assert.Null(KubernetesSecretFile.Namespace(manifest, "staging"));
    }
}
