using System.Globalization;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The separation rules one service decides alone (a database on no public path, a routed service with a port, the
/// ingress is Caddy and publishes only 80/443), the stack-wide reachability rules (who shares a network with a
/// database, the docker socket beside a socket proxy) and who may reach a UI host (groups, OIDC acknowledgement,
/// the paths a bypass would open).
/// </summary>
public sealed class NetworkGuardTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";

    private const string Database = "[Service(\"db\", \"postgres:16.4\", Port = 5432, Role = ServiceRole.Database, Networks = {0})]\n"
        + "[Volume(\"db-data\", \"/var/lib/postgresql/data\", Backup = Backup.Daily)]\n[Healthcheck(\"pg_isready\")]\npublic partial class Db;\n";

    private const string Groups = "namespace Hostile { [UserGroups] public enum Team { Admins } }";

    private static GeneratorRun Run(string attributes) => HostileStack.Run(attributes, Groups);

    private static GeneratorRun WithIngress(Func<string, string> edit) =>
        GeneratorHarness.Run(HostileStack.With(App).Replace(TestStacks.Ingress, edit(TestStacks.Ingress), StringComparison.Ordinal), "using Datamancy.Config;\n");

    private static List<string> Messages(GeneratorRun run, string id) =>
        run.Diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void A_database_on_the_frontend_network_or_behind_a_host_is_reported()
    {
        var frontend = Run(string.Format(CultureInfo.InvariantCulture, Database, "Network.Frontend | Network.Database") + App);
        Assert.Equal("Service 'db': a database must not join the frontend network", Assert.Single(Messages(frontend, DiagnosticIds.DatabaseOnFrontend)));

        var ui = Run(string.Format(CultureInfo.InvariantCulture, Database, "Network.Database").Replace("[Healthcheck", "[UiHost(\"pgadmin\")]\n[AllowedGroups(Team.Admins)]\n[Healthcheck", StringComparison.Ordinal) + App);
        Assert.Contains("as 'pgadmin'", Assert.Single(Messages(ui, DiagnosticIds.DatabaseHasHost)));
        var api = Run(string.Format(CultureInfo.InvariantCulture, Database, "Network.Database").Replace("[Healthcheck", "[ApiHost(ApiKeySecret = \"DB_API_KEY\")]\n[Secret(\"DB_API_KEY\")]\n[Healthcheck", StringComparison.Ordinal) + App);
        Assert.Contains("routed through the ingress as 'api.db'", Assert.Single(Messages(api, DiagnosticIds.DatabaseHasHost)));

        var internalOnly = Run(string.Format(CultureInfo.InvariantCulture, Database, "Network.Database") + App);
        Assert.Empty(internalOnly.WithId(DiagnosticIds.DatabaseOnFrontend));
        Assert.Empty(internalOnly.WithId(DiagnosticIds.DatabaseHasHost));
        Assert.Empty(internalOnly.WithId(DiagnosticIds.DatabaseOnSharedNetwork));
    }

    [Fact]
    public void An_app_on_the_frontend_with_a_host_is_not_a_database_finding()
    {
        var run = Run(App + "[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]");
        Assert.Empty(run.WithId(DiagnosticIds.DatabaseOnFrontend));
        Assert.Empty(run.WithId(DiagnosticIds.DatabaseHasHost));
    }

    [Fact]
    public void A_service_on_no_network_is_invalid()
    {
        var run = Run(App.Replace("Network.Frontend", "Network.None", StringComparison.Ordinal));
        Assert.Contains(Messages(run, DiagnosticIds.InvalidValue), m => m.Contains("every service joins at least one network", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]", "host 'app'")]
    [InlineData("[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "host 'api.app'")]
    public void A_routed_service_without_a_port_is_reported(string host, string named)
    {
        var run = Run(App.Replace("Port = 8080, ", string.Empty, StringComparison.Ordinal) + host);
        Assert.Contains(named + " needs the service's Port", Assert.Single(Messages(run, DiagnosticIds.RoutedServiceWithoutPort)));
        Assert.Empty(Run(App + host).WithId(DiagnosticIds.RoutedServiceWithoutPort));
    }

    [Fact]
    public void Only_the_ingress_declares_a_caddy_build_and_its_version_is_a_release()
    {
        var app = Run(App + "[CaddyBuild(\"2.11.2\")]");
        Assert.Contains(Messages(app, DiagnosticIds.InvalidValue), m => m.Contains("only the ingress (Role = ServiceRole.Ingress) declares a Caddy build", StringComparison.Ordinal));

        var badVersion = WithIngress(ingress => ingress.Replace("[Publish(443)]", "[Publish(443)]\n[CaddyBuild(\"latest\")]", StringComparison.Ordinal));
        Assert.Contains(Messages(badVersion, DiagnosticIds.InvalidValue), m => m.Contains("CaddyVersion 'latest' is invalid", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("caddy:2.11.2", true)]
    [InlineData("caddy", true)]
    [InlineData("library/caddy:2.11.2", true)]
    [InlineData("registry.example.com:5000/caddy:2.11.2", true)]
    [InlineData("caddy@sha256:0123", true)]
    [InlineData("nginx:1.27.3", false)]
    [InlineData("mycaddy:2", false)]
    [InlineData("caddy/other:2", false)]
    [InlineData("lucaslorentz/caddy-docker-proxy:2.9", false)]
    public void The_ingress_image_is_named_caddy(string image, bool caddy) =>
        Assert.Equal(caddy, ServiceNetworkRules.ImageIsCaddy(image));

    [Theory]
    [InlineData("[Publish(80)]", null)]
    [InlineData("[Publish(443, Protocol = Protocol.Udp)]", null)]
    [InlineData("[Publish(80, Protocol = Protocol.Udp)]", "not 80:80/udp")]
    [InlineData("[Publish(8443)]", "not 8443:8443/tcp")]
    [InlineData("[Publish(443, ContainerPort = 8443)]", "not 443:8443/tcp")]
    [InlineData("[Publish(80, ContainerPort = 443)]", "not 80:443/tcp")]
    public void The_ingress_publishes_only_80_tcp_and_443(string publish, string? refused)
    {
        var run = WithIngress(ingress => ingress.Replace("[Publish(443)]", "[Publish(443)]\n" + publish, StringComparison.Ordinal));
        var messages = Messages(run, DiagnosticIds.IngressMisconfigured);
        if (refused is null)
        {
            Assert.Empty(messages);
        }
        else
        {
            Assert.Contains("the ingress publishes only 80/tcp and 443/tcp+udp, " + refused, Assert.Single(messages));
        }
    }

    [Fact]
    public void An_ingress_image_that_is_not_caddy_needs_a_caddy_build()
    {
        var nginx = WithIngress(ingress => ingress.Replace("\"caddy:2.11.2\"", "\"nginx:1.27.3\"", StringComparison.Ordinal));
        Assert.Contains("the ingress must be Caddy; 'nginx:1.27.3' is not an image named 'caddy'", Assert.Single(Messages(nginx, DiagnosticIds.IngressMisconfigured)));
        var build = WithIngress(ingress => ingress.Replace("\"caddy:2.11.2\"", "\"lucaslorentz/caddy-docker-proxy:2.9.2\"", StringComparison.Ordinal)
            .Replace("[Publish(443)]", "[Publish(443)]\n[CaddyBuild(\"2.9.1\")]", StringComparison.Ordinal));
        Assert.Empty(build.WithId(DiagnosticIds.IngressMisconfigured));
    }

    [Theory]
    [InlineData("", "every service that joins it later")]
    [InlineData("[Service(\"worker\", \"example/worker:1.0.0\", Networks = Network.Backend)]\n[Healthcheck(\"true\")]\npublic partial class Worker;\n", "service 'worker'")]
    [InlineData("[Service(\"worker\", \"example/worker:1.0.0\", Networks = Network.Backend)]\n[Healthcheck(\"true\")]\npublic partial class Worker;\n"
        + "[Service(\"cron\", \"example/cron:1.0.0\", Networks = Network.Backend | Network.Database)]\n[Healthcheck(\"true\")]\npublic partial class Cron;\n", "services 'cron', 'worker'")]
    public void A_database_on_the_shared_backend_names_who_can_reach_it(string others, string who)
    {
        // No SSO and no directory here: they would sit on the backend network too.
        var source = "using Datamancy.Config;\nnamespace Reach;\n[Stack(\"reach\", \"example.com\", AcmeEmail = \"ops@example.com\")]\npublic partial class ReachStack;\n"
            + TestStacks.Ingress + "\n" + string.Format(CultureInfo.InvariantCulture, Database, "Network.Database | Network.Backend") + others;
        var run = GeneratorHarness.Run(source);
        Assert.Equal("Service 'db': the database also joins the non-internal network 'backend', where " + who
            + " can reach it; keep it on the internal 'database' network and put its clients there", Assert.Single(Messages(run, DiagnosticIds.DatabaseOnSharedNetwork)));
    }

    [Fact]
    public void A_socket_mount_beside_a_socket_proxy_is_reported_but_not_the_proxy_itself()
    {
        const string Proxy = "[Service(\"socket-proxy\", \"tecnativa/docker-socket-proxy:0.3.0\", Port = 2375, Role = ServiceRole.SocketProxy)]\n[DockerSocket]\n"
            + "[Healthcheck(\"wget\", \"-qO-\", \"http://127.0.0.1:2375/_ping\")]\npublic partial class SocketProxy;\n";
        const string Dockge = "[Service(\"dockge\", \"louislam/dockge:1.4.2\")]\n[DockerSocket]\n[Capabilities(\"host.docker.inspect\")]\n"
            + "[Justify(\"DMC3006\", \"Manages the compose stacks of this host.\")]\n[Healthcheck(\"true\")]\npublic partial class Dockge;\n";
        var both = Run(Proxy + Dockge + App);
        Assert.Equal("Service 'dockge': the docker socket is mounted directly although the stack has the socket proxy 'socket-proxy'; remove [DockerSocket] and reach Docker through the proxy (DOCKER_HOST=tcp://socket-proxy:2375)",
            Assert.Single(Messages(both, DiagnosticIds.DockerSocketBesideProxy)));
        Assert.Empty(Run(Dockge + App).WithId(DiagnosticIds.DockerSocketBesideProxy));
        Assert.Empty(Run(Proxy + App).WithId(DiagnosticIds.DockerSocketBesideProxy));
    }

    [Theory]
    [InlineData("[UiHost(\"app\")]", true)]
    [InlineData("[UiHost(\"app\", Sso = SsoMode.Oidc, OidcCallbackPath = \"/oauth2/callback\", OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"Local login is disabled; only OIDC.\")]", true)]
    [InlineData("[UiHost(\"app\", Sso = SsoMode.Public, Justification = \"Public status page by design.\")]", false)]
    [InlineData("[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]", false)]
    public void A_login_host_without_groups_admits_every_user_and_says_so(string host, bool everyUser)
    {
        var run = Run(App + host);
        Assert.Equal(everyUser ? 1 : 0, Messages(run, DiagnosticIds.UiAdmitsEveryUser).Count(m => m.Contains("UI host 'app' admits every authenticated user", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("", true)]
    [InlineData(", Justification = \"todo\"", true)]
    [InlineData(", Justification = \"Local login is disabled; only OIDC.\"", false)]
    public void App_level_oidc_needs_a_written_reason(string justification, bool refused)
    {
        var run = Run(App + "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcCallbackPath = \"/oauth2/callback\", OidcClientSecret = \"APP_OIDC_SECRET\"" + justification + ")]\n[AllowedGroups(Team.Admins)]");
        Assert.Equal(refused ? 1 : 0, Messages(run, DiagnosticIds.OidcWithoutAcknowledgement).Count(m => m.Contains("UI host 'app' is open at the ingress", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("^/.*")]        // opens every probe: four are named, the rest counted
    [InlineData("^/webhook")]   // opens a few
    [InlineData("^/w?/")]       // refused for its shape, opens nothing
    public void A_refused_bypass_names_at_most_four_opened_requests_and_counts_the_rest(string pattern)
    {
        var opened = BypassRules.Check(pattern).Opened;
        var run = Run(App + "[UiHost(\"app\", Bypass = new[] { " + SymbolDisplay(pattern) + " })]\n[AllowedGroups(Team.Admins)]");
        var message = Assert.Single(Messages(run, DiagnosticIds.BypassCoversHost));
        if (opened.Count == 0)
        {
            Assert.DoesNotContain("it would switch SSO off", message);
            return;
        }
        var named = string.Join(", ", opened.Take(4).Select(p => "'" + p + "'"));
        Assert.Contains("; it would switch SSO off for " + named, message);
        if (opened.Count > 4)
        {
            Assert.EndsWith(named + " and " + (opened.Count - 4) + " more probed requests", message);
        }
        else
        {
            Assert.EndsWith(named, message);
        }
    }

    private static string SymbolDisplay(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
