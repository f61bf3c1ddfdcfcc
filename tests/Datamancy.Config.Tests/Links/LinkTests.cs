using System.Text.Json.Nodes;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Links;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;
using M = Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Tests.Links;

/// <summary>
/// Least-privilege links: the compose file alone, read back, connects exactly the declared links under NetworkLayout.PerLink
/// (both directions: a network is symmetric), and at least them under the shared layout; the link list itself is exactly
/// the declarations plus what the roles imply; the link rules fire where they should.
/// </summary>
public sealed class LinkTests
{
    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Compose_connects_exactly_the_links_per_link_and_at_least_them_when_shared(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        foreach (var environment in new[] { "dev", "prod" })
        {
            var reachable = Reachability.Compose(run.Artifact(environment + "/compose.yaml"));
            if (model.Settings.Layout == M.NetworkLayout.PerLink)
            {
                Assert.Equal(string.Join("\n", Reachability.SymmetricClosure(model)), string.Join("\n", reachable));
            }
            else
            {
                var missing = Reachability.Declared(model).Where(l => !reachable.Contains(l) && !HostNetworked(model, l)).ToList();
                Assert.True(missing.Count == 0, "links compose does not carry: " + string.Join(", ", missing));
            }
        }
    }

    private static bool HostNetworked(M.StackModel model, string link) =>
        model.Services.Any(s => s.Elevations.Any(e => e.Kind == M.Elevation.HostNetwork) && (link.StartsWith(s.Name + " ", StringComparison.Ordinal) || link.Contains("> " + s.Name + ":", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Links_are_the_declarations_plus_what_the_roles_imply(string stack)
    {
        var model = TestStacks.Run(stack).Model();
        var byType = model.Services.ToDictionary(s => s.TypeName);
        var links = StackLinks.All(model);
        // Waiting for a [Job] to complete orders the start; it is not a connection.
        var declared = model.Services.SelectMany(s => s.DependsOn.Where(d => d.Condition != M.DependencyCondition.CompletedSuccessfully).Select(d => d.TypeName).Concat(s.Uses).Select(t => (Client: s.Name, Target: byType[t].Name))).ToHashSet();
        foreach (var (client, target) in declared)
        {
            Assert.Contains(links, l => l.Client.Name == client && l.Target.Name == target);
        }
        var ingress = model.Services.SingleOrDefault(s => s.Role == M.ServiceRole.Ingress);
        var sso = model.Services.SingleOrDefault(s => s.Role == M.ServiceRole.Sso);
        foreach (var link in links)
        {
            var implied =
                (link.Client == ingress && (link.Target.Ui is not null || link.Target.Api is not null || link.Target == sso))
                || (link.Client == sso && link.Target.Role is M.ServiceRole.Directory or M.ServiceRole.Cache)
                || (link.Target == ingress && link.Port.Number == 443 && (link.Client.Ui?.Sso == M.SsoMode.Oidc || link.Client.Api?.ClientCredentials == true));
            Assert.True(implied || declared.Contains((link.Client.Name, link.Target.Name)), link.Client.Name + " -> " + link.Target.Name + " is neither declared nor implied");
            Assert.Contains(link.Port, StackLinks.Ports(link.Target));
        }
    }

    [Fact]
    public void Sample_reaches_what_it_declares_and_nothing_next_to_it()
    {
        var run = TestStacks.Run("sample");
        foreach (var reachable in new[] { Reachability.Compose(run.Artifact("prod/compose.yaml")), Kubernetes.KubernetesStacks.Reachable(Kubernetes.Manifests.Of(run, "prod")) })
        {
            Assert.Contains("grafana -> postgres:5432/tcp", reachable);
            Assert.Contains("open-webui -> qdrant:6333/tcp", reachable);
            Assert.Contains("caddy -> authelia:9091/tcp", reachable);
            Assert.DoesNotContain("grafana -> qdrant:6333/tcp", reachable);
            Assert.DoesNotContain("open-webui -> postgres:5432/tcp", reachable);
            Assert.DoesNotContain("lam -> authelia:9091/tcp", reachable);
            Assert.DoesNotContain("caddy -> postgres:5432/tcp", reachable);
            // Nobody uses clickhouse: only its own backup dump reaches it.
            Assert.DoesNotContain(reachable, r => (r.Contains("clickhouse", StringComparison.Ordinal) && !r.StartsWith("clickhouse-dump -> clickhouse:", StringComparison.Ordinal))
                || r.StartsWith("kfuncdb", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Per_link_networks_are_internal_except_each_egress_network_and_the_ingress_answers_for_the_portal_on_oidc_links()
    {
        var run = TestStacks.Run("least-privilege");
        var compose = YamlJson.ToJson(run.Artifact("prod/compose.yaml"))!;
        foreach (var (name, network) in compose["networks"]!.AsObject())
        {
            Assert.Equal(!name.StartsWith("egress.", StringComparison.Ordinal), network!["internal"] is { } i && (bool)i);
        }
        Assert.Equal(new[] { "egress.api", "egress.caddy" }, compose["networks"]!.AsObject().Select(n => n.Key).Where(n => n.StartsWith("egress.", StringComparison.Ordinal)).OrderBy(n => n));
        Assert.Equal("auth.lp.example.org", (string)compose["services"]!["caddy"]!["networks"]!["link.caddy.portal"]!["aliases"]![0]!);
        // No service uses the analytics database: only its own backup dump (added by the backup plan) reaches it.
        static List<string> Networks(JsonNode? service) => service!["networks"] switch
        {
            JsonObject map => map.Select(n => n.Key).ToList(),
            JsonArray list => list.Select(n => (string)n!).ToList(),
            _ => new List<string>(),
        };
        var analytics = Networks(compose["services"]!["analytics"]);
        var dump = Networks(compose["services"]!["analytics-dump"]);
        Assert.Equal(analytics, analytics.Intersect(dump));
        Assert.Single(analytics);
        Assert.DoesNotContain(compose["services"]!.AsObject(), s => s.Key is not "analytics" and not "analytics-dump"
            && Networks(s.Value).Any(analytics.Contains));
        Assert.Equal(3, (int)compose["services"]!["api"]!["deploy"]!["replicas"]!.GetValue<long>());
    }

    private const string Postgres = """
        [Service("db", "postgres:16.4-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]
        [Secret("DB_PASSWORD")]
        [Volume("db-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
        [Healthcheck("pg_isready")]
        public partial class Db;

        [Service("cache", "redis:7.4.1-alpine", Role = ServiceRole.App, Networks = Network.Backend)]
        [Healthcheck("redis-cli", "ping")]
        public partial class NoPort;
        """;

    private static string Minimal(string oldText, string newText, string added = Postgres)
    {
        Assert.Contains(oldText, TestStacks.Minimal);
        return TestStacks.Minimal.Replace(oldText, newText) + "\n" + added + "\n";
    }

    /// <summary>Two more databases on the database network: one with a port, one without (nothing reaches it there).</summary>
    private const string MoreDatabases = """
        [Service("db2", "postgres:16.4-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]
        [Secret("DB2_PASSWORD")]
        [Healthcheck("pg_isready")]
        public partial class Db2;

        [Service("db3", "example/embedded-db:1.0.0", Role = ServiceRole.Database, Networks = Network.Database)]
        [Healthcheck("true")]
        public partial class Db3;
        """;

    private const string Worker = """
        [Service("worker", "example/worker:1.0.0", Networks = Network.None)]
        [Uses(typeof(Db))]
        [Healthcheck("true")]
        public partial class Worker;
        """;

    public static TheoryData<string, string, string, string> Fires() => new()
    {
        // Every database with a port that the member does not use, listed; one it uses or one without a port is not.
        { DiagnosticIds.DatabaseReachableByNonUser, Minimal("Port = 80, Networks = Network.Frontend)]", "Port = 80, Networks = Network.Frontend | Network.Database)]", Postgres + MoreDatabases), "Networks = Network.Frontend | Network.Database",
            "Service 'whoami' is on the database network but does not use 'db', 'db2', which it can reach there; declare [Uses], leave the database network, or set Networking = NetworkLayout.PerLink on the stack" },
        { DiagnosticIds.DatabaseReachableByNonUser, Minimal("Port = 80, Networks = Network.Frontend)]\n[UiHost(\"whoami\")]", "Port = 80, Networks = Network.Frontend | Network.Database)]\n[UiHost(\"whoami\")]\n[Uses(typeof(Db))]", Postgres + MoreDatabases), "Networks = Network.Frontend | Network.Database",
            "Service 'whoami' is on the database network but does not use 'db2', which it can reach there; declare [Uses], leave the database network, or set Networking = NetworkLayout.PerLink on the stack" },
        // The networks named in the message: each of several, or none.
        { DiagnosticIds.LinkWithoutTarget, Minimal("Port = 80, Networks = Network.Frontend)]\n[UiHost(\"whoami\")]", "Port = 80, Networks = Network.Frontend | Network.Backend)]\n[UiHost(\"whoami\")]\n[Uses(typeof(Db))]"), "typeof(Db)",
            "Service 'whoami': the [Uses] link to 'db' cannot be carried: the two services share no network (frontend+backend / database); add a common network or use Networking = NetworkLayout.PerLink" },
        { DiagnosticIds.LinkWithoutTarget, Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]", Postgres + Worker), "typeof(Db)",
            "Service 'worker': the [Uses] link to 'db' cannot be carried: the two services share no network (none / database); add a common network or use Networking = NetworkLayout.PerLink" },
        { DiagnosticIds.LinkWithoutTarget, Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Uses(typeof(Db))]"), "typeof(Db)",
            "Service 'whoami': the [Uses] link to 'db' cannot be carried: the two services share no network (frontend / database); add a common network or use Networking = NetworkLayout.PerLink" },
        { DiagnosticIds.LinkWithoutTarget, Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[DependsOn(typeof(NoPort))]"), "typeof(NoPort)",
            "Service 'whoami': the [DependsOn] link to 'cache' cannot be carried: 'cache' declares no Port, so there is nothing to connect to; set Port on it" },
        { DiagnosticIds.LinkWithoutTarget, Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Uses(typeof(WhoAmI))]"), "typeof(WhoAmI)",
            "Service 'whoami': the [Uses] link to 'whoami' cannot be carried: a service does not link to itself" },
        { DiagnosticIds.DatabaseReachableByNonUser, Minimal("Port = 80, Networks = Network.Frontend)]", "Port = 80, Networks = Network.Frontend | Network.Database)]"), "Networks = Network.Frontend | Network.Database",
            "Service 'whoami' is on the database network but does not use 'db', which it can reach there; declare [Uses], leave the database network, or set Networking = NetworkLayout.PerLink on the stack" },
    };

    [Theory]
    [MemberData(nameof(Fires))]
    public void Link_rule_fires_on_the_argument_and_blocks(string id, string source, string locatedText, string message)
    {
        var run = GeneratorHarness.Run(source);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.Equal(message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var tree = run.Input.SyntaxTrees.Single(t => t.FilePath == diagnostic.Location.GetLineSpan().Path);
        Assert.Equal(locatedText, tree.GetText().ToString(diagnostic.Location.SourceSpan));
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Empty(run.Artifacts);
    }

    public static TheoryData<string> Clean() => new()
    {
        // The same link, carried: a common network, or the per-link layout.
        Minimal("Port = 80, Networks = Network.Frontend)]\n[UiHost(\"whoami\")]", "Port = 80, Networks = Network.Frontend | Network.Database)]\n[UiHost(\"whoami\")]\n[Uses(typeof(Db))]"),
        Minimal("AcmeEmail = \"ops@example.org\")]", "AcmeEmail = \"ops@example.org\", Networking = NetworkLayout.PerLink)]").Replace("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Uses(typeof(Db))]"),
        Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]"),
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public void Carried_links_are_clean(string source)
    {
        var run = GeneratorHarness.Run(source);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is DiagnosticIds.LinkWithoutTarget or DiagnosticIds.DatabaseReachableByNonUser);
        Assert.NotEmpty(run.Artifacts);
    }

    [Fact]
    public void A_link_to_a_class_that_is_not_a_service_is_an_error()
    {
        var run = GeneratorHarness.Run(Minimal("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Uses(typeof(string))]"));
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == DiagnosticIds.DependencyNotAService);
        Assert.Equal("Service 'whoami': DependsOn or Uses type 'string' is not a class marked [Service]", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Artifacts);
    }
}
