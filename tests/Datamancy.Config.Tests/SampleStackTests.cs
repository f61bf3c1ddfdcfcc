using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>The reference stack of the security guide: clean build, every artifact as a snapshot, structure parsed back.</summary>
public sealed class SampleStackTests
{
    private static readonly Lazy<GeneratorRun> Sample = new(() => GeneratorHarness.Run(GeneratorHarness.SampleSources()));

    private static readonly string[] Paths =
    {
        "dev/Caddyfile", "dev/compose.yaml", "dev/authelia/configuration.yml", "dev/.env.example", "dev/.env.bootstrap.example",
        "dev/network-map.md", "dev/SECURITY-AUDIT.md", "dev/exposure.json", "dev/caddy-preflight.sh",
        "dev/BACKUP.md", "dev/backup/backup.sh", "dev/backup/dump.sh", "dev/backup/clickhouse-backups.xml", "dev/directory/ldif/50-datamancy.ldif", "dev/renovate.json",
        "prod/Caddyfile", "prod/compose.yaml", "prod/authelia/configuration.yml", "prod/.env.example", "prod/.env.bootstrap.example",
        "prod/network-map.md", "prod/SECURITY-AUDIT.md", "prod/exposure.json", "prod/caddy-preflight.sh",
        "prod/BACKUP.md", "prod/backup/backup.sh", "prod/backup/dump.sh", "prod/backup/clickhouse-backups.xml", "prod/directory/ldif/50-datamancy.ldif", "prod/renovate.json",
        "local/Caddyfile", "local/caddy-preflight.sh",
        "dev/kubernetes/kustomization.yaml", "dev/kubernetes/namespace.yaml", "dev/kubernetes/configmaps.yaml", "dev/kubernetes/workloads.yaml",
        "dev/kubernetes/services.yaml", "dev/kubernetes/persistentvolumeclaims.yaml", "dev/kubernetes/networkpolicies.yaml",
        "prod/kubernetes/kustomization.yaml", "prod/kubernetes/namespace.yaml", "prod/kubernetes/configmaps.yaml", "prod/kubernetes/workloads.yaml",
        "prod/kubernetes/services.yaml", "prod/kubernetes/persistentvolumeclaims.yaml", "prod/kubernetes/networkpolicies.yaml",
    };

    public static TheoryData<string> ArtifactPaths() => new(Paths.Where(p => !p.Contains("/kubernetes/"))); // KubernetesOutputTests snapshots those

    [Fact]
    public void Sample_compiles_without_errors_or_warnings()
    {
        var reported = Sample.Value.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
        Assert.True(reported.Count == 0, string.Join("\n", reported));
        Assert.False(Sample.Value.Manifest!.Blocked);
        Assert.Equal(Paths.OrderBy(p => p), Sample.Value.Artifacts.Select(a => a.Path).OrderBy(p => p));
    }

    [Theory]
    [Trait("Category", "Snapshot")]
    [MemberData(nameof(ArtifactPaths))]
    public void Artifact_matches_snapshot(string path) =>
        Snapshot.Verify("Sample/" + path.Replace('/', '.').Replace("..", "."), Sample.Value.Artifact(path));

    [Fact]
    public void Only_the_ingress_publishes_ports_bound_to_the_host_ip_variable()
    {
        var services = YamlJson.Parse(Sample.Value.Artifact("prod/compose.yaml")).At("services");
        var publishing = services.Entries().Where(s => s.Value.Has("ports")).Select(s => s.Key).ToList();
        Assert.Equal(new[] { "caddy" }, publishing);
        Assert.All(services.At("caddy", "ports").Texts(), p => Assert.StartsWith("${INGRESS_BIND_IP:-0.0.0.0}:", p));
        Assert.Equal(new[] { "80:80/tcp", "443:443/tcp", "443:443/udp" }, services.At("caddy", "ports").Texts().Select(p => p.Split("}:")[1]));
    }

