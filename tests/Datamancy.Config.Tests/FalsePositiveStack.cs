namespace Datamancy.Config.Tests;

/// <summary>
/// The compliant forms of the false positives a real stack met (issue #12, section 2), in one stack that must build
/// clean and pass every validator and the real-Caddy proof: a caddy-docker-proxy ingress on frontend and backend, a UI
/// reachable over backend, CGNAT / link-local / bare-address / private_ranges allowlists, an Authelia secret declared
/// identically, a socket proxy with a consumer, a database on the internal network only, and acknowledged shared volumes.
/// </summary>
public static class FalsePositiveStack
{
    public const string Name = "false-positives";

    public const string Source = "using Datamancy.Config;\nnamespace FalsePositives;\n" + """
        [Stack("fp", "example.com", AcmeEmail = "ops@example.com")]
        public partial class FpStack;

        [Service("caddy", "lucaslorentz/caddy-docker-proxy:2.9.2-alpine", Role = ServiceRole.Ingress, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
        [CaddyBuild("2.11.2")]
        [Publish(80)]
        [Publish(443)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
        public partial class Caddy;

        [Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Secret("AUTHELIA_SESSION_SECRET")]
        [Healthcheck("/app/healthcheck.sh")]
        public partial class Authelia;

        [Service("ldap", "osixia/openldap:1.5.0", Port = 389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Secret("LDAP_ADMIN_PASSWORD")]
        [Volume("ldap-data", "/var/lib/ldap", Backup = Backup.Daily)]
        [Healthcheck("ldapsearch", "-x")]
        public partial class Ldap;

        [Service("grafana", "grafana/grafana:11.3.1", Port = 3000, Networks = Network.Backend | Network.Database)]
        [UiHost("grafana")]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/api/health")]
        [DependsOn(typeof(Postgres))]
        public partial class Grafana;

        [Service("postgres", "postgres:16.4", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]
        [Secret("POSTGRES_PASSWORD")]
        [Volume("pg-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
        [Healthcheck("pg_isready", "-U", "postgres")]
        public partial class Postgres;

        [Service("litellm", "ghcr.io/berriai/litellm:main-v1.52.0", Port = 4000, Networks = Network.Backend)]
        [ApiHost(ApiKeySecret = "LITELLM_MASTER_KEY", DefaultAllowlist = new[] { "100.64.0.0/10", "169.254.0.0/16", "fe80::/10", "127.0.0.2", "::1" })]
        [Secret("LITELLM_MASTER_KEY")]
        [Healthcheck("curl", "-fsS", "http://127.0.0.1:4000/health/liveliness")]
        public partial class LiteLlm;

        [Service("ollama", "ollama/ollama:0.4.7", Port = 11434, Networks = Network.Backend)]
        [ApiHost(ApiKeySecret = "OLLAMA_API_KEY", DefaultAllowlist = new[] { "private_ranges" })]
        [Secret("OLLAMA_API_KEY")]
        [Volume("ollama-models", "/root/.ollama", Backup = Backup.Never)]
        [Healthcheck("ollama", "list")]
        public partial class Ollama;

        [Service("socket-proxy", "tecnativa/docker-socket-proxy:0.3.0", Port = 2375, Role = ServiceRole.SocketProxy, Networks = Network.Backend)]
        [Env("CONTAINERS", "1")]
        [DockerSocket]
        [Healthcheck("wget", "-qO-", "http://127.0.0.1:2375/_ping")]
        public partial class SocketProxy;

        [Service("dockge", "louislam/dockge:1.4.2", Port = 5001, Networks = Network.Backend)]
        [UiHost("dockge")]
        [Env("DOCKER_HOST", "tcp://socket-proxy:2375")]
        [DependsOn(typeof(SocketProxy))]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:5001/")]
        public partial class Dockge;

        [Service("mastodon-web", "ghcr.io/mastodon/mastodon:v4.3.2", Port = 3000, Networks = Network.Frontend | Network.Database)]
        [UiHost("social")]
        [Volume("mastodon-system", "/mastodon/public/system", Backup = Backup.Daily)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/health")]
        [Uses(typeof(Postgres))]
        public partial class MastodonWeb;

        [Service("mastodon-sidekiq", "ghcr.io/mastodon/mastodon:v4.3.2", Networks = Network.Backend | Network.Database, Command = new[] { "bundle", "exec", "sidekiq" })]
        [Justify("DMC3010", "Sidekiq writes the media the web process serves.")]
        [Volume("mastodon-system", "/mastodon/public/system", Backup = Backup.Daily)]
        [Healthcheck("pgrep", "-f", "sidekiq")]
        [Uses(typeof(Postgres))]
        public partial class MastodonSidekiq;

        [Service("mastodon-streaming", "ghcr.io/mastodon/mastodon-streaming:v4.3.2", Networks = Network.Backend | Network.Database)]
        #pragma warning disable DMC3010 // streaming reads the same media as the web process
        [Volume("mastodon-system", "/mastodon/public/system", ReadOnly = true, Backup = Backup.Daily)]
        #pragma warning restore DMC3010
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:4000/api/v1/streaming/health")]
        [Uses(typeof(Postgres))]
        public partial class MastodonStreaming;

        [Service("tools", "example/kfuncdb:0.4.2", Networks = Network.Backend)]
        [Capabilities("host.shell.read", Variable = "TOOLS_ALLOWED_CAPABILITIES")]
        [Healthcheck("/kfuncdb", "health")]
        public partial class Tools;
        """;
}
