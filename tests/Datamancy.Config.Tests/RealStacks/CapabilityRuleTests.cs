using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.RealStacks;

/// <summary>
/// Each real-stack capability's rules fire on a small stack that differs from a clean one by exactly the violation,
/// at the argument that is wrong, naming the service; the justified or well-formed form of the same line is clean.
/// </summary>
public sealed class CapabilityRuleTests
{
    private const string WhoAmI = "public partial class WhoAmI;";

    /// <summary>The minimal stack with attributes added to the whoami service and, optionally, more classes.</summary>
    private static GeneratorRun With(string attributes, string extra = "", string stackArguments = "") =>
        GeneratorHarness.Run(TestStacks.Minimal
            .Replace(WhoAmI, attributes + "\n" + WhoAmI + "\n" + extra)
            .Replace("AcmeEmail = \"ops@example.org\")", "AcmeEmail = \"ops@example.org\"" + stackArguments + ")"));

    /// <summary>The source text a diagnostic points at; generator diagnostics carry a file path rather than a tree.</summary>
    private static string Located(GeneratorRun run, Diagnostic d)
    {
        var path = d.Location.GetLineSpan().Path;
        var tree = d.Location.SourceTree ?? run.Input.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
        return tree is null ? string.Empty : tree.GetText().ToString(d.Location.SourceSpan);
    }

    private static readonly string Job = """
        [Service("init", "busybox:1.37.0", Networks = Network.Backend, Command = new[] { "true" })]
        [Job]
        public partial class Init;
        """;

