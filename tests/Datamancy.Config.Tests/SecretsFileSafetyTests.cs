using System.Text.RegularExpressions;
using Datamancy.Config.Emit;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// The secrets command does not trust its surroundings: no file is written through or over a symbolic link, values
/// are quoted so Compose reads back exactly what was kept (or refused), weak kept values are reported, and two runs
/// on one folder are serialized.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsFileSafetyTests
{
    private static readonly Lazy<GeneratorRun> Sample = new(() => GeneratorHarness.Run(GeneratorHarness.SampleSources()));

    private static IReadOnlyList<SecretEntry> Secrets => Sample.Value.Manifest!.Secrets;

    private static SecretsResult Generate(string folder, params string[] rotate) => SecretsCommand.Run(folder, Secrets, rotate.ToHashSet());

    public static TheoryData<string> LinkedFiles() => new() { ".env", ".env.bootstrap", ".gitignore", SecretsLock.FileName };

    [Theory]
    [MemberData(nameof(LinkedFiles))]
    public void A_symlinked_secrets_file_is_refused_and_its_target_untouched(string name)
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var target = outside.Write("target", "precious\n");
        File.SetUnixFileMode(target, SecureFile.OwnerOnly);
        File.CreateSymbolicLink(Path.Combine(folder.Path, name), target);
        var error = Assert.Throws<SecretFileException>(() => Generate(folder.Path));
        Assert.Contains("symbolic link", error.Message);
        Assert.Contains(name, error.Message);
        Assert.Equal("precious\n", File.ReadAllText(target));
        Assert.True(new FileInfo(Path.Combine(folder.Path, name)).LinkTarget is not null, "the link itself is left in place");
    }

    [Fact]
    public void A_symlinked_environment_folder_is_refused()
    {
        using var folder = new TempFolder();
        using var outside = new TempFolder();
        var linked = Path.Combine(folder.Path, "prod");
        Directory.CreateSymbolicLink(linked, outside.Path);
        Assert.Throws<SecretFileException>(() => Generate(linked));
        Assert.Empty(Directory.GetFileSystemEntries(outside.Path));
    }

    /// <summary>Values a person may keep in .env, each written in a form Compose reads back exactly.</summary>
    public static readonly string[] RepresentableValues =
    {
        "it's", "a'b'c", "x\\y", "\\x", "a\\'b", "a\\\"b", "quote\"d", "#hash", "sp ace", " lead", "trail ", "semi;colon", "`tick`", "a=b",
        "$pbkdf2-sha512$310000$abc$def", "$", "a$b", "100%", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n",
        "line1\nline2 'q' \"dq\" \\ end", "ünïcödé", "",
    };

    [Fact]
    public void The_example_a_kept_value_with_a_quote_is_read_back_exactly()
    {
        using var folder = new TempFolder();
        Generate(folder.Path);
        var env = Path.Combine(folder.Path, ".env");
        File.WriteAllText(env, File.ReadAllText(env).Replace(Regex.Match(File.ReadAllText(env), "^POSTGRES_PASSWORD=.*$", RegexOptions.Multiline).Value, "POSTGRES_PASSWORD=\"it's a secret\""));
        Generate(folder.Path);
        Assert.Equal("it's a secret", EnvFile.Read(env)["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void Every_representable_value_round_trips_through_our_reader()
    {
        foreach (var value in RepresentableValues)
        {
            Assert.Null(EnvFile.Unrepresentable(value));
            Assert.Equal(value, EnvFile.Unquote(EnvFile.Quote("X", value)));
        }
    }

    [Theory]
    [InlineData("a$b'c")]
    [InlineData("a$b\\c")]
    [InlineData("a$b\nc")]
    [InlineData("${HOME}")]
    [InlineData("cr\rhere")]
    [InlineData("ends with\\")]
    public void A_value_compose_versions_would_read_differently_is_refused_without_showing_it(string value)
    {
        var error = Assert.Throws<SecretFileException>(() => EnvFile.Quote("POSTGRES_PASSWORD", value));
        Assert.Contains("POSTGRES_PASSWORD", error.Message);
        Assert.DoesNotContain(value, error.Message);
    }

    [Fact]
    public void A_refused_kept_value_leaves_every_file_as_it_was()
    {
        using var folder = new TempFolder();
        Generate(folder.Path);
        var env = Path.Combine(folder.Path, ".env");
        var edited = Regex.Replace(File.ReadAllText(env), "^POSTGRES_PASSWORD=.*$", "POSTGRES_PASSWORD='${HOME}'", RegexOptions.Multiline);
        File.WriteAllText(env, edited);
        var bootstrap = File.ReadAllText(Path.Combine(folder.Path, ".env.bootstrap"));
        Assert.Throws<SecretFileException>(() => Generate(folder.Path));
        Assert.Equal(edited, File.ReadAllText(env));
        Assert.Equal(bootstrap, File.ReadAllText(Path.Combine(folder.Path, ".env.bootstrap")));
    }

    /// <summary>docker-compose 1.29 reads the env file we write and interpolates each value into compose: it must get exactly the value.</summary>
    [SkippableFact]
    public void Docker_compose_reads_back_every_value_exactly()
    {
        var dockerCompose = Tools.Require("docker-compose", "apt-get install -y docker-compose");
        using var folder = new TempFolder();
        var values = RepresentableValues.Where(v => v.Length > 0).Select((v, i) => KeyValuePair.Create("V" + i, v)).ToList();
        var generated = new[] { "Password", "HexKey", "Base64Key", "RsaPrivateKey" }.Select((k, i) => KeyValuePair.Create("G" + i, SecretValues.Create(k, k == "RsaPrivateKey" ? 2048 : 32)));
        values.AddRange(generated);
        values.Add(KeyValuePair.Create("D", AutheliaDigest.Create("x")));
        EnvFile.Write(Path.Combine(folder.Path, ".env"), "test", values);
        folder.Write("compose.yaml", "version: \"3.7\"\nservices:\n  a:\n    image: busybox:1.36\n    environment:\n"
            + string.Concat(values.Select(v => "      " + v.Key + ": ${" + v.Key + "}\n")));
        var result = Tools.Run(dockerCompose, new[] { "--env-file", ".env", "-f", "compose.yaml", "config" }, folder.Path);
        Assert.True(result.ExitCode == 0, result.StandardError);
        var environment = YamlJson.Parse(result.StandardOutput).At("services").At("a").At("environment");
        foreach (var (name, value) in values)
        {
            // compose config prints a literal '$' as '$$'.
            Assert.True(value == environment.At(name).Text().Replace("$$", "$"), name + " differs after docker-compose read it");
        }
    }

    [Fact]
    public void The_example_a_six_character_kept_value_is_reported_as_weak_by_name_only()
    {
        using var folder = new TempFolder();
        Generate(folder.Path);
        var env = Path.Combine(folder.Path, ".env");
        File.WriteAllText(env, Regex.Replace(File.ReadAllText(env), "^POSTGRES_PASSWORD=.*$", "POSTGRES_PASSWORD=second", RegexOptions.Multiline));
        var result = Generate(folder.Path);
        var weak = Assert.Single(result.Weak);
        Assert.Equal("POSTGRES_PASSWORD", weak.Name);
        Assert.DoesNotContain("second", weak.Why);
        Assert.Equal("second", EnvFile.Read(env)["POSTGRES_PASSWORD"]);
    }

    [Fact]
    public void Generated_values_are_never_weak_and_each_kind_reports_a_weaker_kept_value()
    {
        foreach (var secret in Secrets)
        {
            var generated = secret.DigestOf is null ? secret.Prefix + SecretValues.Create(secret.Kind, secret.Length) : AutheliaDigest.Create("x");
            Assert.Null(SecretStrength.Weakness(secret, generated));
        }
        var shorter = new Dictionary<string, (int Length, string Value)>
        {
            ["Password"] = (32, SecretValues.Create("Password", 31)),
            ["OidcClientSecret"] = (32, SecretValues.Create("Password", 20)),
            ["HexKey"] = (32, SecretValues.Create("HexKey", 31)),
            ["Base64Key"] = (32, SecretValues.Create("Base64Key", 16)),
            ["RsaPrivateKey"] = (4096, SecretValues.Create("RsaPrivateKey", 2048)),
        };
        foreach (var (kind, (length, value)) in shorter)
        {
            Assert.NotNull(SecretStrength.Weakness(new SecretEntry("S", kind, length, false, Array.Empty<string>(), null, false), value));
        }
        Assert.NotNull(SecretStrength.Weakness(new SecretEntry("S", "RsaPrivateKey", 2048, false, Array.Empty<string>(), null, false), "not a key"));
        Assert.NotNull(SecretStrength.Weakness(new SecretEntry("S", "Password", 32, false, Array.Empty<string>(), null, false, "sk-"), "sk-" + new string('a', 40)));
    }

    [Fact]
    public void The_tool_warns_about_a_weak_kept_value_without_printing_it()
    {
        using var folder = new TempFolder();
        var assembly = Path.Combine(folder.Path, "Stack.dll");
        using (var stream = File.Create(assembly))
        {
            Assert.True(Sample.Value.Output.Emit(stream).Success);
        }
        var tool = typeof(ManifestReader).Assembly.Location;
        var output = Path.Combine(folder.Path, "artifacts");
        Assert.Equal(0, Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod" }).ExitCode);
        var env = Path.Combine(output, "prod", ".env");
        File.WriteAllText(env, Regex.Replace(File.ReadAllText(env), "^POSTGRES_PASSWORD=.*$", "POSTGRES_PASSWORD=hunter2", RegexOptions.Multiline));
        var result = Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod" });
        Assert.Equal(0, result.ExitCode);
        Assert.Matches("warning DMCE011: prod: the kept value of POSTGRES_PASSWORD is weaker", result.StandardOutput);
        Assert.DoesNotContain("hunter2", result.StandardOutput + result.StandardError);
    }

    [Fact]
    public async Task A_second_run_waits_for_the_first_and_then_keeps_its_values()
    {
        using var folder = new TempFolder();
        // Cheap secrets (no RSA key, no digest), so the timing shows the lock, not the machine's load.
        var secrets = new[] { new SecretEntry("A_PASSWORD", "Password", 32, true, Array.Empty<string>(), null, false), new SecretEntry("B_KEY", "HexKey", 32, false, Array.Empty<string>(), null, false) };
        SecretsResult Generate(string path) => SecretsCommand.Run(path, secrets, new HashSet<string>());
        Task<SecretsResult> second;
        using (SecretsLock.Acquire(folder.Path))
        {
            second = Task.Run(() => Generate(folder.Path));
            await Task.Delay(700);
            Assert.False(second.IsCompleted, "the second run must wait while the lock is held");
            Assert.False(File.Exists(Path.Combine(folder.Path, ".env")));
        }
        await second.WaitAsync(TimeSpan.FromMinutes(2));
        var before = EnvFile.Read(Path.Combine(folder.Path, ".env"));
        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Generate(folder.Path))));
        Assert.All(runs, r => Assert.Empty(r.Created));
        Assert.Equal(before, EnvFile.Read(Path.Combine(folder.Path, ".env")));
    }

    [Fact]
    public void A_run_that_cannot_get_the_lock_gives_up_with_a_clear_message()
    {
        using var folder = new TempFolder();
        var wait = SecretsLock.Wait;
        try
        {
            using (SecretsLock.Acquire(folder.Path))
            {
                SecretsLock.Wait = TimeSpan.FromMilliseconds(300);
                var error = Assert.Throws<SecretFileException>(() => Generate(folder.Path));
                Assert.Contains("Another secrets run holds", error.Message);
            }
        }
        finally
        {
            SecretsLock.Wait = wait;
        }
    }

    [Fact]
    public void An_unknown_rotation_name_that_looks_like_a_value_is_not_echoed()
    {
        using var folder = new TempFolder();
        var error = Assert.Throws<SecretFileException>(() => Generate(folder.Path, "sk-live-0123456789abcdef!"));
        Assert.DoesNotContain("sk-live", error.Message);
        var named = Assert.Throws<SecretFileException>(() => Generate(folder.Path, "NOT_A_SECRET"));
        Assert.Contains("NOT_A_SECRET", named.Message);
    }
}
