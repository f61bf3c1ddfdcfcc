using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>Small stacks that each show one shape of the model, as snapshots.</summary>
public sealed class FocusedStackTests
{
    public static TheoryData<string, string> Artifacts()
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in TestStacks.Names.Where(n => n != "sample"))
        {
            foreach (var path in new[] { "dev/Caddyfile", "prod/Caddyfile", "local/Caddyfile", "prod/compose.yaml", "prod/authelia/configuration.yml", "prod/.env.example" })
            {
                data.Add(stack, path);
            }
        }
        return data;
    }

    [Fact]
    public void Focused_stacks_build_clean()
    {
        foreach (var stack in TestStacks.Names)
        {
            var run = TestStacks.Run(stack);
            var reported = run.Diagnostics.Where(d => d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning).ToList();
            Assert.True(reported.Count == 0, stack + ": " + string.Join("\n", reported));
        }
    }

    [Theory]
    [Trait("Category", "Snapshot")]
    [MemberData(nameof(Artifacts))]
    public void Artifact_matches_snapshot(string stack, string path)
    {
        var run = TestStacks.Run(stack);
        var artifact = run.Artifacts.SingleOrDefault(a => a.Path == path);
        Snapshot.Verify(stack + "/" + path.Replace('/', '.').Replace("..", "."), artifact?.Content ?? "(not rendered)\n");
    }

    [Fact]
    public void Public_host_is_routed_without_forward_auth_and_without_an_authelia_rule()
    {
        var run = TestStacks.Run("api-only");
        var sites = CaddyfileSites.Parse(run.Artifact("prod/Caddyfile"));
        Assert.Equal(new[] { "import strip_identity_headers", "reverse_proxy status:3001" }, sites["status.example.net"]);
        Assert.Contains("\tacme_ca https://acme-staging-v02.api.letsencrypt.org/directory\n", run.Artifact("prod/Caddyfile"));
        Assert.DoesNotContain(run.Artifacts, a => a.Path.EndsWith("authelia/configuration.yml"));
    }

    [Fact]
    public void Bypass_rules_come_first_and_machine_clients_get_their_own_rule()
    {
        var authelia = YamlJson.Parse(TestStacks.Run("oidc-and-bypass").Artifact("prod/authelia/configuration.yml"));
        var rules = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("access_control", "rules")).Children;
        Assert.Equal("bypass", rules[0].At("policy").Text());
        Assert.Equal(new[] { "^/webhook/" }, rules[0].At("resources").Texts());
        Assert.False(rules[0].Has("subject"));
        Assert.Equal(new[] { "oauth2:client:vectors-api" }, rules[1].At("subject").Texts());
        Assert.Equal("one_factor", rules[1].At("policy").Text());
        Assert.Equal(new[] { "group:admins", "group:data-scientists" }, rules[2].At("subject").Texts());
        Assert.Equal("two_factor", rules[2].At("policy").Text());
    }
}
