using System;

namespace Datamancy.Config
{
    /// <summary>The networks of the stack, as the security guide splits them.</summary>
    [Flags]
    public enum Network
    {
        /// <summary>No network.</summary>
        None = 0,
        /// <summary>The network the ingress routes over.</summary>
        Frontend = 1,
        /// <summary>Service-to-service traffic.</summary>
        Backend = 2,
        /// <summary>Databases only; always generated as an internal network.</summary>
        Database = 4,
    }

    /// <summary>When a service starts: bootstrap services are also part of the full stack.</summary>
    public enum Profile
    {
        /// <summary>Started in the bootstrap subset and in the full stack.</summary>
        Bootstrap = 0,
        /// <summary>Started only in the full stack.</summary>
        Full = 1,
    }

    /// <summary>The role a service plays in the stack; roles drive the security rules.</summary>
    public enum ServiceRole
    {
        /// <summary>An ordinary application.</summary>
        App = 0,
        /// <summary>The single ingress and TLS terminator (Caddy).</summary>
        Ingress = 1,
        /// <summary>The SSO provider (Authelia).</summary>
        Sso = 2,
        /// <summary>The LDAP directory that holds users and groups.</summary>
        Directory = 3,
        /// <summary>A database: never published, only on the database network.</summary>
        Database = 4,
        /// <summary>A cache or session store (for example Redis).</summary>
        Cache = 5,
        /// <summary>
        /// A Docker socket proxy (for example tecnativa/docker-socket-proxy): the one service that mounts the socket
        /// (read-only) and offers an allowlisted Docker API to the others. It is not told to use a socket proxy (DMC3006)
        /// and needs no <c>host.docker.*</c> capability (DMC3004); any other service that mounts the socket while the
        /// stack has a proxy is warned (DMC3013).
        /// </summary>
        SocketProxy = 6,
    }

    /// <summary>How a UI host authenticates its users.</summary>
    public enum SsoMode
    {
        /// <summary>Caddy <c>forward_auth</c> through Authelia (the default).</summary>
        ForwardAuth = 0,
        /// <summary>The application itself is an Authelia OIDC client.</summary>
        Oidc = 1,
        /// <summary>No SSO; requires a written justification.</summary>
        Public = 2,
    }

    /// <summary>Authelia authorization levels.</summary>
    public enum AuthPolicy
    {
        /// <summary>The stack's default policy.</summary>
        Default = 0,
        /// <summary>Username and password.</summary>
        OneFactor = 1,
        /// <summary>Username, password and a second factor (TOTP).</summary>
        TwoFactor = 2,
    }

    /// <summary>The decision about backing up a persistent volume.</summary>
    public enum Backup
    {
        /// <summary>No decision was made yet.</summary>
        Undecided = 0,
        /// <summary>Back up daily.</summary>
        Daily = 1,
        /// <summary>Back up weekly.</summary>
        Weekly = 2,
        /// <summary>Deliberately not backed up (caches, reproducible data).</summary>
        Never = 3,
    }

    /// <summary>The condition a dependency must reach before a service starts.</summary>
    public enum DependencyCondition
    {
        /// <summary>The dependency reports healthy.</summary>
        Healthy = 0,
        /// <summary>The dependency has started.</summary>
        Started = 1,
        /// <summary>The dependency is a one-shot <see cref="JobAttribute"/> that exited with code 0.</summary>
        CompletedSuccessfully = 2,
    }

    /// <summary>How an OIDC client authenticates at Authelia's token endpoint.</summary>
    public enum TokenEndpointAuthMethod
    {
        /// <summary><c>client_secret_basic</c> (HTTP Basic; the default).</summary>
        ClientSecretBasic = 0,
        /// <summary><c>client_secret_post</c> (in the form body; Outline, JupyterHub).</summary>
        ClientSecretPost = 1,
        /// <summary><c>none</c>: a public client (a phone or desktop app) without a secret; requires PKCE.</summary>
        None = 2,
    }

    /// <summary>When Authelia asks the user to consent to an OIDC client.</summary>
    public enum ConsentMode
    {
        /// <summary>Authelia's default (<c>auto</c>).</summary>
        Auto = 0,
        /// <summary>Ask every time.</summary>
        Explicit = 1,
        /// <summary>Never ask (first-party apps).</summary>
        Implicit = 2,
        /// <summary>Ask once and remember the decision.</summary>
        PreConfigured = 3,
    }

    /// <summary>The transport of a published port.</summary>
    public enum Protocol
    {
        /// <summary>TCP.</summary>
        Tcp = 0,
        /// <summary>UDP (for example HTTP/3 on 443).</summary>
        Udp = 1,
    }

    /// <summary>How the secrets command creates a secret's value.</summary>
    public enum SecretKind
    {
        /// <summary>Random letters and digits; <c>Length</c> characters (32 unless stated).</summary>
        Password = 0,
        /// <summary><c>Length</c> random bytes (32 unless stated), hex-encoded.</summary>
        HexKey = 1,
        /// <summary><c>Length</c> random bytes (32 unless stated), base64-encoded.</summary>
        Base64Key = 2,
        /// <summary>An RSA private key of <c>Length</c> bits (4096 unless stated), PKCS#8 PEM on one line.</summary>
        RsaPrivateKey = 3,
        /// <summary>An OIDC client secret: the plaintext for the application, and its PBKDF2 digest for Authelia as <c>NAME_DIGEST</c>.</summary>
        OidcClientSecret = 4,
    }
}
