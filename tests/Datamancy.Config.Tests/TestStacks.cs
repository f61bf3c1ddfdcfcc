using System.Collections.Concurrent;
using Datamancy.Config.Tests.Infrastructure;

namespace Datamancy.Config.Tests;

/// <summary>Named stacks the validator tests run over: the sample and focused small stacks.</summary>
public static class TestStacks
{
    public static readonly string[] Names = { "sample", "minimal", "api-only", "oidc-and-bypass", "exceptions", "real-homelab", "real-mail-social", "real-ai-ops", FalsePositiveStack.Name, "least-privilege" };

    private static readonly ConcurrentDictionary<string, GeneratorRun> Runs = new();

    /// <summary>
    /// One run per stack per test process. DATAMANCY_TEST_NO_CACHE=1 runs the generator every time: mutation
    /// testing reuses one test host across mutants, and a cached run would carry one mutant's output to the next.
    /// </summary>
    public static GeneratorRun Run(string name) => Cached(name, () => GeneratorHarness.Run(Sources(name)));

    /// <summary>A test class's own stack, run once per test process like <see cref="Run"/> (and every time under DATAMANCY_TEST_NO_CACHE=1).</summary>
    public static GeneratorRun RunOnce(string key, Func<GeneratorRun> run) => Cached("own:" + key, run);

    private static GeneratorRun Cached(string key, Func<GeneratorRun> run) =>
        Environment.GetEnvironmentVariable("DATAMANCY_TEST_NO_CACHE") == "1" ? run() : Runs.GetOrAdd(key, _ => run());

    public static string[] Sources(string name) => name switch
    {
        "sample" => GeneratorHarness.SampleSources(),
        "minimal" => new[] { Minimal },
        "api-only" => new[] { ApiOnly },
        "oidc-and-bypass" => new[] { OidcAndBypass },
        "exceptions" => new[] { Exceptions },
        "real-homelab" => new[] { RealStacks.HomelabStack.Source },
        "real-mail-social" => new[] { RealStacks.MailSocialStack.Source },
        "real-ai-ops" => new[] { RealStacks.AiOpsStack.Source },
        FalsePositiveStack.Name => new[] { FalsePositiveStack.Source },
        "least-privilege" => new[] { LeastPrivilege },
        _ => throw new ArgumentException(name),
    };

    public const string Ingress = """
        [Service("caddy", "caddy:2.11.2", Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Bootstrap)]
        [Publish(443)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
        public partial class Caddy;
        """;

    public const string Sso = """
        [Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
        [Healthcheck("/app/healthcheck.sh")]
        public partial class Authelia;

        [Service("ldap", "osixia/openldap:1.5.0", Port = 389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Secret("LDAP_ADMIN_PASSWORD")]
        [Volume("ldap-data", "/var/lib/ldap", Backup = Backup.Daily)]
        [Healthcheck("ldapsearch", "-x")]
        public partial class Ldap;
        """;

    public const string Minimal = "using Datamancy.Config;\nnamespace Minimal;\n" + """
        [Stack("minimal", "example.org", AcmeEmail = "ops@example.org")]
        public partial class MinimalStack;

        """ + Ingress + "\n" + Sso + "\n" + """
        [Service("whoami", "traefik/whoami:v1.10.3", Port = 80, Networks = Network.Frontend)]
        [UiHost("whoami")]
        [Healthcheck("/whoami", "--version")]
        public partial class WhoAmI;
        """;

    public const string ApiOnly = "using Datamancy.Config;\nnamespace ApiOnly;\n" + """
        #pragma warning disable DMC4003 // acknowledged: this stack exercises the staging directory on purpose
        [Stack("api-only", "example.net", AcmeEmail = "ops@example.net", AcmeStaging = true)]
        public partial class ApiStack;
        #pragma warning restore DMC4003

        """ + Ingress + "\n" + """
        [Service("inference", "localai/localai:v2.24.2", Port = 8080, Networks = Network.Frontend)]
        [ApiHost(ApiKeySecret = "INFERENCE_API_KEY", DefaultAllowlist = new[] { "10.8.0.0/24", "fd00:1::/64" })]
        [Secret("INFERENCE_API_KEY")]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:8080/readyz")]
        public partial class Inference;

        [Service("status", "louislam/uptime-kuma:1.23.16", Port = 3001, Networks = Network.Frontend)]
        [UiHost("status", Sso = SsoMode.Public, Justification = "Public status page without login by design.")]
        [Volume("status-data", "/app/data", Backup = Backup.Weekly)]
        [Healthcheck("node", "extra/healthcheck.js")]
        public partial class Status;
        """;

