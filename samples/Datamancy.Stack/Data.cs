using Datamancy.Config;

namespace Datamancy.Stack;

/// <summary>Qdrant: vector database; 6333/6334 are reached by service name only.</summary>
[Service("qdrant", "qdrant/qdrant:v1.12.4", Port = 6333, Role = ServiceRole.Database, Networks = Network.Database)]
[Volume("qdrant-data", "/qdrant/storage", Backup = Backup.Daily)]
[Healthcheck("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/6333")]
[Resources(Memory = "2g", Cpus = "1.0", Pids = 512)]
public static partial class Qdrant;

/// <summary>ClickHouse: analytics; the native TCP port 9000 is never published.</summary>
[Service("clickhouse", "clickhouse/clickhouse-server:24.8.6.70", Port = 8123, Role = ServiceRole.Database, Networks = Network.Database)]
[Secret("CLICKHOUSE_PASSWORD")]
[Volume("clickhouse-data", "/var/lib/clickhouse", Backup = Backup.Daily)]
[Healthcheck("clickhouse-client", "--query", "SELECT 1")]
[Resources(Memory = "4g", Cpus = "2.0", Pids = 1024)]
public static partial class ClickHouse;

/// <summary>Postgres: relational data for the apps.</summary>
[Service("postgres", "postgres:16.4-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]
[Secret("POSTGRES_PASSWORD")]
[Volume("postgres-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
[Healthcheck("pg_isready", "-U", "postgres")]
[Resources(Memory = "1g", Cpus = "1.0", Pids = 512)]
public static partial class Postgres;

/// <summary>Grafana: signs users in itself, as an Authelia OIDC client.</summary>
[Service("grafana", "grafana/grafana:11.3.0", Port = 3000, Networks = Network.Frontend | Network.Database)]
[UiHost("grafana", Sso = SsoMode.Oidc, OidcCallbackPath = "/login/generic_oauth", OidcClientSecret = "GRAFANA_OIDC_CLIENT_SECRET",
    Justification = "Grafana signs users in only through Authelia OIDC: its login form and anonymous access are turned off below.")]
[AllowedGroups(Group.Admins)]
[Secret("GRAFANA_OIDC_CLIENT_SECRET", As = "GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET")]
[Secret("POSTGRES_PASSWORD", As = "GF_DATABASE_PASSWORD")]
[Env("GF_SERVER_ROOT_URL", "https://grafana.{stack.domain}")]
[Env("GF_DATABASE_TYPE", "postgres")]
[Env("GF_DATABASE_HOST", "postgres:5432")]
[Env("GF_AUTH_GENERIC_OAUTH_ENABLED", "true")]
[Env("GF_AUTH_GENERIC_OAUTH_NAME", "Authelia")]
[Env("GF_AUTH_GENERIC_OAUTH_CLIENT_ID", "grafana")]
[Env("GF_AUTH_GENERIC_OAUTH_SCOPES", "openid profile email groups")]
[Env("GF_AUTH_GENERIC_OAUTH_AUTH_URL", "{stack.portal_url}/api/oidc/authorization")]
[Env("GF_AUTH_GENERIC_OAUTH_TOKEN_URL", "{stack.portal_url}/api/oidc/token")]
[Env("GF_AUTH_GENERIC_OAUTH_API_URL", "{stack.portal_url}/api/oidc/userinfo")]
[Env("GF_AUTH_DISABLE_LOGIN_FORM", "true")]
[Env("GF_AUTH_ANONYMOUS_ENABLED", "false")]
[Env("GF_AUTH_BASIC_ENABLED", "false")]
[Volume("grafana-data", "/var/lib/grafana", Backup = Backup.Daily)]
[Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/api/health")]
[DependsOn(typeof(Postgres))]
public static partial class Grafana;