    [Fact]
    public void Every_service_is_hardened_by_default()
    {
        var services = YamlJson.Parse(Sample.Value.Artifact("prod/compose.yaml")).At("services");
        foreach (var (name, service) in services.Entries())
        {
            Assert.Equal(new[] { "no-new-privileges:true" }, service.At("security_opt").Texts());
            Assert.Equal(new[] { "ALL" }, service.At("cap_drop").Texts());
            // The backup service alone adds one capability, justified in the audit: reading every volume it saves.
            Assert.Equal(name == "backup" ? new[] { "DAC_READ_SEARCH" } : Array.Empty<string>(), service.Has("cap_add") ? service.At("cap_add").Texts() : Array.Empty<string>());
            Assert.False(service.Has("privileged"), name);
            // Least privilege: a service that uses nothing and that nothing uses joins no network at all.
            Assert.True(!service.Has("network_mode") || service.At("network_mode").Text() == "none", name);
            Assert.True(service.Has("healthcheck"), name);
            Assert.Equal("CMD", service.At("healthcheck", "test").Texts().First());
            Assert.True(int.Parse(service.At("pids_limit").Text()) > 0, name);
            Assert.NotEmpty(service.At("deploy", "resources", "limits", "memory").Text());
            Assert.NotEmpty(service.At("deploy", "resources", "limits", "cpus").Text());
            Assert.True(service.Has("networks") || service.Has("network_mode"), name);
            Assert.Equal("unless-stopped", service.At("restart").Text());
        }
    }

    [Fact]
    public void Networks_are_one_internal_network_per_link_and_databases_join_only_their_users()
    {
        var compose = YamlJson.Parse(Sample.Value.Artifact("prod/compose.yaml"));
        foreach (var (name, network) in compose.At("networks").Entries())
        {
            Assert.Equal(name.StartsWith("link.", StringComparison.Ordinal), network.Has("internal") && network.At("internal").Text() == "true");
        }
        Assert.Equal(new[] { "egress.caddy", "egress.litellm", "egress.localai" }, compose.At("networks").Entries().Select(e => e.Key).Where(k => k.StartsWith("egress.", StringComparison.Ordinal)));
        // Grafana uses postgres; the backup plan's dump service is the only other service that reaches it.
        Assert.Equal(new[] { "link.grafana.postgres", "link.postgres.postgres-dump" }, compose.At("services", "postgres", "networks").Texts());
        Assert.Equal(new[] { "link.open-webui.qdrant", "link.qdrant.qdrant-dump" }, compose.At("services", "qdrant", "networks").Texts());
        // Nobody uses clickhouse: its only network is the one its backup dump shares with it.
        Assert.Equal(new[] { "link.clickhouse.clickhouse-dump" }, compose.At("services", "clickhouse", "networks").Texts());
        foreach (var database in new[] { "qdrant", "clickhouse", "postgres" })
        {
            Assert.False(compose.At("services", database).Has("ports"));
        }
        Assert.False(compose.Has("version"));
    }

    [Fact]
    public void Bootstrap_is_a_subset_of_full_in_one_file()
    {
        var services = YamlJson.Parse(Sample.Value.Artifact("prod/compose.yaml")).At("services");
        var bootstrap = services.Entries().Where(s => s.Value.At("profiles").Texts().Contains("bootstrap")).Select(s => s.Key).OrderBy(n => n).ToList();
        Assert.Equal(new[] { "authelia", "caddy", "kfuncdb", "litellm", "localai", "open-webui", "openldap", "redis" }, bootstrap);
        Assert.All(services.Entries(), s => Assert.Contains("full", s.Value.At("profiles").Texts()));
    }

    [Fact]
    public void Docker_socket_is_read_only_and_capabilities_are_an_explicit_list()
    {
        var kfuncdb = YamlJson.Parse(Sample.Value.Artifact("prod/compose.yaml")).At("services", "kfuncdb");
        var socket = ((YamlDotNet.RepresentationModel.YamlSequenceNode)kfuncdb.At("volumes")).Children.Single(v => v.At("source").Text() == "/var/run/docker.sock");
        Assert.Equal("true", socket.At("read_only").Text());
        Assert.Equal("host.shell.read,host.docker.inspect", kfuncdb.At("environment", "KFUNCDB_ALLOW_CAPS").Text());
        var mounting = YamlJson.Parse(Sample.Value.Artifact("prod/compose.yaml")).At("services").Entries()
            .Where(s => s.Value.Has("volumes") && ((YamlDotNet.RepresentationModel.YamlSequenceNode)s.Value.At("volumes")).Children.Any(v => v.At("source").Text().Contains("docker.sock")))
            .Select(s => s.Key);
        Assert.Equal(new[] { "kfuncdb" }, mounting);
    }

    [Fact]
    public void Secrets_are_references_and_every_reference_is_in_the_env_template()
    {
        var compose = Sample.Value.Artifact("prod/compose.yaml");
        var envNames = Sample.Value.Artifact("prod/.env.example").Split('\n')
            .Where(l => l.EndsWith('=')).Select(l => l.TrimStart('#', ' ').TrimEnd('=')).ToHashSet();
        var referenced = System.Text.RegularExpressions.Regex.Matches(compose, @"\$\{([A-Z_][A-Z0-9_]*)[:?\-}]").Select(m => m.Groups[1].Value).ToHashSet();
        Assert.Equal(envNames.OrderBy(n => n), referenced.OrderBy(n => n));
        Assert.Contains("LITELLM_MASTER_KEY", envNames);
        Assert.Contains("API_LITELLM_ALLOWLIST", envNames);
        Assert.DoesNotContain(Sample.Value.Artifact("prod/.env.example").Split('\n'), l => !l.StartsWith('#') && l.Contains('=') && !l.EndsWith('='));
    }

