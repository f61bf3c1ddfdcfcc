using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The Authelia options a service declares (session store, LDAP layout, Authelia's settings, OIDC client options,
/// external clients): each refusal word for word at the argument it is about, on the app, the SSO service or the
/// directory, and the well-formed form of each option without a finding.
/// </summary>
public sealed class AutheliaOptionGuardTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend)]\n";

    private const string OidcApp = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"The app has no local accounts: its only login is OIDC.\")]\n[Secret(\"APP_OIDC_SECRET\")]\n";

    /// <summary>The hostile stack with <paramref name="attributes"/> on the app, or added to the SSO service or the directory.</summary>
    private static GeneratorRun Run(string service, string attributes) => service switch
    {
        "authelia" => GeneratorHarness.Run(HostileStack.With(App).Replace("[Healthcheck(\"/app/healthcheck.sh\")]", attributes + "\n[Healthcheck(\"/app/healthcheck.sh\")]")),
        "ldap" => GeneratorHarness.Run(HostileStack.With(App).Replace("[Healthcheck(\"ldapsearch\", \"-x\")]", attributes + "\n[Healthcheck(\"ldapsearch\", \"-x\")]")),
        _ => HostileStack.Run(attributes),
    };

    public static TheoryData<string, string, string, string> Refusals() => new()
    {
        { "app", App + "[SessionStore]", "Service 'app': [SessionStore] is invalid: the session store is a service with Role = ServiceRole.Cache", "SessionStore" },
        { "app", App + "[Ldap]", "Service 'app': [Ldap] is invalid: the LDAP layout belongs on the service with Role = ServiceRole.Directory", "Ldap" },
        { "app", App + "[AutheliaSettings]", "Service 'app': [AutheliaSettings] is invalid: Authelia's settings belong on the service with Role = ServiceRole.Sso", "AutheliaSettings" },
        { "app", App + "[OidcOptions(Scopes = new[] { \"openid\" })]", "Service 'app': [OidcOptions] is invalid: it configures the OIDC client of a UI host with Sso = SsoMode.Oidc", "OidcOptions(Scopes = new[] { \"openid\" })" },
        { "app", App + "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'app': [ExternalOidcClient] is invalid: external OIDC clients are declared on the service with Role = ServiceRole.Sso", "ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)" },
        { "app", OidcApp + "[OidcOptions(TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'app': TokenEndpointAuthMethod.None is invalid: a service of the stack is a confidential client with a secret; public clients are [ExternalOidcClient]s", "TokenEndpointAuthMethod = TokenEndpointAuthMethod.None" },
        { "app", OidcApp + "[OidcOptions(Scopes = new[] { \"openid\", \"admin\" })]", "Service 'app': Scopes 'admin' is invalid: use one of openid, profile, email, groups, offline_access, address, phone", "\"admin\"" },
        { "authelia", "[AutheliaSettings(SessionExpiration = \"1 hour\")]", "Service 'authelia': SessionExpiration '1 hour' is invalid: use an Authelia duration such as '1h', '30m', '1w' or '1M'", "SessionExpiration = \"1 hour\"" },
        { "authelia", "[AutheliaSettings(SessionInactivity = \"1 hour\")]", "Service 'authelia': SessionInactivity '1 hour' is invalid: use an Authelia duration such as '1h', '30m', '1w' or '1M'", "SessionInactivity = \"1 hour\"" },
        { "authelia", "[AutheliaSettings(RememberMe = \"1 hour\")]", "Service 'authelia': RememberMe '1 hour' is invalid: use an Authelia duration such as '1h', '30m', '1w' or '1M'", "RememberMe = \"1 hour\"" },
        { "authelia", "[AutheliaSettings(RegulationFindTime = \"1 hour\")]", "Service 'authelia': RegulationFindTime '1 hour' is invalid: use an Authelia duration such as '1h', '30m', '1w' or '1M'", "RegulationFindTime = \"1 hour\"" },
        { "authelia", "[AutheliaSettings(RegulationBanTime = \"1 hour\")]", "Service 'authelia': RegulationBanTime '1 hour' is invalid: use an Authelia duration such as '1h', '30m', '1w' or '1M'", "RegulationBanTime = \"1 hour\"" },
        { "authelia", "[AutheliaSettings(RememberMe = \"1h1\")]", "Service 'authelia': RememberMe '1h1' is invalid: use an Authelia duration such as '1h', '30m', '1w' or '1M'", "RememberMe = \"1h1\"" },
        { "authelia", "[AutheliaSettings(RegulationMaxRetries = 101)]", "Service 'authelia': RegulationMaxRetries 101 is invalid: use 1-100 (0: the default of 3)", "RegulationMaxRetries = 101" },
        { "authelia", "[AutheliaSettings(RegulationMaxRetries = -1)]", "Service 'authelia': RegulationMaxRetries -1 is invalid: use 1-100 (0: the default of 3)", "RegulationMaxRetries = -1" },
        { "authelia", "[AutheliaSettings(DefaultRedirection = \"Home Page\")]", "Service 'authelia': DefaultRedirection 'Home Page' is invalid: give the subdomain, such as 'home'", "DefaultRedirection = \"Home Page\"" },
        { "authelia", "[ExternalOidcClient(\"Phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'authelia': client ID 'Phone' is invalid: use lower-case letters, digits, '.', '_' and '-'", "\"Phone\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'authelia': RedirectUris is invalid: name at least one redirect URI", "ExternalOidcClient(\"phone\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", \"http://evil.example/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'authelia': redirect URI 'http://evil.example/cb' is invalid: use an https URL, http on loopback (native apps), or an app scheme such as 'com.example.app:/callback'", "\"http://evil.example/cb\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"javascript:alert(1)\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'authelia': redirect URI 'javascript:alert(1)' is invalid: use an https URL, http on loopback (native apps), or an app scheme such as 'com.example.app:/callback'", "\"javascript:alert(1)\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"https://a.example.com/cb?next=x\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'authelia': redirect URI 'https://a.example.com/cb?next=x' is invalid: use an https URL, http on loopback (native apps), or an app scheme such as 'com.example.app:/callback'", "\"https://a.example.com/cb?next=x\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"https://A.example.com/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'authelia': redirect URI 'https://A.example.com/cb' is invalid: use an https URL, http on loopback (native apps), or an app scheme such as 'com.example.app:/callback'", "\"https://A.example.com/cb\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"http://127.0.0.2/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]", "Service 'authelia': redirect URI 'http://127.0.0.2/cb' is invalid: use an https URL, http on loopback (native apps), or an app scheme such as 'com.example.app:/callback'", "\"http://127.0.0.2/cb\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, ClientSecret = \"PHONE_SECRET\")]", "Service 'authelia': ClientSecret is invalid: a public client (TokenEndpointAuthMethod.None) has no secret", "ClientSecret = \"PHONE_SECRET\"" },
        { "authelia", "[ExternalOidcClient(\"portal\", \"https://portal.other.example/cb\")]", "Service 'authelia': ClientSecret is invalid: a confidential client needs the name of its secret (or TokenEndpointAuthMethod.None for a public client with PKCE)", "ExternalOidcClient(\"portal\", \"https://portal.other.example/cb\")" },
        { "authelia", "[ExternalOidcClient(\"portal\", \"https://portal.other.example/cb\", ClientSecret = \"portal-secret\")]", "Service 'authelia': ClientSecret (value not shown) is invalid: name a secret: upper-case letters, digits and '_'", "ClientSecret = \"portal-secret\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, Scopes = new[] { \"openid\", \"admin\" })]", "Service 'authelia': Scopes 'admin' is invalid: use one of openid, profile, email, groups, offline_access, address, phone", "\"admin\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, Scopes = new[] { \"openid\", \"email\", \"email\" })]", "Service 'authelia': Scopes is invalid: a value is listed twice", "Scopes = new[] { \"openid\", \"email\", \"email\" }" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, Scopes = new[] { \"email\" })]", "Service 'authelia': Scopes is invalid: an OpenID Connect client needs 'openid'", "Scopes = new[] { \"email\" }" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, ResponseModes = new[] { \"form_post\", \"post\" })]", "Service 'authelia': ResponseModes 'post' is invalid: use one of form_post, query, fragment", "\"post\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, GrantTypes = new[] { \"implicit\" })]", "Service 'authelia': GrantTypes 'implicit' is invalid: use one of authorization_code, refresh_token", "\"implicit\"" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, GrantTypes = new[] { \"implicit\" })]", "Service 'authelia': GrantTypes is invalid: a login client needs 'authorization_code'", "GrantTypes = new[] { \"implicit\" }" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, Scopes = new[] { \"openid\" }, GrantTypes = new[] { \"authorization_code\", \"refresh_token\" })]", "Service 'authelia': GrantTypes is invalid: 'refresh_token' needs the 'offline_access' scope", "GrantTypes = new[] { \"authorization_code\", \"refresh_token\" }" },
        { "authelia", "[ExternalOidcClient(\"phone\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None)]\n[ExternalOidcClient(\"tablet\", \"com.example.tab:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, Scopes = new[] { \"openid\", \"admin\" })]", "Service 'authelia': Scopes 'admin' is invalid: use one of openid, profile, email, groups, offline_access, address, phone", "\"admin\"" },
        { "ldap", "[Ldap(BaseDn = \"example.com\")]", "Service 'ldap': BaseDn 'example.com' is invalid: use a DN such as 'ou=people' or 'dc=example,dc=com'", "BaseDn = \"example.com\"" },
        { "ldap", "[Ldap(UsersDn = \"example.com\")]", "Service 'ldap': UsersDn 'example.com' is invalid: use a DN such as 'ou=people' or 'dc=example,dc=com'", "UsersDn = \"example.com\"" },
        { "ldap", "[Ldap(GroupsDn = \"example.com\")]", "Service 'ldap': GroupsDn 'example.com' is invalid: use a DN such as 'ou=people' or 'dc=example,dc=com'", "GroupsDn = \"example.com\"" },
        { "ldap", "[Ldap(BindUser = \"example.com\")]", "Service 'ldap': BindUser 'example.com' is invalid: use a DN such as 'ou=people' or 'dc=example,dc=com'", "BindUser = \"example.com\"" },
        { "ldap", "[Ldap(UserObjectClass = \"inet org\")]", "Service 'ldap': UserObjectClass 'inet org' is invalid: use an LDAP name such as 'uid' or 'inetOrgPerson'", "UserObjectClass = \"inet org\"" },
        { "ldap", "[Ldap(GroupObjectClass = \"inet org\")]", "Service 'ldap': GroupObjectClass 'inet org' is invalid: use an LDAP name such as 'uid' or 'inetOrgPerson'", "GroupObjectClass = \"inet org\"" },
        { "ldap", "[Ldap(UsernameAttribute = \"inet org\")]", "Service 'ldap': UsernameAttribute 'inet org' is invalid: use an LDAP name such as 'uid' or 'inetOrgPerson'", "UsernameAttribute = \"inet org\"" },
        { "ldap", "[Ldap(DisplayNameAttribute = \"inet org\")]", "Service 'ldap': DisplayNameAttribute 'inet org' is invalid: use an LDAP name such as 'uid' or 'inetOrgPerson'", "DisplayNameAttribute = \"inet org\"" },
        { "ldap", "[Ldap(MailAttribute = \"inet org\")]", "Service 'ldap': MailAttribute 'inet org' is invalid: use an LDAP name such as 'uid' or 'inetOrgPerson'", "MailAttribute = \"inet org\"" },
        { "ldap", "[Ldap(GroupNameAttribute = \"inet org\")]", "Service 'ldap': GroupNameAttribute 'inet org' is invalid: use an LDAP name such as 'uid' or 'inetOrgPerson'", "GroupNameAttribute = \"inet org\"" },
        { "ldap", "[Ldap(Implementation = \"openldap\")]", "Service 'ldap': Implementation 'openldap' is invalid: use one of custom, activedirectory, rfc2307bis, freeipa, lldap, glauth", "Implementation = \"openldap\"" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_is_worded_and_placed(string service, string attributes, string message, string underlined)
    {
        var run = Run(service, attributes);
        run.AssertPlaced("DMC0001", message, underlined, attributes.Split('\n')[^1]);
    }

    public static TheoryData<string, string> Accepted() => new()
    {
        { "authelia", "[AutheliaSettings(SessionExpiration = \"1h30m\", SessionInactivity = \"0\", RememberMe = \"-1\", RegulationFindTime = \"2w\", RegulationBanTime = \"1M\", RegulationMaxRetries = 100, DefaultRedirection = \"home\")]" },
        { "authelia", "[AutheliaSettings(RegulationMaxRetries = 0)]" },
        { "authelia", "[ExternalOidcClient(\"phone.app_1\", \"https://a.example.com:8443/cb\", \"http://127.0.0.1:8080/cb\", \"http://localhost/cb\", \"http://[::1]/cb\", \"com.example.app:/cb\", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, Scopes = new[] { \"openid\", \"offline_access\" }, ResponseModes = new[] { \"form_post\", \"query\", \"fragment\" }, GrantTypes = new[] { \"authorization_code\", \"refresh_token\" })]" },
        { "authelia", "[ExternalOidcClient(\"portal\", \"https://portal.other.example/cb\", ClientSecret = \"PORTAL_SECRET\")]" },
        { "ldap", "[Ldap(BaseDn = \"dc=example,dc=com\", UsersDn = \"ou=people\", GroupsDn = \"ou=groups\", BindUser = \"cn=authelia,ou=service\", UserObjectClass = \"inetOrgPerson\", GroupObjectClass = \"groupOfNames\", UsernameAttribute = \"uid\", DisplayNameAttribute = \"displayName\", MailAttribute = \"mail\", GroupNameAttribute = \"cn\", Implementation = \"custom\")]" },
        { "app", OidcApp + "[OidcOptions(Scopes = new[] { \"openid\", \"groups\" }, TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretPost)]" },
        { "app", App },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_well_formed_options_have_no_finding(string service, string attributes) =>
        Assert.Empty(Run(service, attributes).WithId("DMC0001").Select(d => d.Message()));
}
