using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Datamancy.Config.Analyzers.Tests.Sources;

namespace Datamancy.Config.Analyzers.Tests;

/// <summary>
/// DMC5001 on the real-stack keys that have no equivalent in the generated pod template (host-gateway and other host
/// entries, DNS overrides, GPUs, ulimits), on the argument, only when the stack writes Kubernetes manifests.
/// </summary>
public sealed class KubernetesRuntimeKeyTests
{
    private const string KubernetesStack = "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\", Kubernetes = true)]\npublic partial class S;\n";
    private const string Keys = "[ExtraHost({|#0:\"host.docker.internal\"|}, \"host-gateway\", Justification = \"The app calls a metrics agent on the host.\")]\n"
        + "[{|#2:Dns(\"10.0.0.53\", Justification = \"The split-horizon resolver of the office network.\")|}]\n[{|#3:Gpu|}]\n[Ulimit({|#1:\"nofile\"|}, 65536, 65536)]";

    [Fact]
    public async Task Host_gateway_and_runtime_keys_do_not_carry_over_when_the_stack_writes_kubernetes()
    {
        var test = new AnalyzerTest(App(Keys) + KubernetesStack);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(0).WithMessage(
            "Service 'app': the host entry 'host.docker.internal:host-gateway' does not carry over to Kubernetes; 'host-gateway' is Docker's name for the host; a pod has no such address: reach the service through a Service or an ExternalName instead"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(1).WithMessage(
            "Service 'app': the ulimit 'nofile' does not carry over to Kubernetes; Kubernetes has no per-pod ulimits; they come from the node's container runtime"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(2).WithMessage(
            "Service 'app': the DNS override does not carry over to Kubernetes; pods use the cluster DNS; set dnsConfig on the pod template after review"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.NotPortableToKubernetes).WithLocation(3).WithMessage(
            "Service 'app': the GPU reservation does not carry over to Kubernetes; the manifest requests no GPU; add the device plugin's resource (for example nvidia.com/gpu) to the container's limits"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Runtime_keys_are_quiet_in_a_compose_only_stack() => await new AnalyzerTest(App(Keys.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace("{|#3:", string.Empty).Replace("|}", string.Empty))).RunAsync();
}
