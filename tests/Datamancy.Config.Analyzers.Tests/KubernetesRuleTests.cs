using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Datamancy.Config.Analyzers.Tests.Sources;

namespace Datamancy.Config.Analyzers.Tests;

/// <summary>
/// DMC5002 (replicas of a stateful service) always; DMC5001 (what does not carry over to Kubernetes) only when the
/// compilation's [Stack] sets Kubernetes = true, on the exact argument, and acknowledged with #pragma.
/// </summary>
public sealed class KubernetesRuleTests
{
    private const string KubernetesStack = "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\", Kubernetes = true)]\npublic partial class S;\n";

    public static TheoryData<string, string> Fires() => new()
    {
        { App("", "[Service(\"db\", \"postgres:16.4\", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database, {|#0:Replicas = 2|})]"),
            "Service 'db' cannot run 2 replicas: a database keeps its state on one volume; use the database's own replication (an operator) instead" },
        { App("", "[Service(\"authelia\", \"authelia/authelia:4.39.13\", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend, {|#0:Replicas = 3|})]"),
            "Service 'authelia' cannot run 3 replicas: Authelia keeps its storage in a local SQLite file and its notifications on the local filesystem; run one replica, or move storage to PostgreSQL and sessions to Redis first" },
        { App("[Volume(\"app-data\", \"/data\", Backup = Backup.Daily)]", "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend, {|#0:Replicas = 2|})]"),
            "Service 'app' cannot run 2 replicas: the writable volume 'app-data' is one ReadWriteOnce claim that replicas cannot share; keep one replica or move the state to a database" },
    };

    [Theory]
    [MemberData(nameof(Fires))]
    public async Task Replicas_of_a_stateful_service_are_refused(string source, string message)
    {
        var test = new AnalyzerTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.ReplicasOfStatefulService).WithLocation(0).WithMessage(message));
        await test.RunAsync();
    }

    [Fact]
    public async Task Replicas_out_of_range_are_invalid()
    {
        var test = new AnalyzerTest(App("", "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend, {|#0:Replicas = 0|})]"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.InvalidValue).WithLocation(0).WithMessage("Service 'app': Replicas 0 is invalid: use 1 to 100"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_host_path_published_port_and_socket_do_not_carry_over_when_the_stack_writes_kubernetes()
    {
        var source = App("[Volume({|#0:\"./config\"|}, \"/config\", ReadOnly = true)]\n[Publish({|#1:25|}, Justification = \"SMTP is not HTTP and cannot go through Caddy.\")]\n[{|#2:DockerSocket|}]\n[Capabilities(\"host.docker.inspect\")]")
            + KubernetesStack;
        var test = new AnalyzerTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(0).WithMessage(
            "Service 'app': the host path './config' does not carry over to Kubernetes; the manifest mounts an empty PersistentVolumeClaim 'app-host-path-0' at '/config'; copy the content into it, or use a named volume"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(1).WithMessage(
            "Service 'app': the published port 25 does not carry over to Kubernetes; the manifests expose only the ingress outside the cluster; add your own LoadBalancer Service for it after review"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(2).WithMessage(
            "Service 'app': the Docker socket does not carry over to Kubernetes; the manifest mounts the node's /var/run/docker.sock as a hostPath (the namespace is lowered to 'privileged'), which exists only on nodes that run Docker"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DockerSocketProxy).WithLocation(2).WithArguments("app"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_name_kubernetes_cannot_hold_stops_the_kubernetes_output()
    {
        var test = new AnalyzerTest(App("", "[Service({|#0:\"my_app\"|}, \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]") + KubernetesStack);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(0).WithMessage(
            "Service 'my_app': the name 'my_app' does not carry over to Kubernetes; Kubernetes names are lower-case letters, digits and '-', starting with a letter (a service) and ending with a letter or digit; no Kubernetes manifests are written until it is renamed"));
        await test.RunAsync();
    }

    public static TheoryData<string> Clean() => new()
    {
        // Without Kubernetes = true, compose-only stacks keep their host paths and published ports quietly.
        App("[Volume(\"./config\", \"/config\", ReadOnly = true)]\n[Publish(25, Justification = \"SMTP is not HTTP and cannot go through Caddy.\")]"),
        // With it: named volumes and a stateless app with replicas are fine.
        App("[Volume(\"app-cache\", \"/cache\", ReadOnly = true, Backup = Backup.Never)]", "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend, Replicas = 3)]") + KubernetesStack,
        // A reviewed exception is acknowledged where it is declared.
        App("#pragma warning disable DMC5001 // the config is copied into the claim by the deploy job\n[Volume(\"./config\", \"/config\", ReadOnly = true)]\n#pragma warning restore DMC5001") + KubernetesStack,
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public async Task Portable_or_acknowledged_descriptor_is_clean(string source) => await new AnalyzerTest(source).RunAsync();
}