    public const string OidcAndBypass = "using Datamancy.Config;\nnamespace OidcAndBypass;\n" + """
        #pragma warning disable DMC4004 // acknowledged: this stack exercises a one_factor default on purpose
        [Stack("oidc", "corp.example.com", AcmeEmail = "ops@corp.example.com", DefaultPolicy = AuthPolicy.OneFactor, Kubernetes = true)]
        public partial class OidcStack;
        #pragma warning restore DMC4004

        [UserGroups]
        public enum Team { Admins, DataScientists }

        """ + Ingress + "\n" + Sso + "\n" + """
        [Service("redis", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Healthcheck("redis-cli", "ping")]
        public partial class Redis;

        [Service("gitea", "gitea/gitea:1.22.3", Port = 3000, Networks = Network.Frontend | Network.Backend)]
        [UiHost("git", Sso = SsoMode.Oidc, OidcCallbackPath = "/user/oauth2/authelia/callback", OidcClientSecret = "GITEA_OIDC_SECRET",
            Justification = "Gitea allows only its Authelia OIDC source: local sign-in and registration are disabled.")]
        [AllowedGroups(Team.DataScientists)]
        [Secret("GITEA_OIDC_SECRET")]
        [Volume("gitea-data", "/data", Backup = Backup.Daily)]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:3000/api/healthz")]
        public partial class Gitea;

        [Service("n8n", "n8nio/n8n:1.70.3", Port = 5678, Networks = Network.Frontend | Network.Backend)]
        [UiHost("n8n", Policy = AuthPolicy.TwoFactor, Bypass = new[] { "^/webhook/" })]
        [AllowedGroups(Team.Admins, Team.DataScientists)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:5678/healthz")]
        [DependsOn(typeof(Redis), Condition = DependencyCondition.Started)]
        public partial class N8n;

        [Service("vectors", "qdrant/qdrant:v1.12.4", Port = 6333, Networks = Network.Frontend)]
        [ApiHost(ClientCredentials = true)]
        [Volume("vectors-data", "/qdrant/storage", Backup = Backup.Daily)]
        [Healthcheck("bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/6333")]
        public partial class Vectors;
        """;

    /// <summary>Every justified exception the rules allow, declared in C#, so the build is clean and the audit lists them.</summary>
    public const string Exceptions = "using Datamancy.Config;\nnamespace Exceptions;\n" + """
        [Stack("exceptions", "example.com", AcmeEmail = "ops@example.com", Kubernetes = true)]
        public partial class ExceptionsStack;

        """ + Ingress + "\n" + Sso + "\n" + """
        [Service("status", "louislam/uptime-kuma:1.23.16", Port = 3001, Networks = Network.Frontend)]
        [UiHost("status", Sso = SsoMode.Public, Justification = "Public status page without login by design.")]
        [Volume("status-data", "/app/data", Backup = Backup.Weekly)]
        [Healthcheck("node", "extra/healthcheck.js")]
        public partial class Status;

        [Service("hooks", "example/hooks:2.3.1", Port = 9000, Networks = Network.Frontend)]
        [ApiHost(ApiKeySecret = "HOOKS_API_KEY", DefaultAllowlist = new[] { "0.0.0.0/0", "::/0" }, PublicJustification = "Webhook senders call from anywhere; every call carries the key.")]
        [Secret("HOOKS_API_KEY")]
        [Healthcheck("/hooks", "--health")]
        public partial class Hooks;

        #pragma warning disable DMC5001
        [Service("mail", "docker.io/mailserver/docker-mailserver:14.0.0", Networks = Network.Backend)]
        [Publish(25, Justification = "SMTP is not HTTP and cannot be routed through Caddy.")]
        [Volume("mail-data", "/var/mail", Backup = Backup.Daily)]
        [Healthcheck("ss", "-lnt")]
        public partial class Mail;
        #pragma warning restore DMC5001

        #pragma warning disable DMC5001 // acknowledged: on Kubernetes the socket is a hostPath exception and SMTP needs its own Service
        [Service("tools", "example/kfuncdb:0.4.2", Networks = Network.Backend)]
        [Capabilities("host.docker.inspect", "host.shell.exec", Justification = "Runs the nightly maintenance scripts on the host.")]
        [DockerSocket]
        [Healthcheck("/kfuncdb", "health")]
        public partial class Tools;
        #pragma warning restore DMC5001

        [Service("vpn", "example/wireguard:1.0.20210914", Networks = Network.Backend)]
        [Elevated(Elevation.CapAdd, "NET_ADMIN", "SYS_MODULE", Justification = "WireGuard creates and configures its interface.")]
        [Elevated(Elevation.HostNetwork, Justification = "Peers reach the tunnel on the host's address.")]
        [Healthcheck("wg", "show")]
        public partial class Vpn;

        [Service("monitor", "example/node-exporter:1.8.2", Networks = Network.Backend)]
        [Elevated(Elevation.HostPid, Justification = "Reports per-process metrics of the host.")]
        [Elevated(Elevation.HostIpc, Justification = "Reads the host's shared-memory statistics.")]
        [Elevated(Elevation.HostUserns, Justification = "Reads host files with their host owners.")]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:9100/")]
        public partial class Monitor;

        [Service("sandbox", "example/sandbox:3.1.0", Networks = Network.Backend)]
        [Elevated(Elevation.Privileged, Justification = "Runs nested containers for CI jobs.")]
        [Elevated(Elevation.SeccompUnconfined, Justification = "The sandbox installs its own seccomp filter per job.")]
        [Healthcheck("/sandbox", "ping")]
        public partial class Sandbox;
        """;

