using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The rules on one service's own keys (name, port, user, command, image, secrets' variables, environment,
/// volumes, healthcheck, resources, published ports, UI and API hosts): each refusal word for word, at its exact place.
/// </summary>
public sealed class ServiceRuleGuardTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend)]\n";

    private const string RoutedApp = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";

    private static GeneratorRun Run(string attributes) => HostileStack.RunWithOwnHealthcheck(attributes);

    public static TheoryData<string, string, string, int> Refusals() => new()
    {
        { "[Service(\"App_1\", \"example/app:1.2.3\", Networks = Network.Backend)]\n", "Service 'App_1': name 'App_1' is invalid: use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit", "\"App_1\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Port = 70000)]\n", "Service 'app': Port 70000 is invalid: ports are 1-65535", "Port = 70000", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, User = \"a b\")]\n", "Service 'app': User 'a b' is invalid: use 'name', 'uid' or 'uid:gid'", "User = \"a b\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Command = new[] { \"run\", \"a\\nb\" })]\n", "Service 'app': Command argument 1 is invalid: control, line-break and invisible characters are not allowed", "\"a\\nb\"", 1 },
        { "[Service(\"app\", \"Bad Image\", Networks = Network.Backend)]\n", "Service 'app': image 'Bad Image' is invalid: expected an OCI reference such as 'registry/name:1.2.3' or 'name@sha256:<digest>'", "\"Bad Image\"", 1 },
        { App + "[Secret(\"APP_KEY\", As = \"9KEY\")]", "Service 'app': variable name '9KEY' is invalid: use letters, digits and '_', not starting with a digit", "As = \"9KEY\"", 1 },
        { App + "[Env(\"9X\", \"1\")]", "Service 'app': environment name '9X' is invalid: use letters, digits and '_', not starting with a digit", "\"9X\"", 1 },
        { App + "[Env(\"MODE\", \"a\\nb\")]", "Service 'app': the value of 'MODE' is invalid: control, line-break and invisible characters are not allowed", "\"a\\nb\"", 1 },
        { App + "[Env(\"URL\", \"{stack.nope}\")]", "Service 'app': the value of 'URL' is invalid: '{stack.nope}' is not a stack token; use {stack.domain}, {stack.base_dn}, {stack.portal_url}, {stack.name}, {stack.frontend_subnet}, {stack.backend_subnet}, {stack.database_subnet}", "\"{stack.nope}\"", 1 },
        { App + "[Env(\"URL\", \"x${APP_TOKEN}\")]", "Service 'app': the value of 'URL' is invalid: '${APP_TOKEN}' is not a secret declared on this service; declare [Secret(\"APP_TOKEN\")] or write '$$' for a literal '$'", "\"x${APP_TOKEN}\"", 1 },
        { App + "[Volume(\"data\", \"data\", Backup = Backup.Never)]", "Service 'app': volume target 'data' is invalid: use an absolute container path without '..'", "\"data\"", 2 },
        { App + "[Healthcheck(\"curl\", \"-f\", Shell = true)]", "Service 'app': Healthcheck is invalid: with Shell = true give the whole check as one string for the container's shell", "Shell = true", 1 },
        { App + "[Healthcheck]", "Service 'app': Healthcheck is invalid: give the command to run, for example [Healthcheck(\"wget\", \"-qO-\", \"http://localhost:8080/health\")]", "Healthcheck", 1 },
        { App + "[Healthcheck(\"test\", \"a\\nb\")]", "Service 'app': Healthcheck argument 1 is invalid: control, line-break and invisible characters are not allowed", "\"a\\nb\"", 1 },
        { App + "[Healthcheck(\"true\", Interval = \"soon\")]", "Service 'app': Interval 'soon' is invalid: use a duration such as '30s', '1m30s' or '500ms'", "Interval = \"soon\"", 1 },
        { App + "[Healthcheck(\"true\", Timeout = \"soon\")]", "Service 'app': Timeout 'soon' is invalid: use a duration such as '30s', '1m30s' or '500ms'", "Timeout = \"soon\"", 1 },
        { App + "[Healthcheck(\"true\", StartPeriod = \"soon\")]", "Service 'app': StartPeriod 'soon' is invalid: use a duration such as '30s', '1m30s' or '500ms'", "StartPeriod = \"soon\"", 1 },
        { App + "[Healthcheck(\"true\", Retries = 0)]", "Service 'app': Retries 0 is invalid: use 1-100", "Retries = 0", 1 },
        { App + "[Healthcheck(\"true\", Retries = 101)]", "Service 'app': Retries 101 is invalid: use 1-100", "Retries = 101", 1 },
        { App + "[Resources(Memory = \"lots\")]", "Service 'app': Memory 'lots' is invalid: use a size such as '512m' or '2g'", "Memory = \"lots\"", 1 },
        { App + "[Resources(Cpus = \"-1\")]", "Service 'app': Cpus '-1' is invalid: use a positive number such as '0.5' or '2'", "Cpus = \"-1\"", 1 },
        { App + "[Resources(Pids = 1000001)]", "Service 'app': Pids 1000001 is invalid: use 1-1000000", "Pids = 1000001", 1 },
        { App + "[Resources(Pids = -1)]", "Service 'app': Pids -1 is invalid: use 1-1000000", "Pids = -1", 1 },
        { App + "[Publish(25, ContainerPort = 70000, Justification = \"The app needs this on the host.\")]", "Service 'app': published port 25:70000 is invalid: ports are 1-65535", "25", 1 },
        { App + "[Publish(70000, Justification = \"The app needs this on the host.\")]", "Service 'app': published port 70000:70000 is invalid: ports are 1-65535", "70000", 1 },
        { RoutedApp + "[UiHost(\"Bad_Sub\")]", "Service 'app': UI subdomain 'Bad_Sub' is invalid: use lower-case DNS labels (letters, digits, '-') separated by '.'", "\"Bad_Sub\"", 1 },
        { RoutedApp + "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"No local\\naccounts at all.\")]\n[Secret(\"APP_OIDC_SECRET\")]", "Service 'app': Justification is invalid: control, line-break and invisible characters are not allowed", "Justification = \"No local\\naccounts at all.\"", 1 },
        { RoutedApp + "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", OidcCallbackPath = \"cb\", Justification = \"The app has no local accounts: its only login is OIDC.\")]\n[Secret(\"APP_OIDC_SECRET\")]", "Service 'app': OidcCallbackPath 'cb' is invalid: use an absolute URL path such as '/login/generic_oauth'", "OidcCallbackPath = \"cb\"", 1 },
        { RoutedApp + "[UiHost(\"app\", Sso = SsoMode.Oidc, Justification = \"The app has no local accounts: its only login is OIDC.\")]", "Service 'app': OidcClientSecret is invalid: an OIDC client needs the name of its client secret, declared with [Secret] on the service", "Sso = SsoMode.Oidc", 1 },
        { RoutedApp + "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"The app has no local accounts: its only login is OIDC.\")]", "Service 'app': OidcClientSecret 'APP_OIDC_SECRET' is invalid: declare [Secret(\"APP_OIDC_SECRET\")] on the service so the app receives the plaintext", "OidcClientSecret = \"APP_OIDC_SECRET\"", 1 },
        { RoutedApp + "[ApiHost(Subdomain = \"Bad_Api\", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "Service 'app': API subdomain 'Bad_Api' is invalid: use lower-case DNS labels (letters, digits, '-') separated by '.'", "Subdomain = \"Bad_Api\"", 1 },
        { RoutedApp + "[ApiHost(AllowlistVariable = \"allow\", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "Service 'app': AllowlistVariable 'allow' is invalid: use upper-case letters, digits and '_'", "AllowlistVariable = \"allow\"", 1 },
        { RoutedApp + "[ApiHost(DefaultAllowlist = new string[0], ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "Service 'app': DefaultAllowlist is invalid: an empty default would admit nobody and hide the mistake; leave it unset for the private ranges", "DefaultAllowlist = new string[0]", 1 },
        { RoutedApp + "[ApiHost(ClientCredentials = true, ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "Service 'app': ClientCredentials with ApiKeySecret is invalid: both use the 'Authorization: Bearer' header and Authelia checks every bearer token on a client_credentials host; choose one", "ClientCredentials = true", 1 },
        { RoutedApp + "[ApiHost(ClientCaFile = \"../ca.pem\", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "Service 'app': ClientCaFile '../ca.pem' is invalid: use a relative file path of letters, digits, '.', '_', '-' and '/'", "ClientCaFile = \"../ca.pem\"", 1 },
        // Names that must name a secret, and what is shown of them: nothing.
        { App + "[Secret(\"app-key\")]", "Service 'app': Secret (value not shown) is invalid: name a secret: upper-case letters, digits and '_'", "\"app-key\"", 1 },
        { RoutedApp + "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"app-secret\", Justification = \"The app has no local accounts: its only login is OIDC.\")]", "Service 'app': OidcClientSecret (value not shown) is invalid: name a secret: upper-case letters, digits and '_'", "OidcClientSecret = \"app-secret\"", 1 },
        { App + "[Volume(\"Bad Name\", \"/data\", Backup = Backup.Never)]", "Service 'app': volume source 'Bad Name' is invalid: use a volume name, a bind path inside the stack folder starting with './', or (justified) an absolute host path without '..'", "\"Bad Name\"", 1 },
        { App + "[Volume(\"/srv/../etc\", \"/data\", ReadOnly = true, Justification = \"The app reads the host's service folder.\")]", "Service 'app': volume source '/srv/../etc' is invalid: use a volume name, a bind path inside the stack folder starting with './', or (justified) an absolute host path without '..'", "\"/srv/../etc\"", 1 },
        { App + "[Volume(\"/srv/a b\", \"/data\", ReadOnly = true, Justification = \"The app reads the host's service folder.\")]", "Service 'app': volume source '/srv/a b' is invalid: use a volume name, a bind path inside the stack folder starting with './', or (justified) an absolute host path without '..'", "\"/srv/a b\"", 1 },
        { App + "[Capabilities(\"host.shell.read\", Variable = \"caps\")]", "Service 'app': Variable 'caps' is invalid: use upper-case letters, digits and '_'", "Variable = \"caps\"", 1 },
        { App + "[Capabilities(\"Host.Shell\")]", "Service 'app': capability 'Host.Shell' is invalid: use a dotted lower-case name such as 'host.shell.read'", "\"Host.Shell\"", 1 },
    };

    [Theory]
    // A misspelt or lower-case secret name that looks like a credential is reported as one, without the value.
    [InlineData("[Secret(\"sk-live1234abcd\")]", "Secret holds what looks like a secret value instead of a secret name")]
    // Variable names are matched in any case: a lower-case password with a literal value is a secret literal.
    [InlineData("[Env(\"db_password\", \"hunter2hunter2\")]", "environment variable 'db_password' has a literal value")]
    public void A_secret_literal_is_reported_without_its_value(string attributes, string part)
    {
        var finding = Assert.Single(HostileStack.Run(App + attributes).WithId("DMC3001"));
        Assert.Contains(part, finding.Message(), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", finding.Message(), StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live", finding.Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_public_key_in_any_case_is_no_secret_literal() =>
        Assert.Empty(HostileStack.Run(App + "[Env(\"app_public_key\", \"ssh-ed25519 AAAA\")]").WithId("DMC3001"));

    [Fact]
    public void A_capability_allowlist_variable_in_any_case_is_reported() =>
        Assert.Single(HostileStack.Run(App + "[Env(\"tools_allowed_capabilities\", \"host.shell.read\")]").WithId("DMC3012"));

    [Fact]
    public void An_invalid_environment_name_is_reported_once_and_its_value_not_checked()
    {
        var run = HostileStack.Run(App + "[Env(\"9X\", \"a\\nb\")]");
        Assert.Single(run.WithId("DMC0001"), d => d.Message().Contains("'9X'", StringComparison.Ordinal));
        Assert.DoesNotContain(run.WithId("DMC0001"), d => d.Message().Contains("the value of", StringComparison.Ordinal));
    }

    [Fact]
    public void An_invalid_published_port_of_a_database_is_not_also_a_published_database() =>
        Assert.Empty(HostileStack.Run("[Service(\"app\", \"postgres:16.4\", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]\n"
            + "[Publish(70000, Justification = \"The app needs this on the host.\")]").WithId("DMC2001"));

    [Theory]
    // Only a writable named volume whose backup is undecided needs a decision: not a bind mount, not an invalid name.
    [InlineData("[Volume(\"./data\", \"/data\")]", 0)]
    [InlineData("[Volume(\"./data\", \"/data\", ReadOnly = true)]", 0)]
    [InlineData("[Volume(\"Bad Name\", \"/data\")]", 0)]
    [InlineData("[Volume(\"data\", \"/data\", ReadOnly = true)]", 0)]
    [InlineData("[Volume(\"data\", \"/data\")]", 1)]
    public void Only_a_writable_named_volume_without_a_backup_decision_is_reported(string volume, int findings) =>
        Assert.Equal(findings, HostileStack.Run(App + volume).WithId("DMC3008").Count());

    [Theory]
    [InlineData("[Healthcheck(\"true\", Retries = 1)]")]
    [InlineData("[Healthcheck(\"true\", Retries = 100)]")]
    [InlineData("[Resources(Pids = 1000000)]")]
    [InlineData("[Resources(Pids = 1)]")]
    public void The_bounds_themselves_are_accepted(string attributes) =>
        Assert.DoesNotContain(Run(App + attributes).WithId("DMC0001"), d => d.Message().StartsWith("Service 'app'", StringComparison.Ordinal));

    [Theory]
    [InlineData(60, false)]
    [InlineData(61, true)]
    public void A_value_is_shown_up_to_60_characters(int length, bool cut) =>
        Assert.Equal(new string('a', 60) + (cut ? "…" : ""), Generators.Validation.ServiceRules.Shown(new string('a', length)));

    [Fact]
    public void A_control_character_is_shown_as_its_escape() =>
        Assert.Equal("a\\u0009b\\u0000", Generators.Validation.ServiceRules.Shown("a\tb\0"));

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_is_worded_and_placed(string attributes, string message, string underlined, int occurrence) =>
        Run(attributes).AssertPlaced("DMC0001", message, underlined, attributes, occurrence);

    [Theory]
    [InlineData("abcdef123456", true)]
    [InlineData("abcdefghijk1", true)]
    [InlineData("abcdef12345", false)]
    [InlineData("abcdefghijkl", false)]
    [InlineData("123456789012", false)]
    [InlineData("abcdef 123456", false)]
    [InlineData("sk-a", true)]
    [InlineData("ghp_a", true)]
    [InlineData("xoxb-1", true)]
    [InlineData("AKIA", true)]
    [InlineData("ask-a", false)]
    public void A_credential_is_long_mixed_and_unspaced_or_has_a_known_token_prefix(string value, bool looksLikeOne) =>
        Assert.Equal(looksLikeOne, Generators.Validation.ServiceRules.LooksLikeCredential(value));
}
