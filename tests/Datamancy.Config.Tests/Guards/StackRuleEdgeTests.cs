using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The stack-wide rules at their edges, as the mutation run found them untested: every public suffix the domain rule
/// knows, the Caddy releases with the header-forgery advisory, group names, free-text justifications, the roles a stack
/// needs once, the hosts and variable names two services cannot share, and where each finding is underlined.
/// </summary>
public sealed class StackRuleEdgeTests
{
    private const string StackLine = HostileStack.StackLine;
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";
    private const string Groups = "namespace Hostile { [UserGroups] public enum Team { Admins } }";

    private static string Service(string name, string attributes = "", string networks = "Network.Frontend") =>
        "[Service(\"" + name + "\", \"example/" + name + ":1.2.3\", Port = 8080, Networks = " + networks + ")]\n" + attributes
        + "[Healthcheck(\"true\")]\npublic partial class " + char.ToUpperInvariant(name[0]) + name[1..].Replace("-", "Dash", StringComparison.Ordinal).Replace("_", "Under", StringComparison.Ordinal) + "X;\n";

    // The spec, written out: each entry must stay refused even if the rule's own list is edited.
    public static TheoryData<string> SharedSuffixes => new()
    {
        "github.io", "gitlab.io", "pages.dev", "workers.dev", "netlify.app", "vercel.app", "herokuapp.com",
        "onrender.com", "fly.dev", "appspot.com", "web.app", "firebaseapp.com", "azurewebsites.net", "cloudapp.net",
        "cloudfront.net", "amazonaws.com", "blogspot.com", "duckdns.org", "dyndns.org", "ddns.net", "no-ip.org",
        "no-ip.com", "freedns.org", "afraid.org", "eu.org", "nip.io", "sslip.io", "ts.net", "ngrok.io",
        "ngrok-free.app", "trycloudflare.com", "synology.me", "myqnapcloud.com", "tailscale.net", "localhost.run"
    };

    [Theory]
    [MemberData(nameof(SharedSuffixes))]
    public void A_shared_hosting_or_dynamic_dns_suffix_is_no_stack_domain_but_a_name_under_it_is(string suffix)
    {
        Assert.Equal("'" + suffix + "' is a shared hosting or dynamic-DNS suffix (a public suffix): the session cookie would be offered to every tenant or refused; "
            + "use your own name under it, such as 'me." + suffix + "'", PublicSuffixes.Problem(suffix));
        Assert.Null(PublicSuffixes.Problem("me." + suffix));
    }

    public static TheoryData<string> SecondLevels => new()
    {
        "ac", "co", "com", "edu", "gen", "go", "gob", "gouv", "gov", "govt", "gv", "ltd", "me", "mil", "ne", "net",
        "nhs", "nic", "nom", "or", "org", "plc", "sch", "ind", "info", "biz", "firm", "web"
    };

    [Theory]
    [MemberData(nameof(SecondLevels))]
    public void A_registrys_second_level_under_a_country_domain_is_no_stack_domain(string label)
    {
        Assert.Equal("'" + label + ".uk' is a public suffix (a registry's second level under a country domain): browsers refuse a session cookie for it; "
            + "use the name you registered under it, such as 'example." + label + ".uk'", PublicSuffixes.Problem(label + ".uk"));
        Assert.Null(PublicSuffixes.Problem("example." + label + ".uk"));
        Assert.Null(PublicSuffixes.Problem(label + ".com"));
    }

    [Theory]
    [InlineData("caddy:2.8.4", false, "2.8.4")]
    [InlineData("caddy:2.9", true, "2.9")]
    [InlineData("caddy:2.9.0", true, "2.9.0")]
    [InlineData("caddy:2.10.2-alpine", true, "2.10.2-alpine")]
    [InlineData("caddy:v2.11.1", true, "v2.11.1")]
    [InlineData("caddy:2.11.2", false, "2.11.2")]
    [InlineData("caddy:latest", false, "latest")]
    [InlineData("caddy", false, "")]
    public void The_header_forgery_advisory_covers_caddy_2_9_0_through_2_11_1(string image, bool vulnerable, string version)
    {
        Assert.Equal(vulnerable, CaddyVersions.IsHeaderForgeryVulnerable(image, out var read));
        Assert.Equal(version, read);
    }