    public static TheoryData<string, string, string, string, string> Violations() => new()
    {
        // attributes on whoami, extra classes, stack arguments, expected ID, text at the reported location
        { "[EnvFile(\"./app.env\")]", "", "", "DMC3011", "\"./app.env\"" },
        { "[EnvFile(\"/etc/app.env\", Justification = \"The app reads one env file.\")]", "", "", "DMC0001", "\"/etc/app.env\"" },
        { "[Volume(\"/etc/localtime\", \"/etc/localtime\", ReadOnly = true)]", "", "", "DMC3011", "\"/etc/localtime\"" },
        { "[Volume(\"/srv/data\", \"/data\", SourceVariable = \"DATA_DIR\")]", "", "", "DMC3011", "\"/srv/data\"" },
        { "[Volume(\"/var/run/docker.sock\", \"/var/run/docker.sock\", Justification = \"Needs the Docker API.\")]", "", "", "DMC0001", "\"/var/run/docker.sock\"" },
        { "[ExtraHost(\"host.docker.internal\", \"host-gateway\")]", "", "", "DMC3011", "\"host.docker.internal\"" },
        { "[ExtraHost(\"db.local\", \"not-an-ip\", Justification = \"Static name of the NAS.\")]", "", "", "DMC0001", "\"not-an-ip\"" },
        { "[Dns(\"9.9.9.9\")]", "", "", "DMC3011", "Dns(\"9.9.9.9\")" },
        { "[Resources(NoLimit = true)]", "", "", "DMC3011", "NoLimit = true" },
        { "[Resources(NoLimit = true, Memory = \"1g\", Justification = \"The model needs the host's memory.\")]", "", "", "DMC0001", "NoLimit = true" },
        { "[Build(\"./app\", BaseImage = \"python:latest\")]", "", "", "DMC3007", "BaseImage = \"python:latest\"" },
        { "[Build(\"./app\", Args = new[] { \"NPM_TOKEN=abc123\" })]", "", "", "DMC3001", "\"NPM_TOKEN=abc123\"" },
        { "[Build(\"../outside\")]", "", "", "DMC0001", "\"../outside\"" },
        { "[Setting(\"APP_SECRET\", \"changeme\")]", "", "", "DMC3001", "\"APP_SECRET\"" },
        { "[Setting(\"APP_HOSTS\", \"a}b\")]", "", "", "DMC0001", "\"a}b\"" },
        { "[Secret(\"APP_DB_PASSWORD\", As = \"DB_PASSWORD\")]\n[Env(\"X\", \"1\")]", "", "", "", "" },
        { "[Ulimit(\"nofile\", 70000, 65536)]", "", "", "DMC0001", "70000" },
        { "[Logging(\"json-file\", Options = new[] { \"max-size 10m\" })]", "", "", "DMC0001", "\"max-size 10m\"" },
        { "[Tmpfs(\"tmp\")]", "", "", "DMC0001", "\"tmp\"" },
        { "[Gpu(Count = 100)]", "", "", "DMC0001", "Count = 100" },
        { "[OidcOptions(TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretPost)]", "", "", "DMC0001", "OidcOptions(TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretPost)" },
        { "[NetworkAlias(\"authelia\")]", "", "", "DMC0001", "\"authelia\"" },
        { "[NetworkAlias(\"whoami.example.org\")]", "", ", Hairpin = true", "DMC0001", "\"whoami.example.org\"" },
        { "[DependsOn(typeof(Init))]", Job, "", "DMC0001", "typeof(Init)" },
        { "[DependsOn(typeof(Ldap), Condition = DependencyCondition.CompletedSuccessfully)]", "", "", "DMC0001", "Condition = DependencyCondition.CompletedSuccessfully" },
        { "[SessionStore]", "", "", "DMC0001", "SessionStore" },
        { "", "[Service(\"cache-a\", \"redis:7.4.1\", Port = 6379, Role = ServiceRole.Cache)]\n[Healthcheck(\"redis-cli\", \"ping\")]\npublic partial class CacheA;\n[Service(\"cache-b\", \"redis:7.4.1\", Port = 6379, Role = ServiceRole.Cache)]\n[Healthcheck(\"redis-cli\", \"ping\")]\npublic partial class CacheB;", "", "DMC0001", "Role = ServiceRole.Cache" },
        { "", "", ", FrontendSubnet = \"8.8.8.0/24\"", "DMC0001", "FrontendSubnet = \"8.8.8.0/24\"" },
        { "", "", ", FrontendSubnet = \"10.1.0.0/16\", BackendSubnet = \"10.1.2.0/24\"", "DMC0001", "Stack(\"minimal\"" },
        { "", "", ", DefaultMemory = \"lots\"", "DMC0001", "DefaultMemory = \"lots\"" },
        { "[Env(\"TRUSTED_PROXIES\", \"{stack.frontend_subnet}\")]", "", "", "DMC0001", "\"{stack.frontend_subnet}\"" },
        { "[Env(\"TRUSTED_PROXIES\", \"{stack.frontend_subnet}\")]", "", ", FrontendSubnet = \"10.9.0.0/24\"", "", "" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Violation_fires_at_its_argument(string attributes, string extra, string stackArguments, string id, string located)
    {
        var run = With(attributes, extra, stackArguments);
        if (id.Length == 0)
        {
            Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
            return;
        }
        var fired = run.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.True(fired.Count > 0, id + " did not fire; got: " + string.Join("\n", run.Diagnostics));
        Assert.Contains(fired, d => Located(run, d).Contains(located, StringComparison.Ordinal));
        Assert.Contains(fired, d => d.GetMessage().Contains('\'') && !d.GetMessage().Contains('\n'));
        if (fired.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            Assert.True(run.Manifest?.Blocked ?? true, "a stack with an error renders nothing");
        }
    }

    public static TheoryData<string, string> HealthcheckVariables() => new()
    {
        // A variable of the container in an argument list no shell runs would stay literal text.
        { "[Secret(\"APP_DB_PASSWORD\", As = \"DB_PASSWORD\")]\n[Healthcheck(\"pg_isready\", \"-p\", \"$DB_PASSWORD\")]", "\"$DB_PASSWORD\"" },
        // The env-file name of a secret is not a variable of the container.
        { "[Secret(\"APP_DB_PASSWORD\", As = \"DB_PASSWORD\")]\n[Healthcheck(\"ping -p $APP_DB_PASSWORD\", Shell = true)]", "\"ping -p $APP_DB_PASSWORD\"" },
        // A shell check is one string.
        { "[Healthcheck(\"curl\", \"-f\", Shell = true)]", "Shell = true" },
    };

    [Theory]
    [MemberData(nameof(HealthcheckVariables))]
    public void Secrets_in_healthchecks_are_read_at_run_time_or_reported(string attributes, string located)
    {
        var run = GeneratorHarness.Run(TestStacks.Minimal.Replace("[Healthcheck(\"/whoami\", \"--version\")]\n" + WhoAmI, attributes + "\n" + WhoAmI));
        var fired = run.WithId("DMC0001").ToList();
        Assert.Contains(fired, d => Located(run, d).Contains(located, StringComparison.Ordinal) && d.GetMessage().Contains("whoami"));
    }

    [Fact]
    public void A_shell_healthcheck_reads_the_secret_from_the_container_and_compose_never_interpolates_it()
    {
        var run = GeneratorHarness.Run(TestStacks.Minimal.Replace("[Healthcheck(\"/whoami\", \"--version\")]\n" + WhoAmI,
            "[Secret(\"APP_DB_PASSWORD\", As = \"DB_PASSWORD\")]\n[Healthcheck(\"ping -p \\\"$DB_PASSWORD\\\"\", Shell = true)]\n" + WhoAmI));
        Assert.Empty(run.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning));
        var test = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "whoami", "healthcheck", "test").Texts().ToList();
        Assert.Equal(new[] { "CMD-SHELL", "ping -p \"$$DB_PASSWORD\"" }, test);
    }

