using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The real-stack rules that need every service (named profiles, jobs waited for, one session store, unique names and
/// client IDs, one default per setting, fixed subnets for subnet tokens): each finding word for word, on the service
/// and at the place it is about, and the allowed form of each without a finding.
/// </summary>
public sealed class ExtrasStackRuleGuardTests
{
    private const string Redis = ", Port = 6379, Role = ServiceRole.Cache, Profile = Profile.Bootstrap";

    private static string App(string arguments = "") => "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend" + arguments + ")]\n";

    private static string Service(string name, string type, string attributes = "", string arguments = "") =>
        "[Service(\"" + name + "\", \"example/" + name + ":1.0.0\", Networks = Network.Backend" + arguments + ")]\n" + attributes
        + "[Healthcheck(\"true\")]\npublic partial class " + type + ";\n";

    private static readonly string Init = Service("init", "Init", "[Job]\n");

    /// <summary>The hostile stack with more services before 'app', its [Stack] arguments and text replaced.</summary>
    private static GeneratorRun Run(string attributes, string stackArguments = "", string from = "", string to = "")
    {
        var source = HostileStack.With(attributes)
            .Replace(HostileStack.StackLine, HostileStack.StackLine.Replace("\")]", "\"" + stackArguments + ")]"));
        return GeneratorHarness.Run(from.Length == 0 ? source : source.Replace(from, to));
    }

    private static void AssertFinding(GeneratorRun run, string message, string anchor, string underlined) =>
        run.AssertPlaced("DMC0001", message, underlined, anchor);

    /// <summary>No finding, and no crash either: a rule that throws is reported as DMC0000, not as a finding.</summary>
    private static void AssertClean(GeneratorRun run)
    {
        HostileStack.AssertNoCrash(run);
        Assert.Empty(run.WithId("DMC0001").Select(d => d.Message()));
    }

    [Fact]
    public void With_named_profiles_the_session_store_directory_and_ingress_start_in_every_profile()
    {
        var named = App(", Profiles = new[] { \"db\" }");
        AssertFinding(Run(Service("redis", "Redis", "", Redis.Replace("Bootstrap", "Full")) + named),
            "Service 'redis': Profile.Full is invalid: the stack has named profiles, and the session store must start in every one of them: use Profile = Profile.Bootstrap",
            "[Service(\"redis\"", "Profile = Profile.Full");
        AssertFinding(Run(named, from: "Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap", to: "Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Full"),
            "Service 'ldap': Profile.Full is invalid: the stack has named profiles, and the directory must start in every one of them: use Profile = Profile.Bootstrap",
            "[Service(\"ldap\"", "Profile = Profile.Full");
        AssertFinding(Run(named, from: "Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Bootstrap", to: "Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Full"),
            "Service 'caddy': Profile.Full is invalid: the stack has named profiles, and the ingress must start in every one of them: use Profile = Profile.Bootstrap",
            "[Service(\"caddy\"", "Profile = Profile.Full");
        AssertClean(Run(Service("redis", "Redis", "", Redis) + named));
        AssertClean(Run(Service("redis", "Redis", "", Redis.Replace("Bootstrap", "Full")) + App()));
    }

    [Fact]
    public void A_dependency_starts_in_every_named_profile_of_the_service_that_needs_it()
    {
        AssertFinding(Run(Service("other", "Other", "", ", Profiles = new[] { \"db\" }") + App(", Profiles = new[] { \"db\", \"mail\", \"web\" }") + "[DependsOn(typeof(Other))]"),
            "Service 'app': DependsOn 'other' is invalid: 'app' starts in profile 'mail' but 'other' does not; add 'mail' to its Profiles",
            "[Service(\"app\"", "typeof(Other)");
        AssertClean(Run(Service("other", "Other", "", ", Profiles = new[] { \"mail\", \"db\" }") + App(", Profiles = new[] { \"db\", \"mail\" }") + "[DependsOn(typeof(Other))]"));
        AssertClean(Run(Service("other", "Other", "", ", Profile = Profile.Bootstrap") + App(", Profiles = new[] { \"db\" }") + "[DependsOn(typeof(Other))]"));
    }

    [Fact]
    public void A_job_is_waited_for_by_completion_and_only_a_job_completes()
    {
        AssertFinding(Run(Init + App() + "[DependsOn(typeof(Init))]"),
            "Service 'app': DependsOn 'init' is invalid: 'init' is a one-shot job and never becomes healthy; use Condition = DependencyCondition.CompletedSuccessfully (or Started)",
            "[Service(\"app\"", "DependsOn(typeof(Init))");
        AssertFinding(Run(App() + "[DependsOn(typeof(Ldap), Condition = DependencyCondition.CompletedSuccessfully)]"),
            "Service 'app': DependsOn 'ldap' is invalid: 'ldap' keeps running and never completes; CompletedSuccessfully is for [Job] services",
            "[Service(\"app\"", "Condition = DependencyCondition.CompletedSuccessfully");
        AssertFinding(Run(Init + App(", Profile = Profile.Bootstrap") + "[DependsOn(typeof(Init), Condition = DependencyCondition.CompletedSuccessfully)]"),
            "Service 'app': DependsOn 'init' is invalid: a bootstrap service waits only for bootstrap services",
            "[Service(\"app\"", "typeof(Init)");
        AssertClean(Run(Init + App() + "[DependsOn(typeof(Init), Condition = DependencyCondition.CompletedSuccessfully)]"));
        AssertClean(Run(Init + App() + "[DependsOn(typeof(Init), Condition = DependencyCondition.Started)]"));
        AssertClean(Run(Service("init", "Init", "[Job]\n", ", Profile = Profile.Bootstrap") + App(", Profile = Profile.Bootstrap")
            + "[DependsOn(typeof(Init), Condition = DependencyCondition.CompletedSuccessfully)]"));
        AssertClean(Run(App() + "[DependsOn(typeof(Ldap), Condition = DependencyCondition.Started)]"));
    }

    [Fact]
    public void One_cache_keeps_the_sessions_and_more_than_one_must_be_chosen()
    {
        AssertFinding(Run(Service("cache-a", "CacheA", "[SessionStore]\n", Redis) + Service("cache-b", "CacheB", "[SessionStore]\n", Redis) + App()),
            "Service 'cache-b': [SessionStore] is invalid: the stack already keeps its sessions in 'cache-a'",
            "[Service(\"cache-b\"", "SessionStore");
        AssertFinding(Run(Service("cache-b", "CacheB", "", Redis) + Service("cache-c", "CacheC", "", Redis) + Service("cache-a", "CacheA", "", Redis) + App()),
            "Service 'cache-a': Role = ServiceRole.Cache is invalid: the stack has 3 caches (cache-a, cache-b, cache-c); mark the one Authelia keeps its sessions in with [SessionStore]",
            "[Service(\"cache-a\"", "Role = ServiceRole.Cache");
        AssertClean(Run(Service("cache-b", "CacheB", "", Redis) + Service("cache-a", "CacheA", "[SessionStore]\n", Redis) + App()));
        AssertClean(Run(Service("cache-a", "CacheA", "", Redis) + App()));
    }

    [Fact]
    public void Without_sso_two_caches_need_no_session_store()
    {
        var run = Run(Service("cache-b", "CacheB", "", Redis) + Service("cache-a", "CacheA", "", Redis) + App(),
            from: "Role = ServiceRole.Sso", to: "Role = ServiceRole.App");
        Assert.DoesNotContain(run.WithId("DMC0001"), d => d.Message().Contains("[SessionStore]", StringComparison.Ordinal));
    }

    [Fact]
    public void Oidc_client_ids_are_unique()
    {
        const string Health = "[Healthcheck(\"/app/healthcheck.sh\")]";
        var clients = "[ExternalOidcClient(\"portal\", \"https://a.other.example/cb\", ClientSecret = \"PORTAL_A_SECRET\")]\n"
            + "[ExternalOidcClient(\"portal\", \"https://b.other.example/cb\", ClientSecret = \"PORTAL_B_SECRET\")]\n";
        var run = Run(App(), from: Health, to: clients + Health);
        var finding = Assert.Single(run.WithId("DMC0001"), d => d.Message().Contains("OIDC client ID", StringComparison.Ordinal));
        Assert.Equal("Service 'authelia': OIDC client ID 'portal' is invalid: it is already the client of 'portal'; client IDs are unique", finding.Message());
        Assert.Equal("ExternalOidcClient(\"portal\", \"https://b.other.example/cb\", ClientSecret = \"PORTAL_B_SECRET\")", finding.Underlined());
        AssertClean(Run(App(), from: Health, to: clients.Replace("\"portal\", \"https://b", "\"portal-b\", \"https://b") + Health));

        // Two declarations alike in every argument: still the second one.
        var twice = clients.Split('\n')[0] + "\n";
        var alike = Run(App(), from: Health, to: twice + twice + Health);
        alike.AssertPlaced("DMC0001", "Service 'authelia': OIDC client ID 'portal' is invalid: it is already the client of 'portal'; client IDs are unique",
            twice.Substring(1, twice.Length - 3), twice, occurrence: 2);
        alike.AssertPlaced("DMC0001", "Service 'authelia': ClientSecret 'PORTAL_A_SECRET' is invalid: it is already the secret of OIDC client 'portal'; each client has its own secret",
            "ClientSecret = \"PORTAL_A_SECRET\"", twice, occurrence: 2);
    }

    [Fact]
    public void Public_clients_share_no_secret_because_they_have_none()
    {
        const string Health = "[Healthcheck(\"/app/healthcheck.sh\")]";
        static string Phone(string id) => "[ExternalOidcClient(\"" + id + "\", \"com.example." + id + ":/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, RequirePkce = true)]\n";
        AssertClean(Run(App(), from: Health, to: Phone("phone") + Phone("tablet") + Health));
    }

    /// <summary>A service whose OIDC client ID is <paramref name="name"/>: its UI host logs in with OIDC.</summary>
    private static string OidcService(string name, string type) =>
        "[Service(\"" + name + "\", \"example/" + name + ":1.0.0\", Port = 8080, Networks = Network.Frontend)]\n"
        + "[UiHost(\"" + name + "\", Sso = SsoMode.Oidc, OidcClientSecret = \"" + name.ToUpperInvariant() + "_OIDC_SECRET\", Justification = \"The app has no local accounts: its only login is OIDC.\")]\n"
        + "[Secret(\"" + name.ToUpperInvariant() + "_OIDC_SECRET\")]\n[Healthcheck(\"true\")]\npublic partial class " + type + ";\n";

    [Fact]
    public void A_service_client_and_an_external_client_of_one_id_are_reported_on_the_later_one()
    {
        const string Health = "[Healthcheck(\"/app/healthcheck.sh\")]";
        static string External(string id) => "[ExternalOidcClient(\"" + id + "\", \"https://a.other.example/cb\", ClientSecret = \"OTHER_SECRET\")]\n";
        // 'alpha' comes before 'authelia': the external client is the later one.
        AssertFinding(Run(OidcService("alpha", "Alpha") + App(), from: Health, to: External("alpha") + Health),
            "Service 'authelia': OIDC client ID 'alpha' is invalid: it is already the client of 'alpha'; client IDs are unique",
            "[ExternalOidcClient(", "ExternalOidcClient(\"alpha\", \"https://a.other.example/cb\", ClientSecret = \"OTHER_SECRET\")");
        // 'zeta' comes after it: the service's own client is the later one, reported on its name.
        AssertFinding(Run(OidcService("zeta", "Zeta") + App(), from: Health, to: External("zeta") + Health),
            "Service 'zeta': OIDC client ID 'zeta' is invalid: it is already the client of 'zeta'; client IDs are unique",
            "[Service(\"zeta\"", "\"zeta\"");
    }

    [Fact]
    public void An_alias_is_no_other_name_on_the_networks()
    {
        AssertFinding(Run(App() + "[NetworkAlias(\"authelia\")]"),
            "Service 'app': alias 'authelia' is invalid: it is already the name of the service 'authelia'", "[NetworkAlias(", "\"authelia\"");
        AssertFinding(Run(Service("other", "Other", "[NetworkAlias(\"files\")]\n") + App() + "[NetworkAlias(\"files\")]"),
            "Service 'app': alias 'files' is invalid: it is already the name of an alias of 'other'", "[Service(\"app\"", "\"files\"");
        AssertFinding(Run(App() + "[NetworkAlias(\"auth.example.com\")]", ", Hairpin = true"),
            "Service 'app': alias 'auth.example.com' is invalid: it is already the name of the ingress (hairpin)", "[NetworkAlias(", "\"auth.example.com\"");
        AssertClean(Run(App() + "[NetworkAlias(\"auth.example.com\")]"));
        AssertClean(Run(Service("other", "Other", "[NetworkAlias(\"files\")]\n") + App() + "[NetworkAlias(\"docs\")]"));
    }

    [Fact]
    public void A_setting_is_no_secret_and_has_one_default()
    {
        AssertFinding(Run(Service("other", "Other", "[Secret(\"APP_SALT\")]\n") + App() + "[Setting(\"APP_SALT\", \"x\")]"),
            "Service 'app': setting 'APP_SALT' is invalid: it is also a secret of the stack", "[Setting(", "\"APP_SALT\"");
        AssertFinding(Run(Service("one", "One", "[Setting(\"APP_MODE\", \"a\")]\n") + Service("two", "Two", "[Setting(\"APP_MODE\", \"a\")]\n") + App() + "[Setting(\"APP_MODE\", \"b\")]"),
            "Service 'app': setting 'APP_MODE' is invalid: 'one' declares it with another default; one variable of the env file has one default",
            "[Service(\"app\"", "\"b\"");
        AssertClean(Run(Service("one", "One", "[Setting(\"APP_MODE\", \"a\")]\n") + App() + "[Setting(\"APP_MODE\", \"a\")]"));
    }

    [Theory]
    [InlineData("frontend", "Frontend")]
    [InlineData("backend", "Backend")]
    [InlineData("database", "Database")]
    public void A_subnet_token_needs_the_subnet_fixed(string network, string argument)
    {
        var token = "{stack." + network + "_subnet}";
        var reason = "'" + token + "' names a subnet the stack does not fix; set [Stack(" + argument + "Subnet = \"...\")]";
        AssertFinding(Run(App() + "[Env(\"TRUSTED_PROXIES\", \"" + token + "\")]"),
            "Service 'app': the value of 'TRUSTED_PROXIES' is invalid: " + reason, "[Env(", "\"" + token + "\"");
        AssertFinding(Run(App() + "[Setting(\"APP_PROXIES\", \"" + token + "\")]"),
            "Service 'app': the default of 'APP_PROXIES' is invalid: " + reason, "[Setting(", "\"" + token + "\"");
        var fixedSubnet = ", " + argument + "Subnet = \"10.77.0.0/24\"";
        AssertClean(Run(App() + "[Env(\"TRUSTED_PROXIES\", \"" + token + "\")]\n[Setting(\"APP_PROXIES\", \"" + token + "\")]", fixedSubnet));
    }
}
