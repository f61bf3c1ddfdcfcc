using System;

namespace Datamancy.Config
{
    /// <summary>
    /// Marks the cache service Authelia keeps its sessions in. Required when the stack has more than one cache
    /// (a stack with <c>mailu-redis</c> and <c>redis</c> must say which one holds the sessions).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class SessionStoreAttribute : Attribute
    {
    }

    /// <summary>
    /// The LDAP layout Authelia reads, on the service with <see cref="ServiceRole.Directory"/>. Every value left unset
    /// keeps the default derived from the stack's domain (base DN <c>dc=example,dc=com</c>, <c>ou=users</c>, <c>ou=groups</c>,
    /// bind user <c>cn=admin,&lt;base DN&gt;</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LdapAttribute : Attribute
    {
        /// <summary>The base DN; derived from the domain unless stated.</summary>
        public string? BaseDn { get; set; }

        /// <summary>The users' branch below the base DN; <c>ou=users</c> unless stated (lldap: <c>ou=people</c>).</summary>
        public string? UsersDn { get; set; }

        /// <summary>The groups' branch below the base DN; <c>ou=groups</c> unless stated.</summary>
        public string? GroupsDn { get; set; }

        /// <summary>The object class of users; <c>person</c> unless stated.</summary>
        public string? UserObjectClass { get; set; }

        /// <summary>The object class of groups; <c>groupOfNames</c> unless stated.</summary>
        public string? GroupObjectClass { get; set; }

        /// <summary>The login attribute; <c>uid</c> unless stated.</summary>
        public string? UsernameAttribute { get; set; }

        /// <summary>The display-name attribute; <c>displayName</c> unless stated.</summary>
        public string? DisplayNameAttribute { get; set; }

        /// <summary>The mail attribute; <c>mail</c> unless stated.</summary>
        public string? MailAttribute { get; set; }

        /// <summary>The group-name attribute; <c>cn</c> unless stated.</summary>
        public string? GroupNameAttribute { get; set; }

        /// <summary>The DN Authelia binds as; <c>cn=admin,&lt;base DN&gt;</c> unless stated.</summary>
        public string? BindUser { get; set; }

        /// <summary>Authelia's LDAP implementation (<c>custom</c>, <c>lldap</c>, <c>activedirectory</c>...); <c>custom</c> unless stated.</summary>
        public string? Implementation { get; set; }
    }

    /// <summary>Session lifetimes, brute-force regulation and the default redirection, on the service with <see cref="ServiceRole.Sso"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class AutheliaSettingsAttribute : Attribute
    {
        /// <summary>How long a session lives, for example <c>1h</c>; Authelia's default unless stated.</summary>
        public string? SessionExpiration { get; set; }

        /// <summary>How long a session lives without activity, for example <c>5m</c>.</summary>
        public string? SessionInactivity { get; set; }

        /// <summary>How long "remember me" keeps a session, for example <c>1M</c>; <c>-1</c> disables it.</summary>
        public string? RememberMe { get; set; }

        /// <summary>Failed logins before a ban; 3 unless stated.</summary>
        public int RegulationMaxRetries { get; set; }

        /// <summary>The window the failures are counted in; <c>2m</c> unless stated.</summary>
        public string? RegulationFindTime { get; set; }

        /// <summary>How long a ban lasts; <c>5m</c> unless stated.</summary>
        public string? RegulationBanTime { get; set; }

        /// <summary>The subdomain users land on after logging in at the portal directly, for example <c>home</c>.</summary>
        public string? DefaultRedirection { get; set; }
    }

    /// <summary>Per-client OIDC settings of a service whose UI host uses <see cref="SsoMode.Oidc"/>.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class OidcOptionsAttribute : Attribute
    {
        /// <summary>How the client authenticates at the token endpoint; <c>client_secret_basic</c> unless stated.</summary>
        public TokenEndpointAuthMethod TokenEndpointAuthMethod { get; set; }

        /// <summary>The scopes; <c>openid profile email groups</c> unless stated.</summary>
        public string[]? Scopes { get; set; }

        /// <summary>The response modes (<c>form_post</c>, <c>query</c>, <c>fragment</c>); Authelia's default unless stated.</summary>
        public string[]? ResponseModes { get; set; }

        /// <summary>The grant types (<c>authorization_code</c>, <c>refresh_token</c>); <c>authorization_code</c> unless stated.</summary>
        public string[]? GrantTypes { get; set; }

        /// <summary>Require PKCE with S256.</summary>
        public bool RequirePkce { get; set; }

        /// <summary>When the user is asked to consent.</summary>
        public ConsentMode Consent { get; set; }
    }

    /// <summary>
    /// An Authelia OIDC client for an application that is not a service of this stack (on another host, a phone app),
    /// declared on the service with <see cref="ServiceRole.Sso"/>. A confidential client's secret is generated like any
    /// other (Authelia reads its digest); a public client (<see cref="TokenEndpointAuthMethod.None"/>) has none and must use PKCE.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ExternalOidcClientAttribute : Attribute
    {
        /// <summary>Declares an external client.</summary>
        /// <param name="clientId">The client ID (lower-case letters, digits, '-', '_', '.').</param>
        /// <param name="redirectUris">The redirect URIs: https URLs, or app schemes such as <c>com.example.app:/callback</c>.</param>
        public ExternalOidcClientAttribute(string clientId, params string[] redirectUris)
        {
            ClientId = clientId;
            RedirectUris = redirectUris;
        }

        /// <summary>The client ID.</summary>
        public string ClientId { get; }

        /// <summary>The redirect URIs.</summary>
        public string[] RedirectUris { get; }

        /// <summary>The secret holding the client secret (confidential clients); the app's owner copies it from the env file.</summary>
        public string? ClientSecret { get; set; }

        /// <summary>The groups allowed to use the client (members of the <see cref="UserGroupsAttribute"/> enum); everyone who logs in unless stated.</summary>
        public object[]? Groups { get; set; }

        /// <summary>The Authelia policy; the stack default unless stated.</summary>
        public AuthPolicy Policy { get; set; }

        /// <summary>How the client authenticates at the token endpoint.</summary>
        public TokenEndpointAuthMethod TokenEndpointAuthMethod { get; set; }

        /// <summary>The scopes; <c>openid profile email groups</c> unless stated.</summary>
        public string[]? Scopes { get; set; }

        /// <summary>The response modes.</summary>
        public string[]? ResponseModes { get; set; }

        /// <summary>The grant types; <c>authorization_code</c> unless stated.</summary>
        public string[]? GrantTypes { get; set; }

        /// <summary>Require PKCE with S256 (always on for public clients).</summary>
        public bool RequirePkce { get; set; }

        /// <summary>When the user is asked to consent.</summary>
        public ConsentMode Consent { get; set; }
    }
}
