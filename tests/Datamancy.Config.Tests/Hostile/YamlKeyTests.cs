using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Tests.Fuzzing;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Hostile;

/// <summary>
/// Issue #11.7: names that YAML 1.1 reads as booleans, nulls, numbers or timestamps (<c>no</c>, <c>null</c>, <c>ON</c>,
/// <c>0123</c>, <c>1e3</c>, <c>~</c>, <c>y</c>) as every kind of key the artifacts hold: compose services, depends_on,
/// volumes, environment, and Authelia OIDC authorization policies. Either the grammar refuses the name, or the key comes
/// back as exactly that string from YAML 1.1 and 1.2 parsers, and from docker-compose 1.29 where it is installed.
/// </summary>
public sealed class YamlKeyTests
{
    /// <summary>Service and volume names (lower case): booleans, null words, octal, hex, exponent, sexagesimal-free ints and a timestamp.</summary>
    private static readonly string[] ServiceNames = { "no", "null", "on", "off", "yes", "y", "n", "true", "0123", "1e3", "0x1f", "1_000", "2001-01-01", "0b101", "12" };

    /// <summary>Environment names (any case): two of them differ only by case and would collapse into one boolean key.</summary>
    private static readonly string[] EnvNames = { "no", "NO", "No", "null", "NULL", "Null", "ON", "on", "y", "Y", "n", "true", "TRUE", "off", "yes", "_" };

    private static string Stack()
    {
        var b = new System.Text.StringBuilder();
        b.Append("[UserGroups] public enum Team { Admins }\n");
        foreach (var name in ServiceNames)
        {
            var type = "S" + Regex.Replace(name, "[^a-z0-9]", "_");
            b.Append("[Service(\"").Append(name).Append("\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend | Network.Backend)]\n");
            b.Append("[Volume(\"").Append(name).Append("\", \"/data\", Backup = Backup.Daily)]\n");
            b.Append("[Healthcheck(\"true\")]\n");
            if (name == "yes")
            {
                // The OIDC client 'yes' with groups gets an authorization policy named 'yes'.
                b.Append("[UiHost(\"yes-ui\", Sso = SsoMode.Oidc, OidcClientSecret = \"YES_OIDC_SECRET\", Justification = \"The app allows only its OIDC login; local login is off.\")]\n");
                b.Append("[AllowedGroups(Team.Admins)]\n[Secret(\"YES_OIDC_SECRET\")]\n");
            }
            if (name == "0123")
            {
                b.Append("[DependsOn(typeof(Sno))]\n");
                foreach (var env in EnvNames)
                {
                    b.Append("[Env(\"").Append(env).Append("\", \"value of ").Append(env).Append("\")]\n");
                }
            }
            b.Append("public partial class ").Append(type).Append(";\n");
        }
        return "using Datamancy.Config;\nnamespace YamlKeys;\n[Stack(\"yaml-keys\", \"example.com\", AcmeEmail = \"ops@example.com\")]\npublic partial class YamlKeysStack;\n"
            + TestStacks.Ingress + "\n" + TestStacks.Sso + "\n" + b;
    }

    private static readonly Lazy<GeneratorRun> Run = new(() => GeneratorHarness.Run(Stack()));

    public static TheoryData<string> YamlArtifacts() => new("dev/compose.yaml", "prod/compose.yaml", "prod/authelia/configuration.yml");

    [Theory]
    [MemberData(nameof(YamlArtifacts))]
    public void Every_key_reads_back_as_a_string_under_yaml_1_1_and_1_2(string path)
    {
        var run = Run.Value;
        Assert.Empty(run.Errors);
        var yaml = path.Contains("authelia") ? AutheliaTemplate.Evaluate(run.Artifact(path)) : run.Artifact(path);
        Assert.Empty(YamlTypes.KeysThatAreNotStrings(yaml));
    }

