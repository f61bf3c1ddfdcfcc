using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.RealStacks;

/// <summary>The large stacks written from upstream compose setups build clean, and each capability lands in the artifacts.</summary>
public sealed class RealStackTests
{
    public static readonly string[] Names = TestStacks.Names.Where(n => n.StartsWith("real-", StringComparison.Ordinal)).ToArray();

    public static TheoryData<string> Stacks() => new(Names);

    public static TheoryData<string, string> Documents()
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in Names)
        {
            data.Add(stack, "prod/SECURITY-AUDIT.md");
            data.Add(stack, "prod/network-map.md");
        }
        return data;
    }

    /// <summary>The audit and the network map, beside the artifacts <see cref="FocusedStackTests"/> snapshots.</summary>
    [Theory]
    [MemberData(nameof(Documents))]
    public void Audit_and_network_map_match_snapshot(string stack, string path) =>
        Snapshot.Verify(stack + "/" + path.Replace('/', '.'), TestStacks.Run(stack).Artifact(path));

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Stack_builds_without_errors_or_warnings(string stack)
    {
        var run = TestStacks.Run(stack);
        var reported = run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(reported.Count == 0, stack + ":\n" + string.Join("\n", reported));
        Assert.NotEmpty(run.Artifacts);
    }
}

/// <summary>What the real stacks prove about each capability, read back from the rendered artifacts.</summary>
public sealed class RealStackArtifactTests
{
    public static TheoryData<string> Stacks() => new(RealStackTests.Names);

    private static IEnumerable<KeyValuePair<string, YamlDotNet.RepresentationModel.YamlNode>> Services(string stack) =>
        YamlJson.Parse(TestStacks.Run(stack).Artifact("prod/compose.yaml")).At("services").Entries();

    private static string[] Profiles(YamlDotNet.RepresentationModel.YamlNode service) => service.At("profiles").Texts().ToArray();

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Bootstrap_is_in_full_and_every_named_profile_starts_the_sso_core_and_what_its_services_wait_for(string stack)
    {
        var services = Services(stack).ToDictionary(e => e.Key, e => e.Value);
        Assert.All(services, s => Assert.Contains("full", Profiles(s.Value)));
        var core = new[] { "caddy", "authelia", "redis" }.Concat(services.Keys.Where(n => n is "openldap" or "lldap")).ToList();
        Assert.Equal(4, core.Count);
        var named = services.Values.SelectMany(Profiles).Where(p => p is not ("bootstrap" or "full")).Distinct().ToList();
        Assert.True(named.Count > 0 || stack == "real-mail-social", "the stack has named profiles");
        foreach (var profile in named.Append("bootstrap").Append("full"))
        {
            var started = services.Where(s => Profiles(s.Value).Contains(profile)).Select(s => s.Key).ToHashSet();
            Assert.All(core, c => Assert.Contains(c, started));
            foreach (var name in started)
            {
                if (services[name].Has("depends_on"))
                {
                    Assert.All(services[name].At("depends_on").Entries(), d => Assert.True(started.Contains(d.Key), profile + ": " + name + " waits for " + d.Key));
                }
            }
        }
        // One SSO configuration serves every profile: there is exactly one Authelia file.
        Assert.Single(TestStacks.Run(stack).Artifacts, a => a.Path == "prod/authelia/configuration.yml");
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Jobs_run_once_and_their_dependents_wait_for_success(string stack)
    {
        var services = Services(stack).ToDictionary(e => e.Key, e => e.Value);
        var jobs = services.Where(s => s.Value.At("restart").Text() != "unless-stopped").Select(s => s.Key).ToHashSet();
        Assert.NotEmpty(jobs);
        Assert.All(jobs, j => Assert.Contains(services[j].At("restart").Text(), new[] { "no", "on-failure:5" }));
        Assert.All(jobs, j => Assert.False(services[j].Has("healthcheck")));
        foreach (var (name, service) in services.Where(s => s.Value.Has("depends_on")))
        {
            foreach (var (target, dependency) in service.At("depends_on").Entries())
            {
                var condition = dependency.At("condition").Text();
                Assert.True(jobs.Contains(target) == (condition == "service_completed_successfully"), name + " -> " + target + ": " + condition);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Settings_and_optional_secrets_are_listed_with_their_defaults_and_optional_secrets_are_never_generated(string stack)
    {
        var run = TestStacks.Run(stack);
        var env = run.Artifact("prod/.env.example");
        foreach (var (_, service) in Services(stack))
        {
            foreach (var (variable, value) in service.Has("environment") ? service.At("environment").Entries() : Enumerable.Empty<KeyValuePair<string, YamlDotNet.RepresentationModel.YamlNode>>())
            {
                var text = value.Text();
                var setting = System.Text.RegularExpressions.Regex.Match(text, @"^\$\{([A-Z0-9_]+):-(.*)\}$");
                if (!setting.Success)
                {
                    continue;
                }
                Assert.Contains("\n# " + setting.Groups[1].Value + "=\n", env);
                if (setting.Groups[2].Value.Length == 0)
                {
                    Assert.DoesNotContain(run.Manifest!.Secrets, s => s.Name == setting.Groups[1].Value);
                }
                else
                {
                    Assert.Contains("Unset or empty: '" + setting.Groups[2].Value.Replace("$$", "$") + "'", env);
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Audit_lists_every_exception_and_the_services_on_the_default_limits(string stack)
    {
        var run = TestStacks.Run(stack);
        var audit = run.Artifact("prod/SECURITY-AUDIT.md");
        Assert.Contains("| Explicit exceptions to the hardened default | pass |", audit);
        Assert.Contains("| Resource limits on every service | pass |", audit);
        foreach (var (name, service) in Services(stack))
        {
            foreach (var file in service.Has("env_file") ? service.At("env_file").Texts() : Array.Empty<string>())
            {
                Assert.Contains("- " + name + ": `env_file: " + file + "`, justified: ", audit);
            }
            Assert.Equal(service.Has("deploy") && service.At("deploy", "resources").Has("limits"), !audit.Contains("- " + name + ": no memory and CPU limit, justified"));
        }
        if (Services(stack).Any(s => s.Value.Has("env_file")))
        {
            Assert.Contains("Its contents are not checked", audit);
        }
    }

    [Fact]
    public void Hairpin_aliases_are_exactly_the_routed_hosts()
    {
        var run = TestStacks.Run("real-homelab");
        var caddy = Services("real-homelab").Single(s => s.Key == "caddy").Value;
        var routed = System.Text.RegularExpressions.Regex.Matches(run.Artifact("prod/network-map.md"), @"^\| ([a-z0-9.-]+\.home\.example\.net) \|", System.Text.RegularExpressions.RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(routed, caddy.At("networks", "frontend", "aliases").Texts());
        Assert.Equal(routed, caddy.At("networks", "backend", "aliases").Texts());
    }

    [Fact]
    public void The_session_store_is_the_declared_cache_not_the_alphabetically_first()
    {
        var authelia = YamlJson.Parse(TestStacks.Run("real-mail-social").Artifact("prod/authelia/configuration.yml"));
        Assert.Equal("redis", authelia.At("session", "redis", "host").Text());
        var clients = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("identity_providers", "oidc", "clients")).Children;
        Assert.Contains(clients, c => c.At("client_id").Text() == "nextcloud-legacy" && c.At("token_endpoint_auth_method").Text() == "client_secret_post");
    }
}