    [Fact]
    public void A_declared_caddy_build_version_takes_the_place_of_the_image_tag()
    {
        Assert.True(CaddyVersions.IsHeaderForgeryVulnerable("caddy:2.8.4", "2.10", out var declared));
        Assert.Equal("2.10", declared);
    }

    [Fact]
    public void A_group_name_outside_the_ldap_grammar_and_two_members_naming_one_group_are_invalid_on_the_stack()
    {
        var bad = HostileStack.Run(App + "[UiHost(\"app\")]\n[AllowedGroups(Team.Ädmins)]", "namespace Hostile { [UserGroups] public enum Team { Ädmins } }");
        Assert.Contains(bad.Diagnostics, d => d.Id == DiagnosticIds.InvalidValue && d.Message().StartsWith("Stack 'hostile': user group '", StringComparison.Ordinal)
            && d.Message().EndsWith("' is invalid: name [UserGroups] members with ASCII letters and digits (they become LDAP groups and Authelia subjects)", StringComparison.Ordinal));

        var twins = HostileStack.Run(App + "[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]", "namespace Hostile { [UserGroups] public enum Team { Admins, admins } }");
        Assert.Contains(twins.Diagnostics, d => d.Id == DiagnosticIds.InvalidValue && d.Message().StartsWith("Stack 'hostile': user group '", StringComparison.Ordinal)
            && d.Message().Contains("' is invalid: two [UserGroups] members name the group 'admins' (members that differ only by case, such as Admins and admins, are one LDAP group "
                + "and one Authelia subject), so their members would merge silently; rename or remove one", StringComparison.Ordinal));

        // Both are about the stack's groups: on the [Stack] attribute, not on the class name.
        var stackAttribute = HostileStack.StackLine[1..^1];
        Assert.Equal(stackAttribute, bad.SingleFinding(DiagnosticIds.InvalidValue, "Stack 'hostile': user group '").Underlined());
        Assert.Equal(stackAttribute, twins.SingleFinding(DiagnosticIds.InvalidValue, "Stack 'hostile': user group '").Underlined());
    }

