using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests.Diagnostics;

/// <summary>The "exceptions" stack: every justified exception builds clean, is rendered, and is listed in the audit with its reason.</summary>
public sealed class JustifiedExceptionTests
{
    private static GeneratorRun Run => TestStacks.Run("exceptions");

    [Fact]
    public void Justified_privileges_are_rendered_into_compose()
    {
        var services = YamlJson.Parse(Run.Artifact("prod/compose.yaml")).At("services");
        Assert.Equal("true", services.At("sandbox", "privileged").Text());
        Assert.Equal(new[] { "no-new-privileges:true", "seccomp:unconfined" }, services.At("sandbox", "security_opt").Texts());
        Assert.Equal("host", services.At("vpn", "network_mode").Text());
        Assert.False(services.At("vpn").Has("networks"), "network_mode: host excludes networks");
        Assert.Equal(new[] { "NET_ADMIN", "SYS_MODULE" }, services.At("vpn", "cap_add").Texts());
        Assert.Equal(new[] { "ALL" }, services.At("vpn", "cap_drop").Texts());
        Assert.Equal("host", services.At("monitor", "pid").Text());
        Assert.Equal("host", services.At("monitor", "ipc").Text());
        Assert.Equal("host", services.At("monitor", "userns_mode").Text());
        Assert.Equal(new[] { "DAC_READ_SEARCH" }, services.At("backup", "cap_add").Texts());
        foreach (var (name, service) in services.Entries().Where(e => e.Key is not ("sandbox" or "vpn" or "monitor" or "backup")))
        {
            Assert.False(service.Has("privileged") || service.Has("cap_add") || service.Has("pid") || service.Has("network_mode"), name);
        }
    }

    [Theory]
    [InlineData("Privileged Containers Enabled", "sandbox", "`privileged: true`, justified: Runs nested containers for CI jobs.")]
    [InlineData("Default Seccomp Profile Disabled", "sandbox", "`security_opt: seccomp:unconfined`, justified: The sandbox installs its own seccomp filter per job.")]
    [InlineData("Shared Host Network Namespace", "vpn", "`network_mode: host`, justified: Peers reach the tunnel on the host's address.")]
    [InlineData("Container Capabilities Unrestricted", "vpn", "`cap_add: [NET_ADMIN, SYS_MODULE]`, justified: WireGuard creates and configures its interface.")]
    [InlineData("Host Namespace is Shared", "monitor", "`pid: host`, justified: Reports per-process metrics of the host.")]
    [InlineData("Shared Host IPC Namespace", "monitor", "`ipc: host`, justified: Reads the host's shared-memory statistics.")]
    [InlineData("Shared Host User Namespace", "monitor", "`userns_mode: host`, justified: Reads host files with their host owners.")]
    public void Audit_lists_each_privilege_with_its_reason(string query, string service, string reason) =>
        Assert.Contains("- **" + query + "** on `" + service + "`: " + reason + "\n", Run.Artifact("prod/SECURITY-AUDIT.md"));

    [Fact]
    public void Audit_shows_the_other_exceptions_with_their_reasons()
    {
        var audit = Run.Artifact("prod/SECURITY-AUDIT.md");
        Assert.Contains("status.example.com: public, justified: Public status page without login by design.", audit);
        Assert.Contains("mail publishes 25/tcp, justified: SMTP is not HTTP and cannot be routed through Caddy.", audit);
        Assert.Contains("justified: Runs the nightly maintenance scripts on the host.", audit);
    }

    [Fact]
    public void Unjustified_privilege_is_not_rendered_even_when_its_error_is_silenced()
    {
        // With DMC3011 lowered the stack would render; the privilege must still stay out of compose.
        var source = TestStacks.Minimal.Replace("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[Elevated(Elevation.Privileged)]");
        var model = GeneratorHarness.Run(source);
        Assert.True(model.Manifest?.Blocked ?? true);
        var compose = YamlJson.Parse(Datamancy.Config.Generators.Rendering.ComposeRenderer.Render(ParseModel(source))).At("services");
        Assert.False(compose.At("whoami").Has("privileged"));
        Assert.Equal(new[] { "no-new-privileges:true" }, compose.At("whoami", "security_opt").Texts());
    }

    /// <summary>The model the generator would build, read with the same parsers, without the validation gate.</summary>
    private static Datamancy.Config.Generators.Model.StackModel ParseModel(string source)
    {
        var compilation = GeneratorHarness.Compile(new[] { source });
        var classes = compilation.SyntaxTrees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>())
            .Select(c => (Syntax: c, Symbol: compilation.GetSemanticModel(c.SyntaxTree).GetDeclaredSymbol(c)!))
            .ToList();
        Microsoft.CodeAnalysis.AttributeData? Attribute(Microsoft.CodeAnalysis.INamedTypeSymbol type, string name) =>
            type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == name);
        var stack = classes.Single(c => Attribute(c.Symbol, "StackAttribute") is not null);
        var settings = Datamancy.Config.Generators.Parsing.StackParser.Parse(stack.Symbol, stack.Syntax, Attribute(stack.Symbol, "StackAttribute")!, default).Settings!;
        var services = classes.Where(c => Attribute(c.Symbol, "ServiceAttribute") is not null)
            .Select(c => Datamancy.Config.Generators.Parsing.ServiceParser.Parse(c.Symbol, c.Syntax, default).Model!);
        return new Datamancy.Config.Generators.Model.StackModel(settings, Datamancy.Config.Generators.Model.EquatableArray<string>.Empty,
            Datamancy.Config.Generators.Model.EquatableArray.ToEquatableArray(services));
    }
}
