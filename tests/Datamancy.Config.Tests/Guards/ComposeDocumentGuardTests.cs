using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Xunit;
using YamlDotNet.RepresentationModel;
using M = Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// What compose.yaml says beyond each service's hardening: every secret is passed by reference (an unset required one
/// stops compose, an optional one is empty), the ingress reads the allowlists with their fail-closed defaults and runs
/// Caddy on the generated Caddyfile after the preflight, the roles' mounts are there, the shared networks are the
/// declared ones (only the database network internal), and the named volumes are every named mount once.
/// </summary>
public sealed class ComposeDocumentGuardTests
{
    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    private static Dictionary<string, string> Environment(YamlNode service) => service.Has("environment")
        ? ((YamlMappingNode)service.At("environment")).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!)
        : new Dictionary<string, string>();

    /// <summary>A list key of a service block; empty when the key is left out.</summary>
    private static List<string> Texts(YamlNode service, string key) => service.Has(key) ? service.At(key).Texts().ToList() : new List<string>();

    private static List<YamlNode> Mounts(YamlNode service) =>
        service.Has("volumes") ? ((YamlSequenceNode)service.At("volumes")).Children.ToList() : new List<YamlNode>();

    private static void AssertMount(YamlNode service, string source, string target, bool readOnly)
    {
        var mount = Assert.Single(Mounts(service), m => m.At("target").Text() == target);
        Assert.Equal(source, mount.At("source").Text());
        Assert.Equal(readOnly ? "true" : "false", mount.At("read_only").Text());
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_secret_is_passed_by_reference_and_the_ingress_reads_the_allowlists_failing_closed(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        foreach (var s in model.Services)
        {
            var service = compose.At("services", s.Name);
            var environment = Environment(service);
            Assert.False(service.Has("environment") && environment.Count == 0, s.Name + ": an empty environment is left out");
            foreach (var secret in DerivedSecrets.For(model, s))
            {
                var expected = secret.Optional ? "${" + secret.Name + ":-}" : "${" + secret.Name + ":?" + secret.Name + " is not set; see .env.example}";
                Assert.True(environment.TryGetValue(secret.Variable, out var value), s.Name + ": " + secret.Variable + " is passed");
                Assert.Equal(expected, value);
            }
            // Authelia expands {{ env "…" }} only with the template filter on, and the filter is on only where it is used.
            var filter = s.Role == M.ServiceRole.Sso && run.Artifact("prod/authelia/configuration.yml").Contains("{{ env \"", StringComparison.Ordinal);
            Assert.Equal(filter ? "template" : null, environment.GetValueOrDefault("X_AUTHELIA_CONFIG_FILTERS"));
            if (s.Role == M.ServiceRole.Ingress)
            {
                foreach (var api in model.Services.Select(x => x.Api).OfType<M.ApiHostModel>())
                {
                    // '-' and not ':-': set but empty stays empty, and the preflight refuses it.
                    Assert.Equal("${" + api.AllowlistVariable + "-" + string.Join(" ", api.DefaultAllowlist) + "}", environment[api.AllowlistVariable]);
                }
            }
        }
    }

    [Fact]
    public void An_optional_secret_an_env_value_refers_to_is_empty_while_unset_and_a_required_one_stops_compose()
    {
        var run = HostileStack.Run("""
            [Service("app", "example/app:1.2.3", Port = 8080, Networks = Network.Frontend)]
            [Secret("APP_TOKEN", Optional = true)]
            [Secret("APP_PASSWORD")]
            [Env("APP_URL", "https://user:${APP_TOKEN}@x.example.com/${APP_PASSWORD}")]
            """);
        var app = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "app");
        Assert.Equal("https://user:${APP_TOKEN:-}@x.example.com/${APP_PASSWORD:?APP_PASSWORD is not set; see .env.example}", Environment(app)["APP_URL"]);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_roles_mounts_are_there_and_the_ingress_runs_caddy_on_the_generated_caddyfile(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        foreach (var s in model.Services)
        {
            var service = compose.At("services", s.Name);
            if (s.Role == M.ServiceRole.Ingress)
            {
                AssertMount(service, "./Caddyfile", "/etc/caddy/Caddyfile", readOnly: true);
                AssertMount(service, s.Name + "-data", "/data", readOnly: false);
                if (service.Has("entrypoint") && s.Extras.Entrypoint.Count == 0 && s.Command.Count == 0)
                {
                    Assert.Equal(new[] { "/bin/sh", "/etc/caddy/preflight.sh" }, service.At("entrypoint").Texts());
                    Assert.Equal(new[] { "caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile" }, service.At("command").Texts());
                }
            }
            if (s.Role == M.ServiceRole.Sso)
            {
                AssertMount(service, "./authelia/configuration.yml", "/config/configuration.yml", readOnly: true);
                AssertMount(service, s.Name + "-data", "/var/lib/authelia", readOnly: false);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Env_files_hosts_resolvers_listening_ports_and_the_ingress_hairpin_are_the_declared_ones(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        var hairpin = new SortedSet<string>(StringComparer.Ordinal);
        if (model.Services.Any(s => s.Role == M.ServiceRole.Sso))
        {
            hairpin.Add(model.PortalFqdn());
        }
        foreach (var s in model.Services)
        {
            hairpin.UnionWith(new[] { s.Ui?.Subdomain, s.Api?.Subdomain }.OfType<string>().Select(model.Fqdn));
        }
        foreach (var s in model.Services)
        {
            var service = compose.At("services", s.Name);
            Assert.Equal(s.Extras.EnvFiles.Where(f => ValueRules.IsJustification(f.Justification)).Select(f => f.Path), Texts(service, "env_file"));
            Assert.Equal(s.Extras.ExtraHosts.Where(h => ValueRules.IsJustification(h.Justification)).Select(h => h.Host + ":" + h.Address), Texts(service, "extra_hosts"));
            Assert.Equal(s.Extras.Dns is { } dns && ValueRules.IsJustification(dns.Justification) ? dns.Servers.ToList() : new List<string>(), Texts(service, "dns"));
            var hostNetwork = s.Elevations.Any(e => e.Kind == M.Elevation.HostNetwork && ElevationRules.IsJustified(e));
            if (s.Role != M.ServiceRole.Ingress)
            {
                Assert.DoesNotContain("/etc/caddy/preflight.sh", Texts(service, "entrypoint"));
                if (s.Port != 0 && !hostNetwork)
                {
                    Assert.Contains(s.Port + "/tcp", Texts(service, "expose"));
                }
            }
            if (model.Settings.Layout == M.NetworkLayout.PerLink || hostNetwork)
            {
                continue;
            }
            // The shared layout: declared aliases, and the ingress's hairpin (every routed host) when the stack asks for it.
            var expected = s.Extras.Aliases.Concat(s.Role == M.ServiceRole.Ingress && model.Settings.More.Hairpin ? hairpin : Enumerable.Empty<string>()).ToList();
            var names = s.Networks.NetworkNames().ToList();
            if (expected.Count == 0)
            {
                Assert.Equal(names, service.At("networks").Texts());
                continue;
            }
            var networks = (YamlMappingNode)service.At("networks");
            Assert.Equal(names, networks.Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
            Assert.All(networks.Children.Values, network => Assert.Equal(expected, network.At("aliases").Texts()));
        }
        Assert.Contains(TestStacks.Names, n => TestStacks.Run(n).Model().Settings.More.Hairpin);
    }

    [Fact]
    public void Per_link_networks_are_a_list_unless_one_carries_aliases_and_the_portal_link_resolves_the_portal_host_to_the_ingress()
    {
        var run = TestStacks.Run("least-privilege");
        var model = run.Model();
        Assert.Equal(M.NetworkLayout.PerLink, model.Settings.Layout);
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        foreach (var s in model.Services)
        {
            var service = compose.At("services", s.Name);
            if (!service.Has("networks") || service.At("networks") is not YamlMappingNode networks)
            {
                continue;
            }
            Assert.Contains(networks.Children.Values, n => n.Has("aliases"));
            Assert.All(networks.Children.Values, n => Assert.True(((YamlMappingNode)n).Children.Count == 0 || n.Has("aliases")));
        }
        var ingress = model.Services.Single(s => s.Role == M.ServiceRole.Ingress).Name;
        var sso = model.Services.Single(s => s.Role == M.ServiceRole.Sso).Name;
        // The OIDC client `portal` calls the SSO portal's host: on its link with the ingress that host is the ingress.
        var link = compose.At("services", ingress, "networks", "link." + ingress + ".portal");
        Assert.Equal(new[] { model.PortalFqdn() }, link.At("aliases").Texts());
        Assert.IsType<YamlSequenceNode>(compose.At("services", sso, "networks"));
    }

    [Fact]
    public void The_ingress_runs_caddy_after_the_preflight_and_mounts_each_client_ca_read_only()
    {
        var run = HostileStack.Run("""
            [Service("app", "example/app:1.2.3", Port = 8080, Networks = Network.Frontend)]
            [ApiHost(ClientCaFile = "certs/clients-ca.pem")]
            """);
        HostileStack.AssertNoCrash(run);
        var caddy = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "caddy");
        Assert.Equal(new[] { "/bin/sh", "/etc/caddy/preflight.sh" }, caddy.At("entrypoint").Texts());
        Assert.Equal(new[] { "caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile" }, caddy.At("command").Texts());
        AssertMount(caddy, "./caddy-preflight.sh", "/etc/caddy/preflight.sh", readOnly: true);
        AssertMount(caddy, "./certs/clients-ca.pem", "/etc/caddy/certs/clients-ca.pem", readOnly: true);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_named_volumes_are_every_named_mount_once_in_ordinal_order_and_each_service_says_its_networks(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        var services = ((YamlMappingNode)compose.At("services")).Children.Values.ToList();
        var named = services.SelectMany(Mounts).Where(m => m.At("type").Text() == "volume").Select(m => m.At("source").Text())
            .Distinct().OrderBy(v => v, StringComparer.Ordinal).ToList();
        Assert.NotEmpty(named);
        Assert.Equal(named, ((YamlMappingNode)compose.At("volumes")).Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList());
        foreach (var service in services)
        {
            Assert.True(service.Has("networks") ^ service.Has("network_mode"), "each service joins networks or says it joins none");
        }
        Assert.StartsWith("# Generated by Datamancy.Config from the C# descriptors of stack \"" + model.Settings.Name + "\". Do not edit.\n"
            + "# Bootstrap: docker compose --env-file .env.bootstrap --profile bootstrap up -d\n"
            + "# Full:      docker compose --env-file .env --profile full up -d\n", run.Artifact("prod/compose.yaml"));
    }

    [Fact]
    public void The_shared_networks_carry_their_declared_subnets_and_only_the_database_network_is_internal()
    {
        var source = HostileStack.With("").Replace(HostileStack.StackLine,
            "[Stack(\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", FrontendSubnet = \"172.30.0.0/24\", BackendSubnet = \"172.30.1.0/24\", DatabaseSubnet = \"172.30.2.0/24\")]");
        var run = GeneratorHarness.Run(source);
        HostileStack.AssertNoCrash(run);
        var networks = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("networks");
        foreach (var (name, subnet, isInternal) in new[] { ("frontend", "172.30.0.0/24", false), ("backend", "172.30.1.0/24", false), ("database", "172.30.2.0/24", true) })
        {
            var network = networks.At(name);
            Assert.Equal("bridge", network.At("driver").Text());
            Assert.Equal(isInternal ? "true" : null, network.Has("internal") ? network.At("internal").Text() : null);
            Assert.Equal(subnet, Assert.Single(((YamlSequenceNode)network.At("ipam", "config")).Children).At("subnet").Text());
        }
        var plain = YamlJson.Parse(TestStacks.Run("minimal").Artifact("prod/compose.yaml")).At("networks");
        Assert.Equal(new[] { "frontend", "backend", "database" }, ((YamlMappingNode)plain).Children.Keys.Select(k => ((YamlScalarNode)k).Value!));
        Assert.Equal("true", plain.At("database", "internal").Text());
        Assert.False(plain.At("frontend").Has("internal") || plain.At("backend").Has("internal") || plain.At("database").Has("ipam"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Settings_capability_lists_commands_tmpfs_and_the_operations_mounts_are_passed_as_declared(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        foreach (var s in model.Services)
        {
            var service = compose.At("services", s.Name);
            var environment = Environment(service);
            foreach (var setting in s.Extras.Settings)
            {
                Assert.StartsWith("${" + setting.Name + ":-", environment[setting.Variable]);
            }
            if (s.Capabilities is { } caps)
            {
                Assert.Equal(string.Join(",", caps.Capabilities), environment[caps.Variable]);
            }
            foreach (var (key, value) in Datamancy.Config.Generators.Rendering.Operations.OperationsMounts.Environment(model, s))
            {
                Assert.Equal(value, environment[key]);
            }
            var targets = Mounts(service).Select(m => m.At("target").Text()).ToList();
            Assert.All(Datamancy.Config.Generators.Rendering.Operations.OperationsMounts.For(model, s), m => Assert.Contains(m.Target, targets));
            if (s.Role == M.ServiceRole.Ingress)
            {
                AssertMount(service, s.Name + "-config", "/config", readOnly: false);
            }
            Assert.Equal(s.Extras.Tmpfs.Select(t => t.Size is null ? t.Target : t.Target + ":size=" + t.Size), Texts(service, "tmpfs"));
            var command = Datamancy.Config.Generators.Rendering.Operations.OperationsMounts.Command(model, s);
            if (s.Role != M.ServiceRole.Ingress)
            {
                // No key without a declaration: an empty list would replace the image's own command or entrypoint.
                Assert.Equal(command.Count > 0, service.Has("command"));
                Assert.Equal(s.Extras.Entrypoint.Count > 0, service.Has("entrypoint"));
                if (s.Extras.Entrypoint.Count > 0)
                {
                    Assert.Equal(s.Extras.Entrypoint.Select(a => a.Replace("$", "$$")).ToArray(), service.At("entrypoint").Texts().ToArray());
                }
            }
        }
    }

    [Fact]
    public void The_ingress_runs_its_declared_entrypoint_and_command_after_the_preflight()
    {
        var source = HostileStack.With("[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]")
            .Replace("Role = ServiceRole.Ingress,", "Role = ServiceRole.Ingress, Entrypoint = new[] { \"/usr/bin/caddy\" }, Command = new[] { \"run\", \"--config\", \"/etc/caddy/Caddyfile\", \"--watch\" },", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.Errors);
        var caddy = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "caddy");
        Assert.Equal(new[] { "/bin/sh", "/etc/caddy/preflight.sh" }, caddy.At("entrypoint").Texts().ToArray());
        Assert.Equal(new[] { "/usr/bin/caddy", "run", "--config", "/etc/caddy/Caddyfile", "--watch" }, caddy.At("command").Texts().ToArray());
    }
}
