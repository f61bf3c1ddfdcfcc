using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Diagnostics;

/// <summary>
/// Rules that need every service, reported by the generator: each fires on the argument it names, with its
/// message; the generator never repeats what the analyzers report; any error-level rule blocks the artifacts.
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
            "Networks = Network.Backend", "Service 'authelia': host 'auth' is routed by the ingress but the service is not on the frontend network" },
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
        var reported = run.Result.Diagnostics.Where(d => d.Id == id).ToList();
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
        Assert.Empty(run.Result.Diagnostics);
        Assert.False(Blocked(run));
    }

    [Fact]
    public void Generator_leaves_rules_on_one_descriptor_to_the_analyzers()
    {
        var run = GeneratorHarness.Run(Minimal("\"traefik/whoami:v1.10.3\"", "\"traefik/whoami:latest\""));
        Assert.DoesNotContain(run.Result.Diagnostics, d => d.Id == DiagnosticIds.UnpinnedImage);
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
