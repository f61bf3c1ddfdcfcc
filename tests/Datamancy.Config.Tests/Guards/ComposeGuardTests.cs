using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The compose guards by their effect: what Compose itself resolves a value to, which networks have no route
/// out, how the docker socket is mounted.
/// </summary>
public sealed class ComposeGuardTests
{
    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    [SkippableFact]
    public void Compose_reads_every_literal_dollar_literally_and_resolves_only_declared_secrets()
    {
        var dockerCompose = Tools.Require("docker-compose", "apt-get install -y docker-compose");
        var source = HostileStack.With(
                "[Service(\"app\", \"example/app:1.0.0\", Port = 8080, Networks = Network.Frontend, Command = new[] { \"echo\", \"$HOME\", \"${PATH}\", \"a$$b\" })]\n"
                + "[Env(\"PRICE\", \"5$ or $HOME or ${APP_TOKEN} or $$ or $\")]\n[Secret(\"APP_TOKEN\")]\n[UiHost(\"app\")]")
            .Replace("[Healthcheck(\"true\")]", "[Healthcheck(\"test\", \"-n\", \"$HOSTNAME\")]");
        var run = GeneratorHarness.Run(source);
        HostileStack.AssertNoCrash(run);
        using var folder = new TempFolder();
        var compose = Regex.Replace(run.Artifact("prod/compose.yaml"), "^name: .*\n", string.Empty, RegexOptions.Multiline);
        var file = folder.Write("compose.yaml", compose);
        var env = folder.Write(".env.test", EnvFiles.WithPlaceholderValues(run.Artifact("prod/.env.example")).Replace("APP_TOKEN=placeholder", "APP_TOKEN=t0ken") + "HOME=/from-the-env-file\n");
        var result = Tools.Run(dockerCompose, new[] { "-p", "test", "--env-file", env, "-f", file, "config" }, folder.Path,
            new Dictionary<string, string?> { ["HOME"] = "/from-the-host", ["PATH"] = Environment.GetEnvironmentVariable("PATH"), ["HOSTNAME"] = "host" });
        Assert.True(result.ExitCode == 0, result.StandardError);

        // `config` prints the resolved file with every literal '$' written back as '$$'.
        var app = YamlJson.Parse(result.StandardOutput).At("services", "app");
        static string Literal(string resolved) => resolved.Replace("$$", "$");
        Assert.Equal("5$ or $HOME or t0ken or $$ or $", Literal(app.At("environment", "PRICE").Text()));
        Assert.Equal(new[] { "echo", "$HOME", "${PATH}", "a$$b" }, app.At("command").Texts().Select(Literal));
        Assert.Equal(new[] { "test", "-n", "$HOSTNAME" }, app.At("healthcheck", "test").Texts().Skip(1).Select(Literal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Database_services_sit_only_on_internal_networks(string stack)
    {
        var run = TestStacks.Run(stack);
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        var databases = NetworkMap.Services(run.Artifact("prod/network-map.md")).Where(s => s.Value == "database").Select(s => s.Key).ToList();
        if (compose.Has("networks") && compose.At("networks").Has("database"))
        {
            Assert.Equal("true", compose.At("networks", "database", "internal").Text());
        }
        foreach (var database in databases)
        {
            Assert.All(NetworksOf(compose.At("services", database)), n => Assert.True(compose.At("networks", n).Has("internal") && compose.At("networks", n, "internal").Text() == "true",
                stack + ": database service " + database + " is on network " + n + ", which is not internal"));
            Assert.False(compose.At("services", database).Has("ports"), database);
        }
    }

    [Fact]
    public void The_sample_has_databases_and_each_is_kept_off_every_routed_network()
    {
        var run = TestStacks.Run("sample");
        var databases = NetworkMap.Services(run.Artifact("prod/network-map.md")).Where(s => s.Value == "database").Select(s => s.Key).ToList();
        Assert.NotEmpty(databases);
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        var ingressNetworks = NetworksOf(compose.At("services", "caddy")).ToHashSet();
        foreach (var database in databases)
        {
            Assert.DoesNotContain(NetworksOf(compose.At("services", database)), ingressNetworks.Contains);
        }
    }

    public static IEnumerable<string> NetworksOf(YamlDotNet.RepresentationModel.YamlNode service)
    {
        var networks = service.At("networks");
        return networks is YamlDotNet.RepresentationModel.YamlSequenceNode ? networks.Texts() : networks.Entries().Select(e => e.Key);
    }

    [Theory]
    [InlineData("sample")]
    [InlineData("exceptions")]
    public void The_docker_socket_is_mounted_read_only_and_the_audit_says_so(string stack)
    {
        var run = TestStacks.Run(stack);
        var services = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services");
        var mounting = new List<string>();
        foreach (var (name, service) in services.Entries())
        {
            if (!service.Has("volumes"))
            {
                continue;
            }
            foreach (var mount in ((YamlDotNet.RepresentationModel.YamlSequenceNode)service.At("volumes")).Children)
            {
                var source = mount is YamlDotNet.RepresentationModel.YamlScalarNode scalar ? scalar.Value!.Split(':')[0] : mount.At("source").Text();
                if (source.EndsWith("docker.sock", StringComparison.Ordinal))
                {
                    mounting.Add(name);
                    Assert.Equal("true", mount.At("read_only").Text());
                }
            }
        }
        Assert.NotEmpty(mounting);
        var audit = Audit.Section(run.Artifact("prod/SECURITY-AUDIT.md"), "socket");
        Assert.Equal("pass", audit.Status);
        foreach (var name in mounting)
        {
            Assert.Contains(audit.Bullets, b => b.StartsWith(name + ":", StringComparison.Ordinal) && b.Contains("read-only"));
        }
    }

    [Fact]
    public void A_writable_socket_is_refused_and_nothing_is_rendered()
    {
        var sources = GeneratorHarness.SampleSources().Select(s => s.Replace("[DockerSocket]", "[DockerSocket(ReadOnly = false)]")).ToArray();
        var run = GeneratorHarness.Run(sources);
        Assert.Contains(run.Errors, d => d.Id == "DMC3005");
        Assert.Empty(run.Artifacts);
    }
}
