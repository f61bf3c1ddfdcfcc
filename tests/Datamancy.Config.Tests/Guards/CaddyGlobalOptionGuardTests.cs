using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// What the Caddyfile's global options make Caddy do, read from <c>caddy adapt</c>: the local environment listens on
/// loopback only, with its admin endpoint off and certificates of its own CA that it does not install; dev uses its
/// own CA too; prod asks Let's Encrypt with the stack's ACME email, and its staging directory only when the stack says so.
/// </summary>
public sealed class CaddyGlobalOptionGuardTests
{
    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    private static JsonObject Adapted(string stack, string environment) =>
        CaddyJson.Adapt(TestStacks.Run(stack).Artifact(environment + "/Caddyfile"));

    private static IEnumerable<JsonNode> Issuers(JsonObject adapted) =>
        adapted["apps"]!["tls"]!["automation"]!["policies"]!.AsArray().SelectMany(p => p!["issuers"]!.AsArray()).Select(i => i!);

    private static IEnumerable<string> Listeners(JsonObject adapted) =>
        adapted["apps"]!["http"]!["servers"]!.AsObject().SelectMany(s => s.Value!["listen"]!.AsArray()).Select(l => (string)l!);

    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void The_local_caddy_listens_on_loopback_only_with_its_admin_endpoint_off(string stack)
    {
        var adapted = Adapted(stack, "local");
        Assert.True((bool)adapted["admin"]!["disabled"]!);
        Assert.Equal(8080, (int)adapted["apps"]!["http"]!["http_port"]!);
        Assert.Equal(8443, (int)adapted["apps"]!["http"]!["https_port"]!);
        Assert.NotEmpty(Listeners(adapted));
        Assert.All(Listeners(adapted), l => Assert.StartsWith("127.0.0.1:", l, StringComparison.Ordinal));
        Assert.NotEmpty(Issuers(adapted));
        Assert.All(Issuers(adapted), i => Assert.Equal("internal", (string)i["module"]!));
        Assert.False((bool)adapted["apps"]!["pki"]!["certificate_authorities"]!["local"]!["install_trust"]!);
    }

    [SkippableTheory]
    [MemberData(nameof(Stacks))]
    public void Dev_uses_its_own_certificates_and_prod_asks_lets_encrypt_with_the_stacks_email(string stack)
    {
        var dev = Adapted(stack, "dev");
        Assert.NotEmpty(Issuers(dev));
        Assert.All(Issuers(dev), i => Assert.Equal("internal", (string)i["module"]!));
        Assert.NotEmpty(Listeners(dev));
        Assert.All(Listeners(dev), l => Assert.Equal(":443", l));

        var prod = Adapted(stack, "prod");
        var source = string.Join("\n", TestStacks.Sources(stack));
        var email = System.Text.RegularExpressions.Regex.Match(source, "AcmeEmail = \"([^\"]+)\"").Groups[1].Value;
        var staging = source.Contains("AcmeStaging = true", StringComparison.Ordinal);
        var acme = Assert.Single(Issuers(prod), i => (string)i["module"]! == "acme");
        Assert.Equal(email, (string)acme["email"]!);
        Assert.Equal(staging ? CaddyfileStaging : null, (string?)acme["ca"]);
        Assert.DoesNotContain(Issuers(prod), i => (string)i["module"]! == "internal");
        Assert.Null(prod["admin"]);
    }

    private const string CaddyfileStaging = "https://acme-staging-v02.api.letsencrypt.org/directory";
}