    [Theory]
    [InlineData("[Publish(8443, Justification = \"LAN clients\\nreach it directly.\")]", "Justification of published port 8443", "Justification = \"LAN clients\\nreach it directly.\"")]
    [InlineData("[Capabilities(Justification = \"Binds a low\\nport.\")]", "Justification", "Justification = \"Binds a low\\nport.\"")]
    [InlineData("[ApiHost(ApiKeySecret = \"APP_KEY\", PublicJustification = \"Partners call\\nfrom anywhere.\")]\n[Secret(\"APP_KEY\")]", "PublicJustification", "PublicJustification = \"Partners call\\nfrom anywhere.\"")]
    public void A_justification_with_a_line_break_is_invalid_where_it_is_written(string attribute, string argument, string underlined)
    {
        var run = HostileStack.Run(App + attribute);
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, argument + " is invalid");
        Assert.Equal("Service 'app': " + argument + " is invalid: control, line-break and invisible characters are not allowed", finding.Message());
        Assert.Equal(underlined, finding.Underlined());
    }

    [Fact]
    public void An_egress_reason_must_say_something()
    {
        var run = HostileStack.Run(App + "[Egress(Justification = \"todo\")]");
        var finding = run.SingleFinding(DiagnosticIds.InvalidValue, "Justification of [Egress]");
        Assert.Equal("Service 'app': Justification of [Egress] is invalid: say which internet hosts the service reaches and why (10 characters or more, "
            + "without control, line-break or invisible characters)", finding.Message());
        Assert.Equal("Justification = \"todo\"", finding.Underlined());
    }

    [Fact]
    public void A_second_sso_provider_or_directory_is_reported_on_the_second_ones_role()
    {
        var sso = HostileStack.Run("[Service(\"authelia2\", \"authelia/authelia:4.39.13\", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend)]\n"
            + "[Healthcheck(\"true\")]\npublic partial class Authelia2;\n" + App);
        var second = sso.SingleFinding(DiagnosticIds.SsoProviderMissing, "authelia2");
        Assert.Equal("Service 'authelia2': the stack already has the SSO provider 'authelia'", second.Message());
        Assert.Equal("Role = ServiceRole.Sso", second.Underlined());

        var directory = HostileStack.Run("[Service(\"ldap2\", \"osixia/openldap:1.5.0\", Port = 389, Role = ServiceRole.Directory, Networks = Network.Backend)]\n"
            + "[Healthcheck(\"true\")]\npublic partial class Ldap2;\n" + App);
        var extra = directory.SingleFinding(DiagnosticIds.SsoProviderMissing, "LDAP directory");
        Assert.Equal("Service 'authelia': Authelia needs exactly one LDAP directory (Role = ServiceRole.Directory), found 2", extra.Message());
        Assert.Equal("Role = ServiceRole.Directory", extra.Underlined());
        Assert.Contains("ldap2", extra.UnderlinedLine());
    }

    [Theory]
    [InlineData("[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]", true)]
    [InlineData("[ApiHost(ApiKeySecret = \"APP_KEY\", ClientCredentials = true)]\n[Secret(\"APP_KEY\")]", true)]
    [InlineData("[UiHost(\"app\", Sso = SsoMode.Public, Justification = \"Public status page without login by design.\")]", false)]
    [InlineData("", false)]
    public void A_stack_without_an_sso_provider_is_reported_only_when_a_host_needs_one(string attributes, bool reported)
    {
        var source = HostileStack.With(App + attributes).Replace(TestStacks.Sso, string.Empty, StringComparison.Ordinal);
        var run = GeneratorHarness.Run(source, "using Datamancy.Config;\n" + Groups);
        var missing = run.WithId(DiagnosticIds.SsoProviderMissing).Select(Findings.Message).ToList();
        Assert.Equal(reported ? new[] { "Hosts use SSO but no service has Role = ServiceRole.Sso (Authelia)" } : Array.Empty<string>(), missing);
    }

    [Fact]
    public void A_host_that_takes_the_portal_or_another_services_api_host_is_a_duplicate_on_its_own_argument()
    {
        var portal = HostileStack.Run(App + "[UiHost(\"auth\")]\n[AllowedGroups(Team.Admins)]", Groups);
        var taken = portal.SingleFinding(DiagnosticIds.DuplicateNameOrHost, "'auth'");
        Assert.Contains("(the SSO portal)", taken.Message());
        Assert.Equal("\"auth\"", taken.Underlined());

        var api = HostileStack.Run(Service("other", "[UiHost(\"api.app\")]\n[AllowedGroups(Team.Admins)]\n") + App + "[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", Groups);
        var byDefault = api.SingleFinding(DiagnosticIds.DuplicateNameOrHost, "'api.app'");
        Assert.StartsWith("ApiHost(", byDefault.Underlined(), StringComparison.Ordinal);

        var named = HostileStack.Run(Service("other", "[UiHost(\"shared\")]\n[AllowedGroups(Team.Admins)]\n") + App + "[ApiHost(Subdomain = \"shared\", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", Groups);
        Assert.Equal("Subdomain = \"shared\"", named.SingleFinding(DiagnosticIds.DuplicateNameOrHost, "'shared'").Underlined());
    }

    [Fact]
    public void Two_services_whose_names_give_one_variable_name_are_duplicates()
    {
        var run = HostileStack.Run(Service("open-webui") + Service("open_webui") + App);
        var twin = run.SingleFinding(DiagnosticIds.DuplicateNameOrHost, "OPEN_WEBUI");
        Assert.Equal("Service 'open_webui': variable name of the service 'OPEN_WEBUI' is already used by service 'open-webui'", twin.Message());
        Assert.Equal("\"open_webui\"", twin.Underlined());
    }

    [Theory]
    [InlineData("[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]\n[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]\n", "'app'")]
    [InlineData("[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]\n", "'api.app'")]
    public void A_routed_service_the_ingress_cannot_reach_is_named_by_its_first_host(string attributes, string host)
    {
        var run = HostileStack.Run(Service("app", attributes, "Network.Backend"), Groups);
        Assert.Contains(host, Assert.Single(run.WithId(DiagnosticIds.UpstreamUnreachable)).Message());
    }

    [Fact]
    public void An_sso_provider_the_ingress_cannot_reach_is_named_by_the_portal()
    {
        var source = HostileStack.With(App).Replace("Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]\n[Healthcheck(\"/app/healthcheck.sh\")]",
            "Networks = Network.Backend, Profile = Profile.Bootstrap)]\n[Healthcheck(\"/app/healthcheck.sh\")]", StringComparison.Ordinal);
        Assert.NotEqual(HostileStack.With(App), source);
        var run = GeneratorHarness.Run(source, "using Datamancy.Config;\n");
        Assert.StartsWith("Service 'authelia': host 'auth' is routed", Assert.Single(run.WithId(DiagnosticIds.UpstreamUnreachable)).Message(), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_services_binding_one_host_folder_share_no_named_volume()
    {
        var run = HostileStack.Run(Service("other", "[Volume(\"/srv/shared\", \"/data\")]\n") + App + "[Volume(\"/srv/shared\", \"/data\")]");
        Assert.Empty(run.WithId(DiagnosticIds.SharedVolume));
    }

    [Fact]
    public void A_subnet_that_does_not_parse_is_invalid_once_and_overlaps_nothing()
    {
        var source = HostileStack.With(App).Replace(StackLine, "[Stack(\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", FrontendSubnet = \"172.30.1.0/24\", BackendSubnet = \"garbage\")]", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(source, "using Datamancy.Config;\n");
        var finding = Assert.Single(run.WithId(DiagnosticIds.InvalidValue));
        Assert.Equal("Stack 'hostile': BackendSubnet 'garbage' is invalid: use a private IPv4 network address with a prefix of 8-29, such as '172.30.1.0/24'", finding.Message());
        Assert.Equal("BackendSubnet = \"garbage\"", finding.Underlined());
    }

    [Theory]
    [InlineData("\"Hostile Stack\", \"example.com\", AcmeEmail = \"ops@example.com\"", "\"Hostile Stack\"")]
    [InlineData("\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", PortalHost = \"Auth\"", "PortalHost = \"Auth\"")]
    [InlineData("\"hostile\", \"example.com\", AcmeEmail = \"ops\"", "AcmeEmail = \"ops\"")]
    [InlineData("\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", DefaultMemory = \"lots\"", "DefaultMemory = \"lots\"")]
    [InlineData("\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", DefaultCpus = \"many\"", "DefaultCpus = \"many\"")]
    [InlineData("\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", DefaultPids = 0", "DefaultPids = 0")]
    [InlineData("\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", FrontendSubnet = \"172.30.1.0/24\", BackendSubnet = \"172.30.0.0/16\"", "Stack(")]
    public void A_stack_setting_finding_is_underlined_on_its_argument(string arguments, string underlinedStart)
    {
        var source = HostileStack.With(App).Replace(StackLine, "[Stack(" + arguments + ")]", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(source, "using Datamancy.Config;\n");
        var finding = Assert.Single(run.WithId(DiagnosticIds.InvalidValue));
        Assert.StartsWith(underlinedStart, finding.Underlined(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_build_without_per_service_results_runs_every_services_own_rules_and_blocks_on_them()
    {
        var rendered = HostileStack.Run(App).Rendered();
        var model = rendered.Model!;
        var broken = model.Services.Select(s => s.Name == "app" ? s with { Networks = Generators.Model.Network.None } : s).ToEquatableArray();
        var heads = System.Collections.Immutable.ImmutableArray.Create(new Generators.StackHead(model.Settings, rendered.StackClass!));

        Assert.False(Generators.StackBuild.Assemble(heads, model.Services, model.Groups, null).HasErrors);
        Assert.True(Generators.StackBuild.Assemble(heads, broken, model.Groups, null).HasErrors);
        // The generator ran them per service already: the flag it passes decides, the service rules do not run twice.
        Assert.False(Generators.StackBuild.Assemble(heads, broken, model.Groups, null, serviceErrors: false).HasErrors);
        Assert.True(Generators.StackBuild.Assemble(heads, model.Services, model.Groups, null, serviceErrors: true).HasErrors);
    }
}
