using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>The artifacts of the sample and of the focused stacks, proven against the real tools and the official schemas.</summary>
public sealed class RealToolTests
{
    private const string CaddyInstall = "apt-get install -y caddy";

    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void Caddyfile_passes_caddy_adapt_validate_and_is_caddy_fmt_canonical(string stack)
    {
        var caddy = Tools.Require("caddy", CaddyInstall);
        var run = TestStacks.Run(stack);
        foreach (var environment in new[] { "dev", "prod", "local" })
        {
            using var folder = new TempFolder();
            var path = folder.Write("Caddyfile", run.Artifact(environment + "/Caddyfile"));
            var adapt = Tools.Run(caddy, new[] { "adapt", "--config", path, "--adapter", "caddyfile", "--validate" });
            Assert.True(adapt.ExitCode == 0, stack + "/" + environment + ": " + adapt.StandardError);
            Assert.DoesNotContain("not formatted", adapt.StandardError);
            var fmt = Tools.Run(caddy, new[] { "fmt", path });
            Assert.Equal(0, fmt.ExitCode);
            Assert.Equal(run.Artifact(environment + "/Caddyfile"), fmt.StandardOutput);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void Compose_is_valid_against_the_compose_spec_schema(string stack)
    {
        var schema = Tools.RequireOracle("compose-spec.json");
        var run = TestStacks.Run(stack);
        var errors = SchemaCheck.Errors(schema, YamlJson.ToJson(run.Artifact("prod/compose.yaml")));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void Authelia_configuration_is_valid_against_the_v4_39_schema(string stack)
    {
        var schema = Tools.RequireOracle("authelia-configuration.v4.39.schema.json");
        var run = TestStacks.Run(stack);
        if (!run.Artifacts.Any(a => a.Path == "prod/authelia/configuration.yml"))
        {
            return;
        }
        var errors = SchemaCheck.Errors(schema, YamlJson.ToJson(AutheliaTemplate.Evaluate(run.Artifact("prod/authelia/configuration.yml"))));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void Authelia_schema_check_rejects_a_broken_configuration()
    {
        var schema = Path.Combine(RepoPaths.Oracles, "authelia-configuration.v4.39.schema.json");
        Skip.IfNot(File.Exists(schema), "../shared/oracles is absent");
        var broken = TestStacks.Run("sample").Artifact("prod/authelia/configuration.yml").Replace("default_policy: \"deny\"", "default_policy: \"bypass\"");
        Assert.NotEmpty(SchemaCheck.Errors(schema, YamlJson.ToJson(AutheliaTemplate.Evaluate(broken))));
    }

    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void Compose_passes_docker_compose_config(string stack)
    {
        var dockerCompose = Tools.Require("docker-compose", "apt-get install -y docker-compose");
        var run = TestStacks.Run(stack);
        using var folder = new TempFolder();
        // docker-compose 1.29 predates the top-level 'name' of the Compose spec: it gets the project name from -p instead.
        var compose = Regex.Replace(run.Artifact("prod/compose.yaml"), "^name: .*\n", string.Empty, RegexOptions.Multiline);
        var file = folder.Write("compose.yaml", compose);
        StackFolder.CreateReferencedPaths(compose, folder.Path);
        var env = folder.Write(".env.test", EnvFiles.WithPlaceholderValues(run.Artifact("prod/.env.example")));
        var result = Tools.Run(dockerCompose, new[] { "-p", "test", "--env-file", env, "-f", file, "config", "-q" }, folder.Path);
        Assert.True(result.ExitCode == 0, result.StandardError);
    }
}
