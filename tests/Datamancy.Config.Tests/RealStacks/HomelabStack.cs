namespace Datamancy.Config.Tests.RealStacks;

/// <summary>
/// A family homelab written from the upstream projects' documented compose setups: one Postgres shared by five apps
/// (databases created by a one-shot init job), Vaultwarden, Planka and Outline as OIDC clients (Outline with
/// client_secret_post), Matrix Synapse with Element, JupyterHub built from a local Dockerfile, Home Assistant with a
/// webhook bypass, Grafana, two caches (the session store declared), hairpin aliases and named profiles.
/// </summary>
public static class HomelabStack
{
    public const string Source = "using Datamancy.Config;\nnamespace RealHomelab;\n" + """
        [Stack("homelab", "home.example.net", AcmeEmail = "admin@home.example.net", Hairpin = true,
            FrontendSubnet = "172.30.1.0/24", BackendSubnet = "172.30.2.0/24", DatabaseSubnet = "172.30.3.0/24",
            DefaultMemory = "768m", DefaultCpus = "1.5", DefaultPids = 512)]
        public partial class HomelabStack;

        [UserGroups]
        public enum Family { Admins, Parents, Kids }

        [Service("caddy", "caddy:2.11.2-alpine", Role = ServiceRole.Ingress, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
        [Publish(80)]
        [Publish(443)]
        [Publish(443, Protocol = Protocol.Udp)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
        [Logging("local", Options = new[] { "max-size=20m", "max-file=5" })]
        public partial class Caddy;

        [Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
        [AutheliaSettings(SessionExpiration = "8h", SessionInactivity = "45m", RememberMe = "1M", RegulationMaxRetries = 5, RegulationFindTime = "10m", RegulationBanTime = "1h", DefaultRedirection = "home")]
        [ExternalOidcClient("home-assistant-companion", "homeassistant://auth-callback", TokenEndpointAuthMethod = TokenEndpointAuthMethod.None, Groups = new object[] { Family.Parents, Family.Admins })]
        [Healthcheck("/app/healthcheck.sh")]
        [Resources(Memory = "256m", Cpus = "0.5")]
        public partial class Authelia;

        [Service("openldap", "osixia/openldap:1.5.0", Port = 389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Ldap(UserObjectClass = "inetOrgPerson", BindUser = "cn=authelia,ou=service-accounts,dc=home,dc=example,dc=net")]
        [Env("LDAP_ORGANISATION", "Homelab")]
        [Env("LDAP_DOMAIN", "{stack.domain}")]
        [Secret("LDAP_ADMIN_PASSWORD")]
        [Volume("openldap-data", "/var/lib/ldap", Backup = Backup.Daily)]
        [Volume("openldap-config", "/etc/ldap/slapd.d", Backup = Backup.Daily)]
        [Healthcheck("ldapsearch", "-x", "-H", "ldap://127.0.0.1", "-b", "", "-s", "base")]
        public partial class OpenLdap;

        [Service("redis", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profile = Profile.Bootstrap, ReadOnlyRootFilesystem = true)]
        [SessionStore]
        [Volume("redis-data", "/data", Backup = Backup.Never)]
        [Healthcheck("redis-cli", "ping")]
        public partial class Redis;

        [Service("postgres", "postgres:16.6-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database, Profiles = new[] { "databases", "applications" },
            StopGracePeriod = "2m", ShmSize = "256m")]
        [Secret("POSTGRES_ROOT_PASSWORD", As = "POSTGRES_PASSWORD")]
        [Env("POSTGRES_USER", "postgres")]
        [Volume("postgres-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
        [Healthcheck("pg_isready", "-U", "postgres")]
        [Resources(Memory = "2g", Cpus = "2.0", Pids = 1024)]
        public partial class Postgres;

        [Service("postgres-init", "postgres:16.6-alpine", Networks = Network.Database, Profiles = new[] { "databases", "applications" },
            Entrypoint = new[] { "/bin/sh" }, Command = new[] { "/init/create-databases.sh", "vaultwarden", "planka", "outline", "synapse", "grafana" })]
        [Job]
        [Env("PGHOST", "postgres")]
        [Env("PGUSER", "postgres")]
        [Secret("POSTGRES_ROOT_PASSWORD", As = "PGPASSWORD")]
        [Secret("VAULTWARDEN_DB_PASSWORD")]
        [Secret("PLANKA_DB_PASSWORD")]
        [Secret("OUTLINE_DB_PASSWORD")]
        [Secret("SYNAPSE_DB_PASSWORD")]
        [Secret("GRAFANA_DB_PASSWORD")]
        [Volume("./postgres-init", "/init", ReadOnly = true)]
        [DependsOn(typeof(Postgres))]
        public partial class PostgresInit;

        [Service("vaultwarden", "vaultwarden/server:1.32.7", Port = 80, Networks = Network.Frontend | Network.Database, Profiles = new[] { "applications" })]
        [UiHost("vault", Sso = SsoMode.Public, Justification = "Bitwarden clients log in with the vault's own account and two-factor; forward_auth would break the apps.")]
        [Env("DOMAIN", "https://vault.{stack.domain}")]
        [Env("SIGNUPS_ALLOWED", "false")]
        [Env("DATABASE_URL", "postgresql://vaultwarden:${VAULTWARDEN_DB_PASSWORD}@postgres:5432/vaultwarden")]
        [Secret("VAULTWARDEN_DB_PASSWORD")]
        [Secret("VAULTWARDEN_ADMIN_TOKEN", As = "ADMIN_TOKEN", Kind = SecretKind.Base64Key, Length = 48)]
        [Setting("VAULTWARDEN_SMTP_HOST", "mail.{stack.domain}", As = "SMTP_HOST", Description = "SMTP relay the vault sends mail through")]
        [Secret("VAULTWARDEN_SMTP_PASSWORD", As = "SMTP_PASSWORD", Optional = true)]
        [Volume("vaultwarden-data", "/data", Backup = Backup.Daily)]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:80/alive")]
        [DependsOn(typeof(PostgresInit), Condition = DependencyCondition.CompletedSuccessfully)]
        [Uses(typeof(Postgres))]
        public partial class Vaultwarden;

        [Service("planka", "ghcr.io/plankanban/planka:1.24.3", Port = 1337, Networks = Network.Frontend | Network.Database, Profiles = new[] { "applications" })]
        [UiHost("boards", Sso = SsoMode.Oidc, OidcCallbackPath = "/oidc-callback", OidcClientSecret = "PLANKA_OIDC_SECRET",
            Justification = "Planka enforces OIDC (OIDC_ENFORCED=true): local password sign-in is disabled.")]
        [AllowedGroups(Family.Parents, Family.Admins)]
        [OidcOptions(Scopes = new[] { "openid", "profile", "email", "groups" }, RequirePkce = true, Consent = ConsentMode.Implicit)]
        [Env("BASE_URL", "https://boards.{stack.domain}")]
        [Env("DATABASE_URL", "postgresql://planka:${PLANKA_DB_PASSWORD}@postgres/planka")]
        [Env("OIDC_ISSUER", "{stack.portal_url}")]
        [Env("OIDC_CLIENT_ID", "planka")]
        [Env("OIDC_ADMIN_ROLES", "admins")]
        [Env("OIDC_ENFORCED", "true")]
        [Secret("PLANKA_DB_PASSWORD")]
        [Secret("PLANKA_SECRET_KEY", As = "SECRET_KEY", Kind = SecretKind.HexKey, Length = 64)]
        [Secret("PLANKA_OIDC_SECRET", As = "OIDC_CLIENT_SECRET")]
        [Volume("planka-attachments", "/app/private/attachments", Backup = Backup.Daily)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:1337/")]
        [DependsOn(typeof(PostgresInit), Condition = DependencyCondition.CompletedSuccessfully)]
        [Uses(typeof(Postgres))]
        public partial class Planka;

        [Service("outline", "outlinewiki/outline:0.81.1", Port = 3000, Networks = Network.Frontend | Network.Backend | Network.Database, Profiles = new[] { "applications" })]
        [UiHost("wiki", Sso = SsoMode.Oidc, OidcCallbackPath = "/auth/oidc.callback", OidcClientSecret = "OUTLINE_OIDC_SECRET",
            Justification = "Outline has no password login and no SMTP is configured for e-mail links: its OIDC provider is the only sign-in.")]
        [OidcOptions(TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretPost, Scopes = new[] { "openid", "offline_access", "profile", "email" }, GrantTypes = new[] { "authorization_code", "refresh_token" }, ResponseModes = new[] { "form_post", "query" })]
        [Env("URL", "https://wiki.{stack.domain}")]
        [Env("DATABASE_URL", "postgres://outline:${OUTLINE_DB_PASSWORD}@postgres:5432/outline")]
        [Env("PGSSLMODE", "disable")]
        [Env("REDIS_URL", "redis://outline-redis:6379")]
        [Env("FILE_STORAGE", "local")]
        [Env("OIDC_CLIENT_ID", "outline")]
        [Env("OIDC_AUTH_URI", "{stack.portal_url}/api/oidc/authorization")]
        [Env("OIDC_TOKEN_URI", "{stack.portal_url}/api/oidc/token")]
        [Env("OIDC_USERINFO_URI", "{stack.portal_url}/api/oidc/userinfo")]
        [Env("OIDC_DISPLAY_NAME", "Homelab login")]
        [Secret("OUTLINE_DB_PASSWORD")]
        [Secret("OUTLINE_SECRET_KEY", As = "SECRET_KEY", Kind = SecretKind.HexKey, Length = 32)]
        [Secret("OUTLINE_UTILS_SECRET", As = "UTILS_SECRET", Kind = SecretKind.HexKey, Length = 32)]
        [Secret("OUTLINE_OIDC_SECRET", As = "OIDC_CLIENT_SECRET")]
        [Volume("outline-data", "/var/lib/outline/data", Backup = Backup.Daily)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/_health")]
        [DependsOn(typeof(PostgresInit), Condition = DependencyCondition.CompletedSuccessfully)]
        [DependsOn(typeof(OutlineRedis))]
        [Uses(typeof(Postgres))]
        public partial class Outline;

        [Service("outline-redis", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profiles = new[] { "applications" })]
        [Healthcheck("redis-cli", "ping")]
        [Resources(Memory = "128m")]
        public partial class OutlineRedis;

        [Service("synapse", "matrixdotorg/synapse:v1.120.2", Port = 8008, Networks = Network.Frontend | Network.Database, Profiles = new[] { "applications" })]
        [UiHost("matrix", Sso = SsoMode.Public, Justification = "Matrix clients and federating servers authenticate with Matrix access tokens, not a browser session.")]
        [Env("SYNAPSE_SERVER_NAME", "{stack.domain}")]
        [Env("SYNAPSE_REPORT_STATS", "no")]
        [Env("SYNAPSE_CONFIG_PATH", "/data/homeserver.yaml")]
        [Secret("SYNAPSE_DB_PASSWORD", As = "POSTGRES_PASSWORD")]
        [Volume("synapse-data", "/data", Backup = Backup.Daily)]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:8008/health")]
        [DependsOn(typeof(PostgresInit), Condition = DependencyCondition.CompletedSuccessfully)]
        [Resources(Memory = "2g", Cpus = "2.0")]
        [Uses(typeof(Postgres))]
        public partial class Synapse;

        [Service("element", "vectorim/element-web:v1.11.88", Port = 80, Networks = Network.Frontend, Profiles = new[] { "applications" }, ReadOnlyRootFilesystem = true)]
        [UiHost("chat")]
        [AllowedGroups(Family.Parents, Family.Kids, Family.Admins)]
        [Tmpfs("/var/cache/nginx", Size = "32m")]
        [Tmpfs("/var/run", Size = "1m")]
        [Tmpfs("/tmp", Size = "16m")]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:80/")]
        public partial class Element;

        [Service("jupyterhub", "homelab/jupyterhub:5.2.1", Port = 8000, Networks = Network.Frontend | Network.Backend, Profiles = new[] { "applications" })]
        [Build("./jupyterhub", Dockerfile = "Dockerfile", Target = "hub", Args = new[] { "JUPYTERHUB_VERSION=5.2.1", "OAUTHENTICATOR_VERSION=17.1.0" }, BaseImage = "quay.io/jupyterhub/jupyterhub:5.2.1")]
        [UiHost("jupyter", Sso = SsoMode.Oidc, OidcCallbackPath = "/hub/oauth_callback", OidcClientSecret = "JUPYTERHUB_OIDC_SECRET",
            Justification = "The hub image configures GenericOAuthenticator as its only authenticator: there are no local accounts.")]
        [AllowedGroups(Family.Parents, Family.Kids)]
        [OidcOptions(TokenEndpointAuthMethod = TokenEndpointAuthMethod.ClientSecretPost, RequirePkce = true)]
        [Env("OAUTH_CALLBACK_URL", "https://jupyter.{stack.domain}/hub/oauth_callback")]
        [Env("OAUTH2_AUTHORIZE_URL", "{stack.portal_url}/api/oidc/authorization")]
        [Env("OAUTH2_TOKEN_URL", "{stack.portal_url}/api/oidc/token")]
        [Env("OAUTH_CLIENT_ID", "jupyterhub")]
        [Secret("JUPYTERHUB_OIDC_SECRET", As = "OAUTH_CLIENT_SECRET")]
        [Secret("JUPYTERHUB_CRYPT_KEY", As = "JUPYTERHUB_CRYPT_KEY", Kind = SecretKind.HexKey, Length = 32)]
        [Volume("jupyterhub-data", "/srv/jupyterhub", Backup = Backup.Weekly)]
        [Healthcheck("python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/hub/health')")]
        [Resources(Memory = "4g", Cpus = "2.0", Pids = 2048)]
        public partial class JupyterHub;

        [Service("homeassistant", "ghcr.io/home-assistant/home-assistant:2024.12.5", Port = 8123, Networks = Network.Frontend | Network.Backend, Profiles = new[] { "applications" })]
        [UiHost("ha", Policy = AuthPolicy.TwoFactor, Bypass = new[] { "^/api/webhook/", "^/auth/token$" })]
        [AllowedGroups(Family.Parents, Family.Admins)]
        [Env("TZ", "Europe/Berlin")]
        [Volume("homeassistant-config", "/config", Backup = Backup.Daily)]
        [Volume("/etc/localtime", "/etc/localtime", ReadOnly = true, Justification = "Automations run on the host's local time, including daylight saving.")]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:8123/manifest.json")]
        [Resources(Memory = "1g")]
        public partial class HomeAssistant;

        [Service("grafana", "grafana/grafana:11.4.0", Port = 3000, Networks = Network.Frontend | Network.Database, Profiles = new[] { "applications" }, User = "472")]
        [UiHost("grafana")]
        [AllowedGroups(Family.Admins)]
        [Env("GF_SERVER_ROOT_URL", "https://grafana.{stack.domain}")]
        [Env("GF_AUTH_PROXY_ENABLED", "true")]
        [Env("GF_AUTH_PROXY_HEADER_NAME", "Remote-User")]
        [Env("GF_AUTH_PROXY_HEADERS", "Email:Remote-Email Name:Remote-Name Groups:Remote-Groups")]
        [Env("GF_DATABASE_TYPE", "postgres")]
        [Env("GF_DATABASE_HOST", "postgres:5432")]
        [Env("GF_DATABASE_NAME", "grafana")]
        [Env("GF_DATABASE_USER", "grafana")]
        [Secret("GRAFANA_DB_PASSWORD", As = "GF_DATABASE_PASSWORD")]
        [Volume("grafana-data", "/var/lib/grafana", Backup = Backup.Weekly)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/api/health")]
        [DependsOn(typeof(PostgresInit), Condition = DependencyCondition.CompletedSuccessfully)]
        [Uses(typeof(Postgres))]
        public partial class Grafana;

        [Service("homepage", "ghcr.io/gethomepage/homepage:v0.10.9", Port = 3000, Networks = Network.Frontend, Profile = Profile.Bootstrap)]
        [UiHost("home")]
        [Setting("HOMEPAGE_ALLOWED_HOSTS", "home.{stack.domain}")]
        [Volume("./homepage", "/app/config", ReadOnly = true)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/api/healthcheck")]
        [Resources(Memory = "256m")]
        public partial class Homepage;
        """;
}