    [Fact]
    public void Service_volume_dependency_and_environment_names_come_back_exactly_and_distinct()
    {
        var compose = YamlJson.Parse(Run.Value.Artifact("prod/compose.yaml"));
        var services = compose.At("services").Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Superset(ServiceNames.ToHashSet(StringComparer.Ordinal), services);
        Assert.Superset(ServiceNames.ToHashSet(StringComparer.Ordinal), compose.At("volumes").Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(new[] { "no" }, compose.At("services", "0123", "depends_on").Entries().Select(e => e.Key));
        var environment = compose.At("services", "0123", "environment").Entries().ToList();
        Assert.Equal(EnvNames.Order(StringComparer.Ordinal), environment.Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(environment, e => Assert.Equal("value of " + e.Key, e.Value.Text()));
    }

    [Fact]
    public void Oidc_policy_named_like_a_boolean_comes_back_as_the_client_id()
    {
        var authelia = YamlJson.Parse(AutheliaTemplate.Evaluate(Run.Value.Artifact("prod/authelia/configuration.yml")));
        var policies = authelia.At("identity_providers", "oidc", "authorization_policies").Entries().Select(e => e.Key);
        Assert.Equal(new[] { "yes" }, policies);
        var client = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("identity_providers", "oidc", "clients")).Children.Single(c => c.At("client_id").Text() == "yes");
        Assert.Equal("yes", client.At("authorization_policy").Text());
    }

    [SkippableFact]
    public void Docker_compose_1_29_reads_every_name_back()
    {
        var dockerCompose = Tools.Require("docker-compose", "apt-get install -y docker-compose");
        var run = Run.Value;
        using var folder = new TempFolder();
        var file = folder.Write("compose.yaml", Regex.Replace(run.Artifact("prod/compose.yaml"), "^name: .*\n", string.Empty, RegexOptions.Multiline));
        var env = folder.Write(".env.test", EnvFiles.WithPlaceholderValues(run.Artifact("prod/.env.example")));
        var result = Tools.Run(dockerCompose, new[] { "-p", "test", "--env-file", env, "-f", file, "config" }, folder.Path);
        Assert.True(result.ExitCode == 0, result.StandardError);
        // docker-compose re-serializes what it parsed (PyYAML, YAML 1.1): any collapsed or retyped key would show here.
        var parsed = YamlJson.Parse(result.StandardOutput);
        Assert.Superset(ServiceNames.ToHashSet(StringComparer.Ordinal), parsed.At("services").Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal));
        Assert.Equal(EnvNames.Order(StringComparer.Ordinal), parsed.At("services", "0123", "environment").Entries().Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.Superset(ServiceNames.ToHashSet(StringComparer.Ordinal), parsed.At("volumes").Entries().Select(e => e.Key).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The class: every string the fuzzer and this test know, as a key, is either quoted or a string in both YAML versions.</summary>
    [Fact]
    public void A_key_is_plain_only_when_both_yaml_versions_read_it_as_a_string()
    {
        var candidates = FuzzGen.HostileValues.Concat(ServiceNames).Concat(EnvNames)
            .Concat(new[] { "~", "Off", "oN", "NULL", ".inf", "-.inf", ".NaN", "0o17", "+1", "-1", "1.5", "1:20", "<<", "=", "2001-12-14t21:59:43.10-05:00", "Y", "N", "_a", "a-b", "services" })
            .Where(k => !k.Any(char.IsSurrogate)); // a lone surrogate is not text any grammar admits
        foreach (var key in candidates)
        {
            var node = Yaml.Key(key);
            if (node.Style == YamlDotNet.Core.ScalarStyle.Plain)
            {
                Assert.True(YamlTypes.NonStringType(key) is null, "'" + key + "' is emitted plain but reads as " + YamlTypes.NonStringType(key));
            }
            var yaml = Yaml.Serialize(Yaml.Map().With(key, Yaml.Str("v")), string.Empty);
            Assert.Empty(YamlTypes.KeysThatAreNotStrings(yaml));
            Assert.Equal(key, YamlJson.Parse(yaml).Entries().Single().Key);
        }
    }

    /// <summary>The check itself can fail: a plain boolean-like key is caught.</summary>
    [Theory]
    [InlineData("no: 1\n")]
    [InlineData("services:\n  ON: {}\n")]
    [InlineData("environment:\n  0123: x\n")]
    [InlineData("volumes:\n  1e3: {}\n")]
    [InlineData("~: x\n")]
    public void The_key_check_catches_a_plain_key_that_is_not_a_string(string yaml) =>
        Assert.NotEmpty(YamlTypes.KeysThatAreNotStrings(yaml));

    /// <summary>Names the grammar refuses outright instead of quoting (upper case and '~' are not service or volume names).</summary>
    [Theory]
    [InlineData("[Service(\"ON\", \"example/app:1.2.3\")]", "\"ON\"")]
    [InlineData("[Service(\"~\", \"example/app:1.2.3\")]", "\"~\"")]
    [InlineData("[Service(\"app\", \"example/app:1.2.3\")]\n[Volume(\"NO\", \"/data\", Backup = Backup.Daily)]", "\"NO\"")]
    [InlineData("[Service(\"app\", \"example/app:1.2.3\")]\n[Env(\"0123\", \"x\")]", "\"0123\"")]
    [InlineData("[Service(\"app\", \"example/app:1.2.3\")]\n[Env(\"1e3\", \"x\")]", "\"1e3\"")]
    [InlineData("[Service(\"app\", \"example/app:1.2.3\")]\n[Env(\"~\", \"x\")]", "\"~\"")]
    public void Names_outside_the_grammar_are_refused(string attributes, string argument)
    {
        var run = HostileStack.Run(attributes);
        HostileStack.AssertRejected(run, "DMC0001", argument);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("DMC", StringComparison.Ordinal));
    }
}