    [Fact]
    public void Allowlist_default_applies_only_while_unset()
    {
        var caddy = YamlJson.Parse(Sample.Value.Artifact("prod/compose.yaml")).At("services", "caddy");
        Assert.Equal("${API_LITELLM_ALLOWLIST-10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 127.0.0.0/8 ::1/128 fc00::/7}", caddy.At("environment", "API_LITELLM_ALLOWLIST").Text());
        Assert.Contains("@outside_allowlist not remote_ip {$API_LITELLM_ALLOWLIST:10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 127.0.0.0/8 ::1/128 fc00::/7}", Sample.Value.Artifact("prod/Caddyfile"));
    }

    [Fact]
    public void Authelia_rules_derive_from_the_one_domain()
    {
        var authelia = YamlJson.Parse(Sample.Value.Artifact("prod/authelia/configuration.yml"));
        Assert.Equal("deny", authelia.At("access_control", "default_policy").Text());
        var cookie = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("session", "cookies")).Children.Single();
        Assert.Equal("project-saturn.com", cookie.At("domain").Text());
        Assert.Equal("https://auth.project-saturn.com", cookie.At("authelia_url").Text());
        var rules = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("access_control", "rules")).Children;
        Assert.All(rules, r => Assert.EndsWith(".project-saturn.com", r.At("domain").Text()));
        Assert.All(rules.Where(r => r.At("policy").Text() == "bypass"), r => Assert.False(r.Has("subject")));
        Assert.Equal(new[] { "lam", "litellm", "localai", "chat" }, rules.Select(r => r.At("domain").Text().Split('.')[0]));
        var client = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("identity_providers", "oidc", "clients")).Children.Single();
        Assert.Equal(new[] { "https://grafana.project-saturn.com/login/generic_oauth" }, client.At("redirect_uris").Texts());
        Assert.Equal("{{ env \"GRAFANA_OIDC_CLIENT_SECRET_DIGEST\" }}", client.At("client_secret").Text());
        Assert.StartsWith("# yaml-language-server: $schema=https://www.authelia.com/schemas/v4.39/json-schema/configuration.json\n", Sample.Value.Artifact("prod/authelia/configuration.yml"));
    }

    [Fact]
    public void Caddyfile_protects_every_ui_and_guards_the_api_host()
    {
        var caddyfile = Sample.Value.Artifact("prod/Caddyfile");
        var sites = CaddyfileSites.Parse(caddyfile);
        Assert.Equal("reverse_proxy authelia:9091", sites["auth.project-saturn.com"].Single());
        foreach (var host in new[] { "lam", "litellm", "localai", "chat" })
        {
            Assert.Equal("import authelia", sites[host + ".project-saturn.com"][0]);
        }
        Assert.DoesNotContain(sites["api.litellm.project-saturn.com"], l => l.Contains("authelia"));
        Assert.Contains(sites["api.litellm.project-saturn.com"], l => l.StartsWith("@outside_allowlist not remote_ip {$API_LITELLM_ALLOWLIST:"));
        Assert.DoesNotContain(sites.Keys, k => k.StartsWith("qdrant") || k.StartsWith("clickhouse") || k.StartsWith("postgres"));
        Assert.Contains("\temail admin@project-saturn.com\n", caddyfile);
        Assert.Contains("\tlocal_certs\n", Sample.Value.Artifact("dev/Caddyfile"));
        Assert.DoesNotContain("log_credentials", caddyfile);
    }

    [Fact]
    public void Typed_view_exposes_urls_and_secret_names()
    {
        var generated = string.Join("\n", Sample.Value.Result.GeneratedTrees.Select(t => t.ToString()));
        Assert.Contains("public const string PublicUrl = \"https://litellm.project-saturn.com\";", generated);
        Assert.Contains("public const string ApiUrl = \"https://api.litellm.project-saturn.com\";", generated);
        Assert.Contains("public const string InternalUrl = \"http://litellm:4000\";", generated);
        Assert.Contains("public const string LITELLM_MASTER_KEY = \"LITELLM_MASTER_KEY\";", generated);
    }
}
