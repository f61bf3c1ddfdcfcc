namespace Datamancy.Config.Tests.RealStacks;

/// <summary>
/// An AI and operations stack written from the upstream compose setups, split into named profiles (infrastructure,
/// ai, vector-databases, databases): a Docker socket proxy and its consumers (Dockge, Portainer with its agent),
/// Kopia backing up the Docker volumes, LocalAI on the GPU without a memory cap, LiteLLM with its own Redis and
/// Postgres, Open WebUI as an OIDC client, Qdrant, ClickHouse and CouchDB with a one-shot init job.
/// The ingress is plain Caddy: caddy-docker-proxy is not yet recognised as Caddy (issue 12 section 2).
/// </summary>
public static class AiOpsStack
{
    public const string Source = "using Datamancy.Config;\nnamespace RealAiOps;\n" + """
        [Stack("aiops", "lab.example.com", AcmeEmail = "ops@lab.example.com", DefaultMemory = "1g", DefaultCpus = "1.0", DefaultPids = 512,
            Networking = NetworkLayout.PerLink)]
        public partial class AiOpsStack;

        [UserGroups]
        public enum Team { Admins, Engineers, Analysts }

        [Service("caddy", "caddy:2.11.2-alpine", Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Bootstrap)]
        [Publish(80)]
        [Publish(443)]
        [Publish(443, Protocol = Protocol.Udp)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
        [Resources(Memory = "256m")]
        public partial class Caddy;

        [Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
        [ExternalOidcClient("grafana-cloud", "https://lab.grafana.net/login/generic_oauth", ClientSecret = "GRAFANA_CLOUD_OIDC_SECRET", Groups = new object[] { Team.Admins }, Policy = AuthPolicy.TwoFactor)]
        [Healthcheck("/app/healthcheck.sh")]
        [Resources(Memory = "256m")]
        public partial class Authelia;

        [Service("openldap", "bitnami/openldap:2.6.9", Port = 1389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Ldap(UsersDn = "ou=users", GroupsDn = "ou=groups", UserObjectClass = "inetOrgPerson")]
        [Env("LDAP_ROOT", "{stack.base_dn}")]
        [Env("LDAP_ADMIN_USERNAME", "admin")]
        [Secret("LDAP_ADMIN_PASSWORD")]
        [Volume("openldap-data", "/bitnami/openldap", Backup = Backup.Daily)]
        [Healthcheck("ldapsearch", "-x", "-H", "ldap://127.0.0.1:1389", "-b", "", "-s", "base")]
        public partial class OpenLdap;

        [Service("redis", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [SessionStore]
        [Healthcheck("redis-cli", "ping")]
        [Resources(Memory = "128m")]
        public partial class Redis;

        #pragma warning disable DMC3004 // acknowledged: the proxy forwards an allowlisted part of the Docker API; it has no capability list of its own
        [Service("socket-proxy", "tecnativa/docker-socket-proxy:0.3.0", Port = 2375, Networks = Network.Backend, Profiles = new[] { "infrastructure" }, ReadOnlyRootFilesystem = true)]
        [DockerSocket(SourceVariable = "DOCKER_SOCKET")]
        [Env("CONTAINERS", "1")]
        [Env("IMAGES", "1")]
        [Env("NETWORKS", "1")]
        [Env("VOLUMES", "1")]
        [Env("INFO", "1")]
        [Env("POST", "0")]
        [Tmpfs("/run", Size = "8m")]
        [Tmpfs("/var/lib/haproxy", Size = "8m")]
        [Healthcheck("wget", "-q", "-O-", "http://127.0.0.1:2375/_ping")]
        [Resources(Memory = "64m", Cpus = "0.25")]
        public partial class SocketProxy;

        [Service("portainer-agent", "portainer/agent:2.21.5", Port = 9001, Networks = Network.Backend, Profiles = new[] { "infrastructure" })]
        [DockerSocket]
        [Volume("/var/lib/docker/volumes", "/var/lib/docker/volumes", ReadOnly = true, Justification = "The agent browses volume contents for the Portainer UI.")]
        [Healthcheck("/app/agent", "--version")]
        public partial class PortainerAgent;
        #pragma warning restore DMC3004

        [Service("portainer", "portainer/portainer-ce:2.21.5", Port = 9000, Networks = Network.Frontend | Network.Backend, Profiles = new[] { "infrastructure" },
            Command = new[] { "-H", "tcp://portainer-agent:9001", "--tlsskipverify" })]
        [UiHost("portainer")]
        [AllowedGroups(Team.Admins)]
        [Volume("portainer-data", "/data", Backup = Backup.Daily)]
        [Healthcheck("/portainer", "--version")]
        [DependsOn(typeof(PortainerAgent))]
        public partial class Portainer;

        [Service("dockge", "louislam/dockge:1.4.2", Port = 5001, Networks = Network.Frontend | Network.Backend, Profiles = new[] { "infrastructure" })]
        [UiHost("dockge")]
        [AllowedGroups(Team.Admins)]
        [Env("DOCKER_HOST", "tcp://socket-proxy:2375")]
        [Setting("DOCKGE_STACKS_DIR", "/opt/stacks")]
        [Volume("dockge-data", "/app/data", Backup = Backup.Weekly)]
        [Volume("/opt/stacks", "/opt/stacks", SourceVariable = "DOCKGE_STACKS_DIR", Justification = "Dockge edits compose files at the same absolute path the Docker daemon resolves them.")]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:5001/")]
        [DependsOn(typeof(SocketProxy))]
        public partial class Dockge;

        [Service("kopia", "kopia/kopia:0.18.2", Port = 51515, Networks = Network.Frontend | Network.Backend, Profiles = new[] { "infrastructure" },
            Command = new[] { "server", "start", "--insecure", "--address=0.0.0.0:51515", "--without-password" })]
        [UiHost("backup")]
        [AllowedGroups(Team.Admins)]
        [Secret("KOPIA_REPOSITORY_PASSWORD", As = "KOPIA_PASSWORD")]
        [Env("TZ", "UTC")]
        [Volume("kopia-config", "/app/config", Backup = Backup.Daily)]
        [Volume("kopia-cache", "/app/cache", Backup = Backup.Never)]
        [Volume("./kopia/repository", "/repository")]
        [Volume("/var/lib/docker/volumes", "/data/volumes", ReadOnly = true, Justification = "Kopia snapshots every Docker volume of the host, read-only.")]
        [Ulimit("nofile", 65536, 65536)]
        [Healthcheck("kopia", "repository", "status")]
        [Resources(Memory = "2g", Cpus = "2.0")]
        public partial class Kopia;

        [Service("localai", "localai/localai:v2.24.2-cublas-cuda12", Port = 8080, Networks = Network.Frontend | Network.Backend, Profiles = new[] { "ai" }, ShmSize = "8g")]
        [ApiHost(ApiKeySecret = "LOCALAI_API_KEY", DefaultAllowlist = new[] { "10.20.0.0/16" })]
        [Secret("LOCALAI_API_KEY", As = "LOCALAI_API_KEY")]
        [Env("MODELS_PATH", "/models")]
        [Env("THREADS", "8")]
        [Volume("localai-models", "/models", Backup = Backup.Never)]
        [Gpu(Count = 1, Capabilities = new[] { "gpu", "compute", "utility" })]
        [Ulimit("memlock", -1, -1)]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:8080/readyz", StartPeriod = "5m")]
        [Resources(NoLimit = true, Justification = "A 70B model needs most of the host's RAM; a cap would kill the server mid-inference.")]
        public partial class LocalAi;

        [Service("ai-postgres", "postgres:16.6-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database, Profiles = new[] { "ai", "databases" })]
        [Env("POSTGRES_USER", "litellm")]
        [Env("POSTGRES_DB", "litellm")]
        [Secret("LITELLM_DB_PASSWORD", As = "POSTGRES_PASSWORD")]
        [Volume("ai-postgres-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
        [Healthcheck("pg_isready", "-U", "litellm")]
        public partial class AiPostgres;

        [Service("litellm-redis", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profiles = new[] { "ai" })]
        [Healthcheck("redis-cli", "ping")]
        [Resources(Memory = "256m")]
        public partial class LitellmRedis;

        [Service("litellm", "ghcr.io/berriai/litellm:main-v1.55.8", Port = 4000, Networks = Network.Frontend | Network.Backend | Network.Database, Profiles = new[] { "ai" },
            Command = new[] { "--config", "/app/config.yaml", "--port", "4000" })]
        [UiHost("litellm")]
        [AllowedGroups(Team.Admins, Team.Engineers)]
        [ApiHost(ApiKeySecret = "LITELLM_MASTER_KEY")]
        [Secret("LITELLM_MASTER_KEY", Prefix = "sk-")]
        [Secret("LITELLM_SALT_KEY", Prefix = "sk-")]
        [Secret("LOCALAI_API_KEY")]
        [Secret("OPENAI_API_KEY", Optional = true)]
        [Env("DATABASE_URL", "postgresql://litellm:${LITELLM_DB_PASSWORD}@ai-postgres:5432/litellm")]
        [Env("REDIS_HOST", "litellm-redis")]
        [Env("STORE_MODEL_IN_DB", "True")]
        [Secret("LITELLM_DB_PASSWORD")]
        [Volume("./litellm/config.yaml", "/app/config.yaml", ReadOnly = true)]
        [Healthcheck("python3", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:4000/health/liveliness')")]
        [DependsOn(typeof(AiPostgres))]
        [DependsOn(typeof(LitellmRedis))]
        [Resources(Memory = "2g", Cpus = "2.0")]
        public partial class LiteLlm;

        [Service("open-webui", "ghcr.io/open-webui/open-webui:v0.5.7", Port = 8080, Networks = Network.Frontend | Network.Backend | Network.Database, Profiles = new[] { "ai" })]
        [UiHost("chat", Sso = SsoMode.Oidc, OidcCallbackPath = "/oauth/oidc/callback", OidcClientSecret = "OPEN_WEBUI_OIDC_SECRET",
            Justification = "Open WebUI shows no password form (ENABLE_LOGIN_FORM=false): OAuth through Authelia is its only sign-in.")]
        [AllowedGroups(Team.Admins, Team.Engineers, Team.Analysts)]
        [OidcOptions(Scopes = new[] { "openid", "profile", "email", "groups" }, Consent = ConsentMode.Implicit)]
        [Env("WEBUI_URL", "https://chat.{stack.domain}")]
        [Env("ENABLE_OAUTH_SIGNUP", "true")]
        [Env("ENABLE_LOGIN_FORM", "false")]
        [Env("OAUTH_PROVIDER_NAME", "Lab login")]
        [Env("OPENID_PROVIDER_URL", "{stack.portal_url}/.well-known/openid-configuration")]
        [Env("OAUTH_CLIENT_ID", "open-webui")]
        [Env("OPENAI_API_BASE_URL", "http://litellm:4000/v1")]
        [Env("OPENAI_API_KEY", "${LITELLM_MASTER_KEY}")]
        [Env("VECTOR_DB", "qdrant")]
        [Env("QDRANT_URI", "http://qdrant:6333")]
        [Env("OLLAMA_BASE_URL", "http://host.docker.internal:11434")]
        [Secret("LITELLM_MASTER_KEY", Prefix = "sk-")]
        [Secret("OPEN_WEBUI_OIDC_SECRET", As = "OAUTH_CLIENT_SECRET")]
        [Secret("QDRANT_API_KEY")]
        [ExtraHost("host.docker.internal", "host-gateway", Justification = "Reaches the Ollama server that runs on the host next to the GPU driver.")]
        [Volume("open-webui-data", "/app/backend/data", Backup = Backup.Daily)]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:8080/health")]
        [DependsOn(typeof(LiteLlm))]
        [DependsOn(typeof(Qdrant))]
        public partial class OpenWebUi;

        [Service("qdrant", "qdrant/qdrant:v1.12.5", Port = 6333, Role = ServiceRole.Database, Networks = Network.Database, Profiles = new[] { "vector-databases", "ai" })]
        [Secret("QDRANT_API_KEY", As = "QDRANT__SERVICE__API_KEY")]
        [Volume("qdrant-storage", "/qdrant/storage", Backup = Backup.Weekly)]
        [Healthcheck("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/6333")]
        [Resources(Memory = "4g", Cpus = "2.0")]
        public partial class Qdrant;

        [Service("clickhouse", "clickhouse/clickhouse-server:24.8.9.95-alpine", Port = 8123, Role = ServiceRole.Database, Networks = Network.Database, Profiles = new[] { "databases" })]
        [Env("CLICKHOUSE_USER", "analytics")]
        [Env("CLICKHOUSE_DEFAULT_ACCESS_MANAGEMENT", "1")]
        [Secret("CLICKHOUSE_PASSWORD")]
        [Volume("clickhouse-data", "/var/lib/clickhouse", Backup = Backup.Daily)]
        [Volume("clickhouse-logs", "/var/log/clickhouse-server", Backup = Backup.Never)]
        [Ulimit("nofile", 262144, 262144)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:8123/ping")]
        [Resources(Memory = "8g", Cpus = "4.0", Pids = 4096)]
        public partial class ClickHouse;

        [Service("couchdb", "couchdb:3.4.2", Port = 5984, Role = ServiceRole.Database, Networks = Network.Database, Profiles = new[] { "databases" })]
        [Env("COUCHDB_USER", "admin")]
        [Secret("COUCHDB_PASSWORD")]
        [Volume("couchdb-data", "/opt/couchdb/data", Backup = Backup.Daily)]
        [Healthcheck("curl -fsS -u \"admin:$COUCHDB_PASSWORD\" http://127.0.0.1:5984/_up", Shell = true)]
        public partial class CouchDb;

        [Service("couchdb-init", "curlimages/curl:8.11.1", Networks = Network.Database, Profiles = new[] { "databases" },
            Command = new[] { "sh", "-c", "for db in _users _replicator; do curl -fsS -u \"admin:$COUCHDB_PASSWORD\" -X PUT \"http://couchdb:5984/$db\" || true; done" })]
        [Job]
        [Secret("COUCHDB_PASSWORD")]
        [DependsOn(typeof(CouchDb))]
        public partial class CouchDbInit;
        """;
}
