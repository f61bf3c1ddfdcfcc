using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// A finding of the secret, elevation, network and exposure rules is only useful on the argument it is about and with
/// its whole message: each one here is asserted on the source text it underlines, and its message word for word.
/// </summary>
public sealed class FindingPlacementTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";

    private const string Groups = "namespace Hostile { [UserGroups] public enum Team { Admins } }";

    [Fact]
    public void A_secret_length_finding_sits_on_the_length()
    {
        var run = HostileStack.Run(App + "[Secret(\"APP_KEY\", Kind = SecretKind.Password, Length = 15)]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "secret 'APP_KEY'");
        Assert.Equal("Service 'app': Length 15 of secret 'APP_KEY' is invalid: passwords and client secrets are 16-256 characters", finding.Message());
        Assert.Equal("Length = 15", finding.Underlined());
    }

    [Fact]
    public void A_secret_prefix_finding_sits_on_the_prefix()
    {
        var run = HostileStack.Run(App + "[Secret(\"APP_KEY\", Prefix = \"s k\")]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "secret 'APP_KEY'");
        Assert.Equal("Service 'app': Prefix of secret 'APP_KEY' is invalid: use up to 16 letters, digits, '-' or '_', on a Password or OidcClientSecret", finding.Message());
        Assert.Equal("Prefix = \"s k\"", finding.Underlined());
    }

    [Fact]
    public void A_secret_declared_twice_differently_is_reported_on_the_second_name_naming_the_first()
    {
        var other = "[Service(\"other\", \"example/other:1.0.0\", Networks = Network.Backend)]\n[Secret(\"SHARED_KEY\", Kind = SecretKind.HexKey, Length = 32)]\n"
            + "[Healthcheck(\"true\")]\npublic partial class Other;\n";
        var run = HostileStack.Run(other + App + "[Secret(\"SHARED_KEY\", Length = 48)]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "secret 'SHARED_KEY'");
        Assert.Equal("Service 'app': secret 'SHARED_KEY' is invalid: it is declared as HexKey (length 32) by service 'other'; one secret has one kind and length", finding.Message());
        Assert.Equal("\"SHARED_KEY\"", finding.Underlined());
        Assert.Contains("Length = 48", finding.UnderlinedLine());
    }

    [Fact]
    public void Capabilities_on_a_privilege_that_takes_none_are_reported_on_the_first_capability()
    {
        var run = HostileStack.Run(App + "[Elevated(Elevation.Privileged, \"NET_ADMIN\", \"SYS_TIME\", Justification = \"Needed for the VPN tunnel device.\")]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "capabilities of Elevation.Privileged");
        Assert.Equal("Service 'app': capabilities of Elevation.Privileged is invalid: capabilities are only given with Elevation.CapAdd", finding.Message());
        Assert.Equal("\"NET_ADMIN\"", finding.Underlined());
    }

    [Fact]
    public void An_unsafe_justification_is_reported_on_the_justification()
    {
        var run = HostileStack.Run(App + "[Elevated(Elevation.Privileged, Justification = \"Needed for the\\nVPN tunnel device.\")]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "Justification");
        Assert.Equal("Service 'app': Justification is invalid: control, line-break and invisible characters are not allowed", finding.Message());
        Assert.Equal("Justification = \"Needed for the\\nVPN tunnel device.\"", finding.Underlined());
    }

    [Fact]
    public void An_undefined_privilege_is_one_finding_and_not_also_a_missing_justification()
    {
        var run = HostileStack.Run(App + "[Elevated((Elevation)99)]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "Elevation 99");
        Assert.Equal("Service 'app': Elevation 99 is invalid: use a member of the Elevation enum", finding.Message());
        Assert.Empty(run.WithId(DiagnosticIds.ElevationWithoutJustification));
        Assert.Equal("Elevation 99", ElevationRules.ComposeForm(new Generators.Model.ElevationModel((Generators.Model.Elevation)99, Generators.Model.EquatableArray<string>.Empty, null)));
    }

    [Fact]
    public void A_service_on_no_network_is_reported_on_its_networks()
    {
        var run = HostileStack.Run("[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.None)]\n");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "Networks");
        Assert.Equal("Service 'app': Networks is invalid: every service joins at least one network", finding.Message());
        Assert.Equal("Networks = Network.None", finding.Underlined());
    }

    [Fact]
    public void A_database_with_an_api_host_is_reported_on_the_api_host()
    {
        var run = HostileStack.Run("[Service(\"db\", \"postgres:16.4\", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]\n"
            + "[ApiHost(ApiKeySecret = \"DB_API_KEY\")]\n[Secret(\"DB_API_KEY\")]\n[Healthcheck(\"pg_isready\")]\npublic partial class Db;\n" + App, Groups);
        var finding = run.SingleFinding(DiagnosticIds.DatabaseHasHost, "'db'");
        Assert.StartsWith("ApiHost(", finding.Underlined(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_routed_service_without_a_port_names_and_underlines_the_host_it_routes()
    {
        const string NoPort = "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Frontend)]\n";
        var both = HostileStack.Run(NoPort + "[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]\n[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", Groups);
        var ui = Assert.Single(both.WithId(DiagnosticIds.RoutedServiceWithoutPort));
        Assert.Equal("Service 'app': host 'app' needs the service's Port to route to", ui.Message());
        Assert.StartsWith("UiHost(", ui.Underlined(), StringComparison.Ordinal);

        var api = HostileStack.Run(NoPort + "[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", Groups);
        var finding = Assert.Single(api.WithId(DiagnosticIds.RoutedServiceWithoutPort));
        Assert.Equal("Service 'app': host 'api.app' needs the service's Port to route to", finding.Message());
        Assert.StartsWith("ApiHost(", finding.Underlined(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sso = SsoMode.Public, Justification = \"Public status page without login by design.\"", "public")]
    [InlineData("Sso = SsoMode.Oidc, OidcCallbackPath = \"/oauth/callback\", OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"The app requires its OIDC login for every page.\"", "app-level OIDC")]
    public void A_bypass_on_a_host_without_forward_auth_is_one_finding_naming_the_mode(string sso, string mode)
    {
        // An invalid pattern too: the host never asks Authelia, so the pattern is not checked further.
        var run = HostileStack.Run(App + "[UiHost(\"app\", " + sso + ", Bypass = new[] { \"^/a/(\" })]\n[AllowedGroups(Team.Admins)]\n[Secret(\"APP_OIDC_SECRET\", Kind = SecretKind.OidcClientSecret)]", Groups);
        var finding = Assert.Single(run.WithId(DiagnosticIds.BypassIgnored));
        Assert.Equal("Service 'app': bypass resource '^/a/(' has no effect on UI host 'app' (" + mode + "): only forward_auth hosts ask Authelia; remove it", finding.Message());
        Assert.Equal("\"^/a/(\"", finding.Underlined());
        Assert.DoesNotContain(run.WithId(DiagnosticIds.InvalidValue), d => d.Message().Contains("bypass resource", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bypass_that_is_no_regular_expression_is_invalid_on_its_pattern()
    {
        var run = HostileStack.Run(App + "[UiHost(\"app\", Bypass = new[] { \"^/ok/\", \"^/a/(\" })]\n[AllowedGroups(Team.Admins)]", Groups);
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "bypass resource");
        Assert.StartsWith("Service 'app': bypass resource '^/a/(' is invalid: ", finding.Message(), StringComparison.Ordinal);
        Assert.Equal("\"^/a/(\"", finding.Underlined());
    }

    [Theory]
    [InlineData("^/(app)/", "")]
    [InlineData("/app/", "'")]
    [InlineData("/api/", "' and 1 more probed requests")]
    public void A_bypass_beyond_its_path_names_at_most_four_opened_requests(string pattern, string ending)
    {
        var run = HostileStack.Run(App + "[UiHost(\"app\", Bypass = new[] { \"" + pattern + "\" })]\n[AllowedGroups(Team.Admins)]", Groups);
        var message = Assert.Single(run.WithId(DiagnosticIds.BypassCoversHost)).Message();
        var opened = BypassRules.Check(pattern).Opened;
        Assert.Equal(ending.Length == 0, opened.Count == 0);
        if (opened.Count == 0)
        {
            Assert.DoesNotContain("switch SSO off", message, StringComparison.Ordinal);
            Assert.EndsWith(BypassRules.Check(pattern).Reason, message, StringComparison.Ordinal);
            return;
        }
        var named = "; it would switch SSO off for " + string.Join(", ", opened.Take(4).Select(p => "'" + p + "'"));
        Assert.EndsWith(named[..^1] + ending, message, StringComparison.Ordinal);
        Assert.Equal(Math.Min(opened.Count, 4), message.Split("', '").Length);
    }

    [Fact]
    public void A_variable_set_twice_is_invalid_on_the_second_setting()
    {
        var run = HostileStack.Run(App + "[Env(\"MODE\", \"a\")]\n[Env(\"MODE\", \"b\")]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "'MODE'");
        Assert.Equal("Service 'app': environment variable 'MODE' is invalid: it is set more than once (by [Env], [Secret], [Capabilities] or the stack itself)", finding.Message());
        Assert.Equal("\"MODE\"", finding.Underlined());
        Assert.Contains("\"b\"", finding.UnderlinedLine());
    }

    [Theory]
    [InlineData("[Secret(\"APP_MODE\", As = \"MODE\")]", "As = \"MODE\"", "APP_MODE")]
    [InlineData("[Secret(\"APP_TOKEN\")]\n[Secret(\"APP_MODE\", As = \"MODE\")]", "As = \"MODE\"", "APP_MODE")]
    [InlineData("[Setting(\"APP_MODE\", \"b\", As = \"MODE\")]", "As = \"MODE\"", "APP_MODE")]
    [InlineData("[Capabilities(\"host.docker.inspect\", Variable = \"MODE\")]", "Variable = \"MODE\"", "host.docker.inspect")]
    public void A_variable_set_again_by_a_secret_setting_or_capability_list_is_invalid_on_its_variable_argument(string again, string underlined, string line)
    {
        var run = HostileStack.Run(App + "[Env(\"MODE\", \"a\")]\n" + again);
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "'MODE'");
        Assert.Equal("Service 'app': environment variable 'MODE' is invalid: it is set more than once (by [Env], [Secret], [Capabilities] or the stack itself)", finding.Message());
        Assert.Equal(underlined, finding.Underlined());
        Assert.Contains(line, finding.UnderlinedLine());
    }

    [Fact]
    public void A_variable_the_library_passes_under_another_name_is_invalid_naming_the_secret_and_its_variable()
    {
        const string Variable = "AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD";
        var source = HostileStack.With(App).Replace("[Healthcheck(\"/app/healthcheck.sh\")]", "[Env(\"" + Variable + "\", \"plain\")]\n[Healthcheck(\"/app/healthcheck.sh\")]", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(source, "using Datamancy.Config;\n");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "'" + Variable + "'");
        Assert.Equal("Service 'authelia': environment variable '" + Variable + "' is invalid: the library already passes 'LDAP_AUTHELIA_PASSWORD' to Sso service 'authelia' as this variable "
            + "(Password); remove this declaration, or declare it identically ([Secret(\"LDAP_AUTHELIA_PASSWORD\", As = \"" + Variable + "\")] with that kind)", finding.Message());
        // The library's entry has no argument of its own: the finding sits on the service's [Service] attribute.
        Assert.StartsWith("Service(\"authelia\"", finding.Underlined());
    }
}
