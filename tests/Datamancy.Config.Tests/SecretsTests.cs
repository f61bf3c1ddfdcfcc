using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Datamancy.Config.Emit;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>The secrets command: values from the platform's crypto, owner-only files, never printed.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsTests
{
    private static readonly Lazy<GeneratorRun> Sample = new(() => GeneratorHarness.Run(GeneratorHarness.SampleSources()));
    private static readonly Lazy<GeneratorRun> Oidc = new(() => TestStacks.Run("oidc-and-bypass"));

    private static IReadOnlyList<SecretEntry> Secrets(GeneratorRun run) => run.Manifest!.Secrets;

    private static SecretsResult Generate(string folder, GeneratorRun run, params string[] rotate) =>
        SecretsCommand.Run(folder, Secrets(run), rotate.ToHashSet());

    [Fact]
    public void Files_are_owner_only_and_values_well_formed()
    {
        using var folder = new TempFolder();
        var result = Generate(folder.Path, Sample.Value);
        Assert.Equal(Secrets(Sample.Value).Count, result.Created.Count);
        foreach (var file in new[] { ".env", ".env.bootstrap" })
        {
            Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(Path.Combine(folder.Path, file)));
        }
        var env = EnvFile.Read(Path.Combine(folder.Path, ".env"));
        Assert.Equal(Secrets(Sample.Value).Select(s => s.Name).OrderBy(n => n), env.Keys.OrderBy(n => n));
        Assert.Matches("^sk-[A-Za-z0-9]{32}$", env["LITELLM_MASTER_KEY"]);
        Assert.Matches("^[A-Za-z0-9]{64}$", env["AUTHELIA_SESSION_SECRET"]);
        using var rsa = RSA.Create();
        rsa.ImportFromPem(env["AUTHELIA_IDENTITY_PROVIDERS_OIDC_ISSUER_PRIVATE_KEY"]);
        Assert.Equal(4096, rsa.KeySize);
        Assert.True(AutheliaDigest.Verify(env["GRAFANA_OIDC_CLIENT_SECRET"], env["GRAFANA_OIDC_CLIENT_SECRET_DIGEST"]));
        Assert.False(AutheliaDigest.Verify(env["GRAFANA_OIDC_CLIENT_SECRET"] + "x", env["GRAFANA_OIDC_CLIENT_SECRET_DIGEST"]));
        Assert.Contains(".env\n", File.ReadAllText(Path.Combine(folder.Path, ".gitignore")));
    }

    [Fact]
    public void Digest_is_the_pbkdf2_sha512_of_the_plaintext_in_authelias_format()
    {
        var digest = AutheliaDigest.Create("correct horse");
        var parts = digest.Split('$');
        Assert.Equal("pbkdf2-sha512", parts[1]);
        Assert.Equal("310000", parts[2]);
        static byte[] Ab64(string s) { var b = s.Replace('.', '+'); return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '=')); }
        var expected = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes("correct horse"), Ab64(parts[3]), 310000, HashAlgorithmName.SHA512, 64);
        Assert.Equal(expected, Ab64(parts[4]));
        Assert.Matches(@"^\$pbkdf2-sha512\$\d+\$[a-zA-Z0-9/.]+\$[a-zA-Z0-9/.]+$", digest);
    }

    [Theory]
    [InlineData("HexKey", 24, "^[0-9a-f]{48}$")]
    [InlineData("Password", 20, "^[A-Za-z0-9]{20}$")]
    public void Kinds_have_their_length(string kind, int length, string pattern) =>
        Assert.Matches(pattern, SecretValues.Create(kind, length));

    [Fact]
    public void Base64_key_decodes_to_its_length() =>
        Assert.Equal(48, Convert.FromBase64String(SecretValues.Create("Base64Key", 48)).Length);

    [Fact]
    public void Second_run_keeps_every_value()
    {
        using var folder = new TempFolder();
        Generate(folder.Path, Sample.Value);
        var before = File.ReadAllText(Path.Combine(folder.Path, ".env"));
        var second = Generate(folder.Path, Sample.Value);
        Assert.Empty(second.Created);
        Assert.Empty(second.Rotated);
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder.Path, ".env")));
    }

    [Fact]
    public void Only_missing_values_are_created()
    {
        using var folder = new TempFolder();
        Generate(folder.Path, Sample.Value);
        var envPath = Path.Combine(folder.Path, ".env");
        var lines = File.ReadAllLines(envPath).Where(l => !l.StartsWith("POSTGRES_PASSWORD=")).ToArray();
        SecureFile.WriteAtomically(envPath, w => { foreach (var l in lines) w.WriteLine(l); });
        var before = EnvFile.Read(envPath);
        var result = Generate(folder.Path, Sample.Value);
        Assert.Equal(new[] { "POSTGRES_PASSWORD" }, result.Created);
        var after = EnvFile.Read(envPath);
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }

    [Fact]
    public void Rotation_replaces_one_value_and_names_the_services_to_restart()
    {
        using var folder = new TempFolder();
        Generate(folder.Path, Sample.Value);
        var before = EnvFile.Read(Path.Combine(folder.Path, ".env"));
        var result = Generate(folder.Path, Sample.Value, "LITELLM_MASTER_KEY");
        var after = EnvFile.Read(Path.Combine(folder.Path, ".env"));
        Assert.Equal(new[] { "LITELLM_MASTER_KEY" }, result.Rotated);
        Assert.Equal(new[] { "litellm", "open-webui" }, result.Restart);
        Assert.NotEqual(before["LITELLM_MASTER_KEY"], after["LITELLM_MASTER_KEY"]);
        Assert.All(before.Where(p => p.Key != "LITELLM_MASTER_KEY"), p => Assert.Equal(p.Value, after[p.Key]));
        Assert.Equal(after["LITELLM_MASTER_KEY"], EnvFile.Read(Path.Combine(folder.Path, ".env.bootstrap"))["LITELLM_MASTER_KEY"]);
    }

    [Fact]
    public void Rotating_an_oidc_client_secret_rotates_its_digest()
    {
        using var folder = new TempFolder();
        Generate(folder.Path, Sample.Value);
        var result = Generate(folder.Path, Sample.Value, "GRAFANA_OIDC_CLIENT_SECRET");
        var env = EnvFile.Read(Path.Combine(folder.Path, ".env"));
        Assert.Equal(new[] { "GRAFANA_OIDC_CLIENT_SECRET", "GRAFANA_OIDC_CLIENT_SECRET_DIGEST" }, result.Rotated.OrderBy(n => n));
        Assert.True(AutheliaDigest.Verify(env["GRAFANA_OIDC_CLIENT_SECRET"], env["GRAFANA_OIDC_CLIENT_SECRET_DIGEST"]));
        Assert.Equal(new[] { "authelia", "grafana" }, result.Restart);
    }

    [Fact]
    public void Machine_client_plaintexts_go_to_their_own_file()
    {
        using var folder = new TempFolder();
        Generate(folder.Path, Oidc.Value);
        var clients = EnvFile.Read(Path.Combine(folder.Path, "oidc-clients.env"));
        var env = EnvFile.Read(Path.Combine(folder.Path, ".env"));
        Assert.Equal(new[] { "API_VECTORS_CLIENT_SECRET" }, clients.Keys);
        Assert.False(env.ContainsKey("API_VECTORS_CLIENT_SECRET"));
        Assert.True(AutheliaDigest.Verify(clients["API_VECTORS_CLIENT_SECRET"], env["API_VECTORS_CLIENT_SECRET_DIGEST"]));
        Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(Path.Combine(folder.Path, "oidc-clients.env")));
    }

    [Fact]
    public void A_file_readable_by_others_is_refused_without_reading_it()
    {
        using var folder = new TempFolder();
        Generate(folder.Path, Sample.Value);
        var envPath = Path.Combine(folder.Path, ".env");
        var value = EnvFile.Read(envPath)["POSTGRES_PASSWORD"];
        File.SetUnixFileMode(envPath, SecureFile.OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var refusal = Assert.Throws<SecretFileException>(() => Generate(folder.Path, Sample.Value));
        Assert.Contains("chmod 600", refusal.Message);
        Assert.DoesNotContain(value, refusal.Message);
    }

    [Fact]
    public void Temporary_file_is_owner_only_from_the_first_byte()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, ".env");
        UnixFileMode? seen = null;
        SecureFile.WriteAtomically(target, writer =>
        {
            var temporary = Directory.GetFiles(folder.Path, ".*.tmp-*").Single();
            seen = File.GetUnixFileMode(temporary);
            writer.WriteLine("A=1");
        });
        Assert.Equal(SecureFile.OwnerOnly, seen);
        Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(target));
    }

    [Fact]
    public void Failure_mid_write_leaves_the_old_file_intact()
    {
        using var folder = new TempFolder();
        var target = Path.Combine(folder.Path, ".env");
        SecureFile.WriteAtomically(target, w => w.WriteLine("OLD=1"));
        Assert.Throws<IOException>(() => SecureFile.WriteAtomically(target, writer =>
        {
            writer.WriteLine("NEW=2");
            writer.Flush();
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("OLD=1\n", File.ReadAllText(target));
        Assert.Single(Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Command_prints_no_value_on_success_or_error()
    {
        using var folder = new TempFolder();
        var assembly = Path.Combine(folder.Path, "Stack.dll");
        using (var stream = File.Create(assembly))
        {
            Assert.True(Sample.Value.Output.Emit(stream).Success);
        }
        var tool = typeof(ManifestReader).Assembly.Location;
        var output = Path.Combine(folder.Path, "artifacts");
        var first = Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod" });
        var rotated = Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod", "--rotate", "all" });
        var envPath = Path.Combine(output, "prod", ".env");
        File.SetUnixFileMode(envPath, SecureFile.OwnerOnly | UnixFileMode.OtherRead);
        var refused = Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod" });
        File.SetUnixFileMode(envPath, SecureFile.OwnerOnly);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, rotated.ExitCode);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("rotated:", rotated.StandardOutput);
        var transcript = first.StandardOutput + first.StandardError + rotated.StandardOutput + rotated.StandardError + refused.StandardOutput + refused.StandardError;
        foreach (var value in EnvFile.Read(envPath).Values)
        {
            Assert.DoesNotContain(value, transcript);
            foreach (var line in value.Split('\n').Where(l => l.Length >= 16))
            {
                Assert.DoesNotContain(line, transcript);
            }
        }
    }

    [Fact]
    public void Every_variable_compose_and_authelia_require_is_produced_and_nothing_else()
    {
        foreach (var run in new[] { Sample.Value, Oidc.Value })
        {
            var compose = run.Artifact("prod/compose.yaml");
            var required = Regex.Matches(compose, @"\$\{([A-Z_][A-Z0-9_]*):\?").Select(m => m.Groups[1].Value).ToHashSet();
            var produced = Secrets(run).Where(s => !s.ForClients).Select(s => s.Name).ToHashSet();
            Assert.Equal(required.OrderBy(n => n), produced.OrderBy(n => n));
            var authelia = run.Artifact("prod/authelia/configuration.yml");
            var templated = Regex.Matches(authelia, "\\{\\{ env \"([A-Z_][A-Z0-9_]*)\" \\}\\}").Select(m => m.Groups[1].Value);
            var autheliaEnv = YamlJson.Parse(compose).At("services").Entries().Single(s => s.Value.Has("environment") && s.Value.At("environment").Has("X_AUTHELIA_CONFIG_FILTERS")).Value.At("environment");
            Assert.All(templated, name => Assert.True(autheliaEnv.Has(name) && produced.Contains(name), name));
            Assert.All(autheliaEnv.Entries().Select(e => e.Key).Where(k => k.StartsWith("AUTHELIA_")),
                name => Assert.Matches(@"^\$\{[A-Z_]+:\?", autheliaEnv.At(name).Text()));
        }
    }

    [SkippableFact]
    public void Emitted_stack_has_every_variable_it_reads_after_the_secrets_command()
    {
        var dockerCompose = Tools.Require("docker-compose", "apt-get install -y docker-compose");
        using var folder = new TempFolder();
        foreach (var artifact in Sample.Value.Artifacts.Where(a => a.Path.StartsWith("prod/")))
        {
            folder.Write(artifact.Path, artifact.Content);
        }
        var prod = Path.Combine(folder.Path, "prod");
        Generate(prod, Sample.Value);
        // docker-compose 1.29 predates the top-level 'name'; the project name comes from -p.
        File.WriteAllText(Path.Combine(prod, "compose.yaml"), Regex.Replace(File.ReadAllText(Path.Combine(prod, "compose.yaml")), "^name: .*\n", string.Empty, RegexOptions.Multiline));
        foreach (var envFile in new[] { ".env", ".env.bootstrap" })
        {
            var result = Tools.Run(dockerCompose, new[] { "-p", "datamancy", "--env-file", envFile, "--profile", envFile == ".env" ? "full" : "bootstrap", "-f", "compose.yaml", "config", "-q" }, prod);
            if (envFile == ".env")
            {
                Assert.True(result.ExitCode == 0, result.StandardError);
                Assert.DoesNotContain("is not set", result.StandardError);
            }
        }
    }
}