    /// <summary>
    /// Least privilege on both targets: links per network (NetworkLayout.PerLink), every pod non-root with numeric users so the
    /// Kubernetes namespace can enforce 'restricted', replicas on a stateless API, two clients of one database, an app-to-app link,
    /// a database nobody uses, an OIDC client and internet egress.
    /// </summary>
    public const string LeastPrivilege = "using Datamancy.Config;\nnamespace LeastPrivilege;\n" + """
        [Stack("lp", "lp.example.org", AcmeEmail = "ops@lp.example.org", Networking = NetworkLayout.PerLink, Kubernetes = true)]
        public partial class LpStack;

        [UserGroups]
        public enum Team { Admins, Staff }

        [Service("caddy", "caddy:2.11.2", Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Bootstrap, User = "1000:1000")]
        [Publish(80)]
        [Publish(443)]
        [Publish(443, Protocol = Protocol.Udp)]
        [Elevated(Elevation.CapAdd, "NET_BIND_SERVICE", Justification = "Caddy binds 80 and 443 as a non-root user.")]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
        public partial class Caddy;

        [Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap, User = "8000:8000")]
        [Healthcheck("/app/healthcheck.sh")]
        public partial class Authelia;

        [Service("ldap", "bitnami/openldap:2.6.8", Port = 1389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap, User = "1001:1001")]
        [Secret("LDAP_ADMIN_PASSWORD")]
        [Volume("ldap-data", "/bitnami/openldap", Backup = Backup.Daily)]
        [Healthcheck("ldapsearch", "-x", "-H", "ldap://127.0.0.1:1389", "-b", "", "-s", "base")]
        public partial class Ldap;

        [Service("sessions", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profile = Profile.Bootstrap, User = "999:999")]
        [Healthcheck("redis-cli", "ping")]
        public partial class Sessions;

        [Service("db", "postgres:16.4-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database, User = "70:70")]
        [Secret("POSTGRES_PASSWORD")]
        [Volume("db-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
        [Healthcheck("pg_isready", "-U", "postgres")]
        public partial class Db;

        [Service("analytics", "clickhouse/clickhouse-server:24.8.6.70", Port = 8123, Role = ServiceRole.Database, Networks = Network.Database, User = "101:101")]
        [Volume("analytics-data", "/var/lib/clickhouse", Backup = Backup.Weekly)]
        [Healthcheck("clickhouse-client", "--query", "SELECT 1")]
        public partial class Analytics;

        [Service("api", "example/api:2.0.1", Port = 8000, Networks = Network.Frontend | Network.Database, User = "10001:10001", Replicas = 3)]
        [ApiHost(ApiKeySecret = "API_KEY")]
        [Secret("API_KEY")]
        [Secret("POSTGRES_PASSWORD", As = "DB_PASSWORD")]
        [Env("DATABASE_URL", "postgres://app:${POSTGRES_PASSWORD}@db:5432/app")]
        [Env("GREETING", "costs $5 (literal dollar)")]
        [Egress("Calls the payment provider's public API.")]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:8000/health")]
        [DependsOn(typeof(Db))]
        [Resources(Memory = "768m", Cpus = "0.5", Pids = 256)]
        public partial class Api;

        [Service("portal", "example/portal:1.4.0", Port = 3000, Networks = Network.Frontend | Network.Database, User = "10002:10002")]
        [UiHost("portal", Sso = SsoMode.Oidc, OidcClientSecret = "PORTAL_OIDC_SECRET",
            Justification = "The portal has no local accounts: its only login is the Authelia OIDC client.")]
        [AllowedGroups(Team.Staff)]
        [Secret("PORTAL_OIDC_SECRET")]
        [Secret("POSTGRES_PASSWORD")]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/health")]
        [Uses(typeof(Db))]
        [Uses(typeof(Api))]
        public partial class Portal;

        [Service("worker", "example/worker:1.4.0", Networks = Network.Backend, User = "10003:10003", Command = new[] { "work", "--queue", "$QUEUE" })]
        [Healthcheck("/worker", "health")]
        [Uses(typeof(Api))]
        public partial class Worker;
        """;
}
