using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Kics;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Tests;

/// <summary>
/// The 22 KICS docker-compose queries over the generated compose files: each stack passes all of them except the
/// findings its SECURITY-AUDIT.md lists as justified exceptions, and the audit lists nothing that does not fire.
/// </summary>
public sealed class KicsTests(ITestOutputHelper output)
{
    private const string Oracle = "kics-docker-compose-queries.json";

    /// <summary>A stack that owns every exception a descriptor can declare: a justified published port, the socket,
    /// a service without a healthcheck and a named volume shared by two services (the last two are warnings).</summary>
    public const string Exceptions = "using Datamancy.Config;\nnamespace KicsExceptions;\n" + """
        [Stack("kics-exceptions", "example.com", AcmeEmail = "ops@example.com")]
        public partial class ExceptionsStack;

        """ + TestStacks.Ingress + "\n" + """
        [Service("mail", "mailserver/docker-mailserver:14.0.0", Port = 25, Networks = Network.Frontend)]
        [Publish(25, Justification = "SMTP must be reachable from other mail servers.")]
        [Volume("mail-data", "/var/mail", Backup = Backup.Daily)]
        [Healthcheck("ss", "-lnt")]
        public partial class Mail;

        [Service("mail-archiver", "ghcr.io/example/archiver:1.0.0", Networks = Network.Backend)]
        [Volume("mail-data", "/archive", Backup = Backup.Daily)]
        public partial class MailArchiver;

        [Service("kfuncdb", "ghcr.io/datamancy/kfuncdb:1.4.0", Port = 8081, Networks = Network.Backend)]
        [Capabilities("host.docker.inspect")]
        [DockerSocket]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:8081/health")]
        public partial class KFuncDb;
        """;

    public static TheoryData<string> Stacks() => new(TestStacks.Names.Append("kics-exceptions"));

    private static GeneratorRun Run(string stack) => stack == "kics-exceptions" ? ExceptionsRun.Value : TestStacks.Run(stack);

    private static readonly Lazy<GeneratorRun> ExceptionsRun = new(() => GeneratorHarness.Run(Exceptions));

