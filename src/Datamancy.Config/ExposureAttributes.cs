using System;

namespace Datamancy.Config
{
    /// <summary>
    /// A browser-facing host <c>&lt;subdomain&gt;.&lt;domain&gt;</c> routed by the ingress.
    /// Behind Authelia <c>forward_auth</c> unless stated otherwise.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class UiHostAttribute : Attribute
    {
        /// <summary>Declares a UI host.</summary>
        /// <param name="subdomain">The host label(s) in front of the domain.</param>
        public UiHostAttribute(string subdomain)
        {
            Subdomain = subdomain;
        }

        /// <summary>The host label(s) in front of the domain.</summary>
        public string Subdomain { get; }

        /// <summary>How users authenticate.</summary>
        public SsoMode Sso { get; set; }

        /// <summary>The Authelia policy; the stack default unless stated.</summary>
        public AuthPolicy Policy { get; set; }

        /// <summary>
        /// Why the host is open at the ingress: required with <see cref="SsoMode.Public"/> (why it needs no login) and with
        /// <see cref="SsoMode.Oidc"/> (how the application is configured to require its OIDC login, for example "local login
        /// form and anonymous access disabled"). At least two words and eight letters; shown in the security audit.
        /// </summary>
        public string? Justification { get; set; }

        /// <summary>
        /// Paths that bypass SSO (for example a webhook), as Authelia resource regexes (Go RE2, matched against path and
        /// query): each starts with <c>^/</c> and a literal first path segment ended by <c>/</c>, <c>\?</c> or <c>$</c>,
        /// such as <c>^/webhook/</c>. Only for forward_auth hosts.
        /// </summary>
        public string[]? Bypass { get; set; }

        /// <summary>For <see cref="SsoMode.Oidc"/>: the callback path of the application.</summary>
        public string OidcCallbackPath { get; set; } = "/oauth2/callback";

        /// <summary>For <see cref="SsoMode.Oidc"/>: the secret holding the client secret's digest.</summary>
        public string? OidcClientSecret { get; set; }
    }

    /// <summary>The groups allowed on the service's UI host; members of the <see cref="UserGroupsAttribute"/> enum.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class AllowedGroupsAttribute : Attribute
    {
        /// <summary>Declares the allowed groups.</summary>
        /// <param name="groups">Members of the enum marked <see cref="UserGroupsAttribute"/>.</param>
        public AllowedGroupsAttribute(params object[] groups)
        {
            Groups = groups;
        }

        /// <summary>The allowed groups.</summary>
        public object[] Groups { get; }
    }

    /// <summary>
    /// A machine-to-machine API host (<c>api.&lt;service&gt;.&lt;domain&gt;</c> by default) with no
    /// forward_auth, guarded by an IP allowlist read from an environment variable and an API key.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ApiHostAttribute : Attribute
    {
        /// <summary>The host label(s); <c>api.&lt;service&gt;</c> unless stated.</summary>
        public string? Subdomain { get; set; }

        /// <summary>The variable with the allowed client CIDRs; <c>API_&lt;SERVICE&gt;_ALLOWLIST</c> unless stated.</summary>
        public string? AllowlistVariable { get; set; }

        /// <summary>The CIDRs used while the variable is unset; private and loopback ranges unless stated.</summary>
        public string[]? DefaultAllowlist { get; set; }

        /// <summary>The secret holding the upstream's API key, sent as <c>Authorization: Bearer</c>.</summary>
        public string? ApiKeySecret { get; set; }

        /// <summary>A CA certificate file for client certificates (mTLS), relative to the Caddy config.</summary>
        public string? ClientCaFile { get; set; }

        /// <summary>
        /// Register an Authelia OIDC <c>client_credentials</c> client for this API and have the ingress verify its tokens:
        /// Caddy sends every request to Authelia's authz endpoint, which admits only an access token of this client.
        /// Cannot be combined with <see cref="ApiKeySecret"/> (both use the <c>Authorization</c> header).
        /// </summary>
        public bool ClientCredentials { get; set; }

        /// <summary>Explicit opt-in for an allowlist that admits the whole internet, with the reason.</summary>
        public string? PublicJustification { get; set; }
    }

    /// <summary>
    /// Acknowledges a warning or suggestion of this service (or, on the <c>[Stack]</c> class, of the stack) with a written
    /// reason, for example <c>[Justify("DMC3010", "Mastodon's web, streaming and sidekiq share the uploads volume.")]</c>.
    /// The diagnostic is no longer reported for this declaration, and SECURITY-AUDIT.md lists the acknowledgement.
    /// Errors cannot be acknowledged this way: each has its own justified form (for example <c>Justification</c> on
    /// <see cref="PublishAttribute"/>). <c>#pragma warning disable</c> and <c>.editorconfig</c> work as for any diagnostic.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class JustifyAttribute : Attribute
    {
        /// <summary>Acknowledges a diagnostic.</summary>
        /// <param name="check">The diagnostic ID, for example <c>DMC3010</c>.</param>
        /// <param name="reason">Why the finding is accepted (10 characters or more).</param>
        public JustifyAttribute(string check, string reason)
        {
            Check = check;
            Reason = reason;
        }

        /// <summary>The diagnostic ID that is acknowledged.</summary>
        public string Check { get; }

        /// <summary>Why.</summary>
        public string Reason { get; }
    }

    /// <summary>
    /// Declares that the ingress image is a Caddy build whose image name is not <c>caddy</c> (for example
    /// <c>lucaslorentz/caddy-docker-proxy</c>, or an image built with xcaddy), and which Caddy version it contains.
    /// The version is what the Caddy security checks (DMC1007) read, since such images are tagged with their own version.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CaddyBuildAttribute : Attribute
    {
        /// <summary>Declares a Caddy build.</summary>
        /// <param name="caddyVersion">The Caddy version inside the image, for example <c>2.10.2</c>.</param>
        public CaddyBuildAttribute(string caddyVersion)
        {
            CaddyVersion = caddyVersion;
        }

        /// <summary>The Caddy version inside the image.</summary>
        public string CaddyVersion { get; }
    }
}
