using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Diagnostics;

/// <summary>
/// Rules that need every service, reported by the stack-wide analyzer at the end of the compilation: each fires on
/// the argument it names, with its message; the generator reports no rule itself; any error-level rule blocks the artifacts.
/// </summary>
public sealed class StackWideRuleTests
{
    private const string WhoAmI = """
        [Service("whoami", "traefik/whoami:v1.10.3", Port = 80, Networks = Network.Frontend)]
        [UiHost("whoami")]
        [Healthcheck("/whoami", "--version")]
        public partial class WhoAmI;
        """;

    private static string Minimal(string oldText, string newText)
    {
        Assert.Contains(oldText, TestStacks.Minimal);
        return TestStacks.Minimal.Replace(oldText, newText);
    }

    /// <summary>
    /// The run's diagnostics without the informational "every authenticated user" (DMC4005) on whoami, which the minimal
    /// stack declares without [AllowedGroups]; that rule is checked by its own tests (PolicyGapTests).
    /// </summary>
    private static IEnumerable<Diagnostic> Findings(GeneratorRun run) =>
        run.Diagnostics.Where(d => d.Id != DiagnosticIds.UiAdmitsEveryUser);

    private static string Added(string source) => TestStacks.Minimal + "\n" + source + "\n";

    public static TheoryData<string, string, string, string> Fires() => new()
    {
        { DiagnosticIds.StackMissingOrDuplicate, Minimal("[Stack(\"minimal\", \"example.org\", AcmeEmail = \"ops@example.org\")]\npublic partial class MinimalStack;", string.Empty),
            "Caddy", "Services are declared but no class is marked [Stack]; add one partial class with [Stack(name, domain)]" },
        { DiagnosticIds.StackMissingOrDuplicate, Added("[Stack(\"other\", \"example.net\", AcmeEmail = \"ops@example.net\")]\npublic partial class OtherStack;"),
            "OtherStack", "Only one [Stack] per compilation; 'MinimalStack' is already the stack" },
        { DiagnosticIds.DuplicateNameOrHost, Added(WhoAmI.Replace("class WhoAmI", "class WhoAmI2").Replace("[UiHost(\"whoami\")]", "[UiHost(\"who\")]")),
            "\"whoami\"", "Service 'whoami': service name 'whoami' is already used by service 'global::Minimal.WhoAmI'" },
        { DiagnosticIds.DuplicateNameOrHost, Added(WhoAmI.Replace("class WhoAmI", "class WhoAmI2").Replace("(\"whoami\", \"traefik", "(\"whoami2\", \"traefik")),
            "\"whoami\"", "Service 'whoami2': host 'whoami' is already used by service 'whoami'" },
        { DiagnosticIds.IngressMisconfigured, Added("[Service(\"caddy2\", \"caddy:2.11.2\", Role = ServiceRole.Ingress, Networks = Network.Frontend)]\n[Healthcheck(\"caddy\", \"version\")]\npublic partial class Caddy2;"),
            "Role = ServiceRole.Ingress", "Service 'caddy2': the stack already has the ingress 'caddy'; Caddy is the only ingress" },
        { DiagnosticIds.IngressMisconfigured, Minimal(TestStacks.Ingress, string.Empty),
            "Stack(\"minimal\", \"example.org\", AcmeEmail = \"ops@example.org\")", "The stack has no ingress; mark the Caddy service with Role = ServiceRole.Ingress" },
        { DiagnosticIds.SsoProviderMissing, Minimal(TestStacks.Sso, string.Empty),
            "Stack(\"minimal\", \"example.org\", AcmeEmail = \"ops@example.org\")", "Hosts use SSO but no service has Role = ServiceRole.Sso (Authelia)" },
        { DiagnosticIds.SsoProviderMissing, Minimal("Port = 389, Role = ServiceRole.Directory", "Port = 389, Role = ServiceRole.App"),
            "Role = ServiceRole.Sso", "Service 'authelia': Authelia needs exactly one LDAP directory (Role = ServiceRole.Directory), found 0" },
        { DiagnosticIds.UpstreamUnreachable, Minimal("Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend", "Role = ServiceRole.Sso, Networks = Network.Backend"),
            "Networks = Network.Backend", "Service 'authelia': host 'auth' is routed by the ingress 'caddy' but the service shares none of its networks (frontend); join one of them" },
        { DiagnosticIds.UpstreamUnreachable, Minimal("Port = 80, Networks = Network.Frontend", "Port = 80, Networks = Network.Backend"),
            "Networks = Network.Backend", "Service 'whoami': host 'whoami' is routed by the ingress 'caddy' but the service shares none of its networks (frontend); join one of them" },
        { DiagnosticIds.UpstreamUnreachable, Minimal("Role = ServiceRole.Ingress, Networks = Network.Frontend", "Role = ServiceRole.Ingress, Networks = Network.Frontend | Network.Backend")
                .Replace("Port = 80, Networks = Network.Frontend", "Port = 80, Networks = Network.Database"),
            "Networks = Network.Database", "Service 'whoami': host 'whoami' is routed by the ingress 'caddy' but the service shares none of its networks (frontend, backend); join one of them" },
        { DiagnosticIds.DatabaseOnSharedNetwork, Added("[Service(\"postgres\", \"postgres:16.4\", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database | Network.Backend)]\n[Volume(\"pg-data\", \"/var/lib/postgresql/data\", Backup = Backup.Daily)]\n[Healthcheck(\"pg_isready\")]\npublic partial class Postgres;"),
            "Networks = Network.Database | Network.Backend", "Service 'postgres': the database also joins the non-internal network 'backend', where services 'authelia', 'ldap' can reach it; keep it on the internal 'database' network and put its clients there" },
        { DiagnosticIds.DockerSocketBesideProxy, Added("[Service(\"socket-proxy\", \"tecnativa/docker-socket-proxy:0.3.0\", Port = 2375, Role = ServiceRole.SocketProxy)]\n[DockerSocket]\n[Healthcheck(\"wget\", \"-qO-\", \"http://127.0.0.1:2375/_ping\")]\npublic partial class SocketProxy;\n"
                + "[Service(\"dockge\", \"louislam/dockge:1.4.2\")]\n[DockerSocket]\n[Capabilities(\"host.docker.inspect\")]\n[Justify(\"DMC3006\", \"Covered by the stack-wide DMC3013 warning.\")]\n[Healthcheck(\"true\")]\npublic partial class Dockge;"),
            "DockerSocket", "Service 'dockge': the docker socket is mounted directly although the stack has the socket proxy 'socket-proxy'; remove [DockerSocket] and reach Docker through the proxy (DOCKER_HOST=tcp://socket-proxy:2375)" },
        { DiagnosticIds.InvalidValue, Minimal("[Secret(\"LDAP_ADMIN_PASSWORD\")]\n", "[Secret(\"LDAP_ADMIN_PASSWORD\")]\n").Replace("[Healthcheck(\"/app/healthcheck.sh\")]", "[Secret(\"AUTHELIA_SESSION_SECRET\", Length = 32)]\n[Healthcheck(\"/app/healthcheck.sh\")]"),
            "\"AUTHELIA_SESSION_SECRET\"", "Service 'authelia': environment variable 'AUTHELIA_SESSION_SECRET' is invalid: the library already passes 'AUTHELIA_SESSION_SECRET' to Sso service 'authelia' as this variable (Password, length 64); remove this declaration, or declare it identically ([Secret(\"AUTHELIA_SESSION_SECRET\")] with that kind)" },
        { DiagnosticIds.RoutedServiceWithoutPort, Minimal("\"authelia/authelia:4.39.13\", Port = 9091,", "\"authelia/authelia:4.39.13\","),
            "Service(\"authelia\", \"authelia/authelia:4.39.13\", Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)",
            "Service 'authelia': host 'auth' needs the service's Port to route to" },
        { DiagnosticIds.SharedVolume, Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Volume(\"ldap-data\", \"/data\", Backup = Backup.Daily)]"),
            "\"ldap-data\"", "Service 'whoami': named volume 'ldap-data' is also mounted by service 'ldap'" },
        { DiagnosticIds.WeakUiPolicy, Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\", Policy = AuthPolicy.OneFactor)]"),
            "Policy = AuthPolicy.OneFactor", "Service 'whoami': UI host 'whoami' is one_factor while the stack defaults to two_factor" },
    };

    [Theory]
    [MemberData(nameof(Fires))]
    public void Stack_wide_rule_fires_on_the_argument_with_its_message(string id, string source, string locatedText, string message)
    {
        var run = GeneratorHarness.Run(source);
        var reported = run.Diagnostics.Where(d => d.Id == id).ToList();
        var diagnostic = Assert.Single(reported);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(locatedText, TextAt(run, diagnostic));
        Assert.Equal(Descriptors.All.Single(d => d.Id == id).DefaultSeverity, diagnostic.Severity);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            Assert.True(Blocked(run), "an error-level stack rule must block the artifacts");
        }
    }

    [Fact]
    public void Clean_stack_reports_nothing_and_renders()
    {
        var run = GeneratorHarness.Run(TestStacks.Minimal);
        Assert.Empty(Findings(run));
        Assert.False(Blocked(run));
    }

    public static TheoryData<string> CleanForms() => new()
    {
        // A UI on 'backend', which the ingress also joins: reachable, though not on 'frontend'.
        Minimal("Role = ServiceRole.Ingress, Networks = Network.Frontend", "Role = ServiceRole.Ingress, Networks = Network.Frontend | Network.Backend")
            .Replace("Port = 80, Networks = Network.Frontend", "Port = 80, Networks = Network.Backend"),
        // A database on the internal network only, with its client there too.
        Added("[Service(\"postgres\", \"postgres:16.4\", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]\n[Volume(\"pg-data\", \"/var/lib/postgresql/data\", Backup = Backup.Daily)]\n[Healthcheck(\"pg_isready\")]\npublic partial class Postgres;"),
        // The socket proxy alone holds the socket; its consumer reaches Docker over the network.
        Added("[Service(\"socket-proxy\", \"tecnativa/docker-socket-proxy:0.3.0\", Port = 2375, Role = ServiceRole.SocketProxy)]\n[DockerSocket]\n[Healthcheck(\"wget\", \"-qO-\", \"http://127.0.0.1:2375/_ping\")]\npublic partial class SocketProxy;\n"
            + "[Service(\"dockge\", \"louislam/dockge:1.4.2\")]\n[Env(\"DOCKER_HOST\", \"tcp://socket-proxy:2375\")]\n[DependsOn(typeof(SocketProxy))]\n[Healthcheck(\"true\")]\npublic partial class Dockge;"),
        // A secret the library passes to Authelia anyway (Authelia binds as its own directory account), declared identically.
        Minimal("[Healthcheck(\"/app/healthcheck.sh\")]", "[Secret(\"AUTHELIA_SESSION_SECRET\", Length = 64)]\n[Secret(\"LDAP_AUTHELIA_PASSWORD\", As = \"AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD\")]\n[Healthcheck(\"/app/healthcheck.sh\")]"),
        // Shared volumes acknowledged with #pragma (a generator diagnostic could not be suppressed this way before).
        Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n#pragma warning disable DMC3010 // the web and worker processes share uploads\n[Volume(\"ldap-data\", \"/data\", Backup = Backup.Daily)]\n#pragma warning restore DMC3010"),
        // ... or with [Justify], which the audit lists.
        Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Justify(\"DMC3010\", \"Reads the directory's exported files.\")]\n[Volume(\"ldap-data\", \"/data\", Backup = Backup.Daily)]"),
    };

    [Theory]
    [MemberData(nameof(CleanForms))]
    public void Compliant_form_of_a_stack_wide_rule_is_clean_and_renders(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.Empty(Findings(run));
        Assert.False(Blocked(run));
    }

    [Fact]
    public void Identical_authelia_secret_is_passed_once()
    {
        var run = GeneratorHarness.Run(Minimal("[Healthcheck(\"/app/healthcheck.sh\")]", "[Secret(\"AUTHELIA_SESSION_SECRET\")]\n[Healthcheck(\"/app/healthcheck.sh\")]"));
        Assert.Empty(Findings(run));
        var compose = run.Artifact("prod/compose.yaml");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(compose, "\\n +AUTHELIA_SESSION_SECRET: "));
        Assert.Contains("AUTHELIA_SESSION_SECRET=", run.Artifact("prod/.env.example"));
        Assert.Equal(64, run.Manifest!.Secrets.Single(x => x.Name == "AUTHELIA_SESSION_SECRET").Length); // the library's length, not a default
    }

    [Fact]
    public void Acknowledgement_is_listed_in_the_audit()
    {
        var run = GeneratorHarness.Run(Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Justify(\"DMC3010\", \"Reads the directory's exported files.\")]\n[Volume(\"ldap-data\", \"/data\", Backup = Backup.Daily)]"));
        Assert.Contains("- **DMC3010** on `whoami`: Reads the directory's exported files.", run.Artifact("prod/SECURITY-AUDIT.md"));
    }

    [Fact]
    public void Generator_leaves_every_rule_to_the_analyzers()
    {
        var run = GeneratorHarness.Run(Minimal("\"traefik/whoami:v1.10.3\"", "\"traefik/whoami:latest\"").Replace("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Volume(\"ldap-data\", \"/data\", Backup = Backup.Daily)]"));
        Assert.Empty(run.Result.Diagnostics);
        Assert.Single(run.Diagnostics, d => d.Id == DiagnosticIds.SharedVolume);
        var reported = Assert.Single(run.Diagnostics, d => d.Id == DiagnosticIds.UnpinnedImage);
        Assert.Equal("\"traefik/whoami:latest\"", TextAt(run, reported));
        Assert.False(Blocked(run), "a warning does not block");
    }

    [Theory]
    [InlineData("[UiHost(\"whoami\")]", "[UiHost(\"whoami\", Sso = SsoMode.Public)]", DiagnosticIds.UiWithoutSso)]
    [InlineData("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Elevated(Elevation.Privileged)]", DiagnosticIds.ElevationWithoutJustification)]
    [InlineData("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Env(\"DB_PASSWORD\", \"hunter2\")]", DiagnosticIds.SecretLiteral)]
    [InlineData("AcmeEmail = \"ops@example.org\"", "AcmeEmail = \"ops@example\"", DiagnosticIds.InvalidValue)]
    [InlineData("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[AllowedGroups(\"admins\")]", DiagnosticIds.UnknownGroup)]
    public void Error_on_one_descriptor_blocks_every_artifact(string oldText, string newText, string id)
    {
        var run = GeneratorHarness.Run(Minimal(oldText, newText));
        Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id == id);
        Assert.True(Blocked(run));
        Assert.Empty(run.Artifacts);
    }

    [Fact]
    public void Staging_ca_is_a_warning_that_still_renders()
    {
        var run = GeneratorHarness.Run(Minimal("AcmeEmail = \"ops@example.org\"", "AcmeEmail = \"ops@example.org\", AcmeStaging = true"));
        var staging = Assert.Single(run.Diagnostics, d => d.Id == DiagnosticIds.AcmeStagingInProduction);
        Assert.Equal(DiagnosticSeverity.Warning, staging.Severity);
        Assert.Equal("AcmeStaging = true", TextAt(run, staging));
        Assert.Contains("acme_ca https://acme-staging-v02.api.letsencrypt.org/directory", run.Artifact("prod/Caddyfile"));
    }

    /// <summary>Blocked, whether or not the compile failed: the generated manifest says so either way.</summary>
    private static bool Blocked(GeneratorRun run) =>
        run.Manifest?.Blocked ?? run.Result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Datamancy.Stack.g.cs")).ToString().Contains("public const bool Blocked = true;");

    private static string TextAt(GeneratorRun run, Diagnostic diagnostic)
    {
        var path = diagnostic.Location.GetLineSpan().Path;
        var tree = run.Input.SyntaxTrees.Single(t => t.FilePath == path);
        return tree.GetText().ToString(diagnostic.Location.SourceSpan);
    }
}
