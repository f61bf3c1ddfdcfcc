using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// What the Caddyfile, the preflight and Authelia's configuration say beyond the guards of each route: the local
/// Caddyfile reads each upstream and the client CA folder from the environment (the deployed ones never do), the
/// preflight exists exactly where an allowlist is read at run time, Authelia reaches the directory on its declared
/// port (389 unless stated), keeps the declared session lifetimes, and each file names the stack it was built from.
/// </summary>
public sealed class IngressDocumentGuardTests
{
    private const string UiApp = "[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n[UiHost(\"app\")]";

    private const string CaApp = "[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n"
        + "[ApiHost(ClientCaFile = \"certs/clients-ca.pem\", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]";

    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    private static GeneratorRun Valid(GeneratorRun run)
    {
        Assert.Empty(run.Errors);
        return run;
    }

    private static YamlNode Authelia(GeneratorRun run) => YamlJson.Parse(run.Artifact("prod/authelia/configuration.yml"));

    private static string Dial(JsonObject adapted, string host) =>
        Assert.Single(CaddyJson.Hosts(adapted)[host].Where(s => s.IsUpstreamProxy).SelectMany(s => s.Dials));

    private static IEnumerable<string> TrustedClientCas(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "trusted_ca_certs" ? p.Value!.AsArray().Select(c => (string)c!) : TrustedClientCas(p.Value)),
        JsonArray a => a.SelectMany(TrustedClientCas),
        _ => Enumerable.Empty<string>(),
    };

    /// <summary>Writes a new self-signed CA to <c>certs/clients-ca.pem</c> under the folder; returns its DER in base64, as Caddy stores it.</summary>
    private static string WriteClientCa(TempFolder folder, string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        folder.Write("certs/clients-ca.pem", certificate.ExportCertificatePem() + "\n");
        return Convert.ToBase64String(certificate.RawData);
    }

    [SkippableFact]
    public void Only_the_local_caddyfile_takes_each_upstream_from_the_environment()
    {
        var run = Valid(HostileStack.Run(UiApp));
        var moved = new Dictionary<string, string?> { ["DATAMANCY_UPSTREAM_APP"] = "127.0.0.1:9001", ["DATAMANCY_UPSTREAM_AUTHELIA"] = "127.0.0.1:9002" };

        var local = CaddyJson.Adapt(run.Artifact("local/Caddyfile"), moved);
        Assert.Equal("127.0.0.1:9001", Dial(local, "app.example.com"));
        Assert.Equal("127.0.0.1:9002", Dial(local, "auth.example.com"));
        var unset = CaddyJson.Adapt(run.Artifact("local/Caddyfile"));
        Assert.Equal("app:80", Dial(unset, "app.example.com"));
        Assert.Equal("authelia:9091", Dial(unset, "auth.example.com"));
        foreach (var deployed in new[] { "dev", "prod" })
        {
            var adapted = CaddyJson.Adapt(run.Artifact(deployed + "/Caddyfile"), moved);
            Assert.Equal("app:80", Dial(adapted, "app.example.com"));
            Assert.Equal("authelia:9091", Dial(adapted, "auth.example.com"));
        }
    }

    [SkippableFact]
    public void The_client_ca_file_is_read_from_the_mounted_config_folder_and_locally_from_the_configured_one()
    {
        var run = Valid(HostileStack.Run(CaApp));
        using var configured = new TempFolder();
        using var workingDirectory = new TempFolder();
        var configuredCa = WriteClientCa(configured, "configured");
        var workingCa = WriteClientCa(workingDirectory, "working");
        var folder = new Dictionary<string, string?> { ["DATAMANCY_CADDY_CONFIG_DIR"] = configured.Path };

        var local = CaddyJson.Adapt(run.Artifact("local/Caddyfile"), folder, workingDirectory.Path);
        Assert.Equal(new[] { configuredCa }, TrustedClientCas(local).ToArray());
        var unset = CaddyJson.Adapt(run.Artifact("local/Caddyfile"), workingDirectory: workingDirectory.Path);
        Assert.Equal(new[] { workingCa }, TrustedClientCas(unset).ToArray());
        foreach (var deployed in new[] { "dev", "prod" })
        {
            // Outside the container /etc/caddy holds no CA: Caddy says which file it tried to open.
            var result = CaddyJson.TryAdapt(run.Artifact(deployed + "/Caddyfile"), folder, workingDirectory.Path);
            Assert.NotEqual(0, result.ExitCode);
            Assert.Contains("open /etc/caddy/certs/clients-ca.pem: no such file or directory", result.StandardError);
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void The_preflight_is_rendered_exactly_when_an_api_host_reads_its_allowlist_at_run_time(string stack)
    {
        var run = TestStacks.Run(stack);
        var readsAllowlist = run.Model().Services.Any(s => s.Api is not null);
        foreach (var environment in new[] { "dev", "prod" })
        {
            Assert.Equal(readsAllowlist, run.Artifacts.Any(a => a.Path == environment + "/caddy-preflight.sh"));
        }
    }

    [Fact]
    public void The_preflight_runs_the_given_command_and_without_one_starts_caddy_on_the_generated_caddyfile()
    {
        var run = Valid(HostileStack.Run(CaApp));
        using var folder = new TempFolder();
        var script = folder.Write("caddy-preflight.sh", run.Artifact("prod/caddy-preflight.sh"));
        var bin = Path.Combine(folder.Path, "bin");
        Assert.Equal(0, Tools.Run("chmod", new[] { "+x", folder.Write("bin/caddy", "#!/bin/sh\necho \"caddy $*\"\n") }).ExitCode);
        var path = new Dictionary<string, string?> { ["PATH"] = bin + ":/usr/bin:/bin", ["API_APP_ALLOWLIST"] = null };

        var bare = Tools.Run("/bin/sh", new[] { script }, folder.Path, path);
        Assert.Equal(0, bare.ExitCode);
        Assert.Equal("caddy run --config /etc/caddy/Caddyfile --adapter caddyfile\n", bare.StandardOutput);
        var given = Tools.Run("/bin/sh", new[] { script, "echo", "given" }, folder.Path, path);
        Assert.Equal("given\n", given.StandardOutput);
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_generated_file_names_the_stack_it_was_built_from(string stack)
    {
        var run = TestStacks.Run(stack);
        var name = "stack \"" + run.Model().Settings.Name + "\"";
        foreach (var artifact in run.Artifacts.Where(a => a.Path.EndsWith("/Caddyfile", StringComparison.Ordinal)
            || a.Path.EndsWith("/caddy-preflight.sh", StringComparison.Ordinal) || a.Path.EndsWith("/authelia/configuration.yml", StringComparison.Ordinal)))
        {
            var header = string.Concat(artifact.Content.Split('\n').TakeWhile(l => l.StartsWith('#')).Select(l => l + "\n"));
            Assert.Contains(name, header);
            Assert.Contains("Generated by Datamancy.Config", header);
        }
    }

    [Fact]
    public void The_authelia_header_says_where_its_secrets_come_from()
    {
        var header = Valid(HostileStack.Run(UiApp)).Artifact("prod/authelia/configuration.yml");
        Assert.Contains("# Secrets are read from the environment (AUTHELIA_* variables)", header);
    }

    [Fact]
    public void Authelia_reaches_the_directory_on_its_declared_port_and_389_when_none_is_declared()
    {
        var declared = Valid(GeneratorHarness.Run(HostileStack.With(UiApp).Replace("Port = 389, Role = ServiceRole.Directory", "Port = 1389, Role = ServiceRole.Directory")));
        Assert.Equal("ldap://ldap:1389", Authelia(declared).At("authentication_backend", "ldap", "address").Text());
        var undeclared = Valid(GeneratorHarness.Run(HostileStack.With(UiApp).Replace("Port = 389, Role = ServiceRole.Directory", "Role = ServiceRole.Directory")));
        Assert.Equal("ldap://ldap:389", Authelia(undeclared).At("authentication_backend", "ldap", "address").Text());
    }

    [Fact]
    public void The_declared_session_lifetimes_reach_authelia_and_none_is_invented()
    {
        var settings = "[AutheliaSettings(SessionExpiration = \"2h\", SessionInactivity = \"15m\", RememberMe = \"7d\")]\npublic partial class Authelia;";
        var declared = Valid(GeneratorHarness.Run(HostileStack.With(UiApp).Replace("public partial class Authelia;", settings)));
        var session = Authelia(declared).At("session");
        Assert.Equal("2h", session.At("expiration").Text());
        Assert.Equal("15m", session.At("inactivity").Text());
        Assert.Equal("7d", session.At("remember_me").Text());
        var plain = Authelia(Valid(HostileStack.Run(UiApp))).At("session");
        Assert.False(plain.Has("expiration") || plain.Has("inactivity") || plain.Has("remember_me"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_template_filter_is_on_when_any_client_secret_is_a_digest_even_beside_a_public_client(bool withConfidentialClient)
    {
        var phone = "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, RequirePkce = true)]\npublic partial class Authelia;";
        var app = withConfidentialClient
            ? "[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n"
              + "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcCallbackPath = \"/oauth2/callback\", OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"The app allows only its Authelia OIDC login.\")]\n[Secret(\"APP_OIDC_SECRET\")]"
            : UiApp;
        var run = Valid(GeneratorHarness.Run(HostileStack.With(app).Replace("public partial class Authelia;", phone)));
        var clients = (YamlSequenceNode)Authelia(run).At("identity_providers", "oidc", "clients");
        Assert.Equal(withConfidentialClient ? 2 : 1, clients.Children.Count);
        var environment = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "authelia", "environment");
        Assert.Equal(withConfidentialClient ? "template" : null, environment.Has("X_AUTHELIA_CONFIG_FILTERS") ? environment.At("X_AUTHELIA_CONFIG_FILTERS").Text() : null);
    }
}