    [SkippableFact]
    public void The_checks_implement_exactly_the_queries_of_the_oracle()
    {
        var oracle = JsonNode.Parse(File.ReadAllText(Tools.RequireOracle(Oracle)))!["queries"]!.AsArray().Select(q => q!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(22, oracle.Count);
        Assert.Equal(oracle.Order(StringComparer.Ordinal), KicsQueries.All.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Compose_findings_are_exactly_the_justified_exceptions_of_the_security_audit(string stack)
    {
        var run = Run(stack);
        Assert.Empty(run.Errors);
        foreach (var environment in new[] { "dev", "prod" })
        {
            var findings = KicsQueries.Scan(run.Artifact(environment + "/compose.yaml"));
            var exceptions = AuditExceptions.Read(run.Artifact(environment + "/SECURITY-AUDIT.md"));
            foreach (var finding in findings)
            {
                output.WriteLine(environment + ": " + finding);
            }
            var found = findings.Select(f => (f.Query, f.Service)).Distinct().Order().ToList();
            var listed = exceptions.Select(e => (e.Query, e.Service)).Order().ToList();
            Assert.Equal(found, listed);
            Assert.All(exceptions, e => Assert.True(e.Reason.Trim().Length > 10, e.Query + " on " + e.Service + " has no reason"));
        }
    }

    public static TheoryData<string, string, string> Violations() => new()
    {
        { "Docker Socket Mounted In Container", "volumes: [\"/var/run/docker.sock:/var/run/docker.sock:ro\"]", "Volume Has Sensitive Host Directory" },
        { "Volume Has Sensitive Host Directory", "volumes: [{type: bind, source: /etc, target: /host-etc, read_only: true}]", "" },
        { "Volume Mounted In Multiple Containers", "volumes: [{type: bind, source: ./data, target: /data, bind: {propagation: rshared}}]", "" },
        { "No New Privileges Not Set", "security_opt: [\"no-new-privileges:true\", \"apparmor:unconfined\"]", "" },
        { "Privileged Containers Enabled", "privileged: true", "" },
        { "Healthcheck Not Set", "healthcheck: {test: [\"NONE\"]}", "" },
        { "Cgroup Not Default", "cgroup_parent: m-executor-abcd", "" },
        { "Restart Policy On Failure Not Set To 5", "restart: \"on-failure:3\"", "" },
        { "Container Traffic Not Bound To Host Interface", "ports: [\"8080:8080\"]", "" },
        { "Privileged Ports Mapped In Container", "ports: [\"127.0.0.1:8080:80\"]", "" },
        { "Container Capabilities Unrestricted", "cap_add: [NET_ADMIN]", "" },
        { "Default Seccomp Profile Disabled", "security_opt: [\"no-new-privileges:true\", \"seccomp:unconfined\"]", "No New Privileges Not Set" },
        { "Host Namespace is Shared", "pid: host", "" },
        { "Memory Not Limited", "deploy: {resources: {limits: {cpus: \"1.0\"}}}", "" },
        { "Pids Limit Not Set", "pids_limit: -1", "" },
        { "Security Opt Not Set", "security_opt: null", "" },
        { "Shared Host IPC Namespace", "ipc: host", "" },
        { "Shared Host Network Namespace", "network_mode: host", "" },
        { "Shared Host User Namespace", "userns_mode: host", "" },
        { "Networks Not Set", "networks: null", "" },
        { "Cpus Not Limited", "deploy: {resources: {limits: {memory: 512m}}}", "" },
        { "Shared Volumes Between Containers", "volumes: [\"shared:/data\"]", "" },
    };

    /// <summary>
    /// Each query fires on a service that differs from a clean one by exactly its violation; only the queries KICS
    /// also fires on that violation (a socket lies under /var, seccomp:unconfined is not no-new-privileges) join it.
    /// </summary>
    [Theory]
    [MemberData(nameof(Violations))]
    public void Each_query_fires_on_its_violation_and_not_on_a_clean_service(string query, string violation, string alsoFiring)
    {
        Assert.Empty(KicsQueries.Scan(CleanCompose(null)));
        var findings = KicsQueries.Scan(CleanCompose(violation));
        var expected = new[] { query, alsoFiring }.Where(q => q.Length > 0).Order(StringComparer.Ordinal);
        Assert.Equal(expected, findings.Select(f => f.Query).Distinct().Order(StringComparer.Ordinal));
        Assert.All(findings, f => Assert.Equal("app", f.Service));
    }

    /// <summary>A compose file no query fires on; the violation, a flow mapping entry, overrides one of its keys.</summary>
    private static string CleanCompose(string? violation)
    {
        var keys = new Dictionary<string, string>
        {
            ["image"] = "nginx:1.27.3",
            ["restart"] = "unless-stopped",
            ["networks"] = "[frontend]",
            ["security_opt"] = "[\"no-new-privileges:true\"]",
            ["cap_drop"] = "[ALL]",
            ["pids_limit"] = "256",
            ["healthcheck"] = "{test: [CMD, wget, -q, --spider, \"http://127.0.0.1/\"]}",
            ["deploy"] = "{resources: {limits: {cpus: \"1.0\", memory: 512m}}}",
            ["volumes"] = "[{type: volume, source: data, target: /data}]",
        };
        if (violation is not null)
        {
            var separator = violation.IndexOf(": ", StringComparison.Ordinal);
            keys[violation[..separator]] = violation[(separator + 2)..];
        }
        var service = string.Join("\n", keys.Where(k => k.Value != "null").Select(k => "    " + k.Key + ": " + k.Value));
        return "services:\n  app:\n" + service + "\nnetworks:\n  frontend: {}\nvolumes:\n  data: {}\n  shared: {}\n";
    }
}