    public static TheoryData<string, string> OidcViolations() => new()
    {
        { "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", ClientSecret = \"PHONE_SECRET\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "ClientSecret = \"PHONE_SECRET\"" },
        { "[ExternalOidcClient(\"portal\", \"https://portal.other.example/cb\")]", "ExternalOidcClient(\"portal\", \"https://portal.other.example/cb\")" },
        { "[ExternalOidcClient(\"plain\", \"http://portal.other.example/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "\"http://portal.other.example/cb\"" },
        { "[ExternalOidcClient(\"app\", \"https://a.other.example/cb\", ClientSecret = \"APP_SECRET\", GrantTypes = new[] { \"authorization_code\", \"refresh_token\" })]", "GrantTypes = new[] { \"authorization_code\", \"refresh_token\" }" },
        { "[AutheliaSettings(SessionExpiration = \"forever\")]", "SessionExpiration = \"forever\"" },
        { "[AutheliaSettings(DefaultRedirection = \"https://x\")]", "DefaultRedirection = \"https://x\"" },
    };

    [Theory]
    [MemberData(nameof(OidcViolations))]
    public void Authelia_options_are_checked_at_their_argument(string attributes, string located)
    {
        var run = GeneratorHarness.Run(TestStacks.Minimal.Replace("[Healthcheck(\"/app/healthcheck.sh\")]", attributes + "\n[Healthcheck(\"/app/healthcheck.sh\")]"));
        var fired = run.WithId("DMC0001").ToList();
        Assert.Contains(fired, d => Located(run, d).Contains(located, StringComparison.Ordinal) && d.GetMessage().Contains("authelia"));
    }

    [Fact]
    public void Ldap_settings_are_checked_and_only_on_the_directory()
    {
        var run = GeneratorHarness.Run(TestStacks.Minimal.Replace("[Secret(\"LDAP_ADMIN_PASSWORD\")]", "[Ldap(Implementation = \"openldap\")]\n[Secret(\"LDAP_ADMIN_PASSWORD\")]"));
        Assert.Contains(run.WithId("DMC0001"), d => d.GetMessage().Contains("Implementation 'openldap'"));
        var misplaced = With("[Ldap(UsersDn = \"ou=people\")]");
        Assert.Contains(misplaced.WithId("DMC0001"), d => d.GetMessage().Contains("[Ldap]"));
    }

    [Fact]
    public void Named_profiles_keep_the_sso_core_in_every_profile()
    {
        var run = GeneratorHarness.Run(TestStacks.Minimal
            .Replace("Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)", "Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend)")
            .Replace("Port = 80, Networks = Network.Frontend)", "Port = 80, Networks = Network.Frontend, Profiles = new[] { \"apps\" })"));
        Assert.Contains(run.WithId("DMC0001"), d => d.GetMessage().Contains("Service 'authelia'") && d.GetMessage().Contains("every one of them"));
        var reserved = GeneratorHarness.Run(TestStacks.Minimal.Replace("Port = 80, Networks = Network.Frontend)", "Port = 80, Networks = Network.Frontend, Profiles = new[] { \"full\" })"));
        Assert.Contains(reserved.WithId("DMC0001"), d => d.GetMessage().Contains("profile 'full'"));
    }

    [Fact]
    public void Dependency_outside_the_services_named_profile_is_reported()
    {
        var result = GeneratorHarness.Run(TestStacks.Minimal
            .Replace("Port = 80, Networks = Network.Frontend)", "Port = 80, Networks = Network.Frontend, Profiles = new[] { \"apps\" })")
            .Replace(WhoAmI, "[DependsOn(typeof(Worker))]\n" + WhoAmI + "\n[Service(\"worker\", \"busybox:1.37.0\", Networks = Network.Backend, Profiles = new[] { \"batch\" })]\n[Healthcheck(\"true\")]\npublic partial class Worker;"));
        Assert.Contains(result.WithId("DMC0001"), d => d.GetMessage().Contains("starts in profile 'apps' but 'worker' does not"));
    }
}
