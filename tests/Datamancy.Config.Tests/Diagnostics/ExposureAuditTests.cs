using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Diagnostics;

/// <summary>
/// Issue #11.2 and #11.3: the audit says exactly what is enforced and by whom, and the artifacts carry it out — a
/// client_credentials host is checked by Authelia's authz endpoint (bearer enabled there), an app-level OIDC host is
/// open at the ingress and the audit says how the app must be configured with its derived client.
/// </summary>
public sealed class ExposureAuditTests
{
    private static GeneratorRun Oidc => TestStacks.Run("oidc-and-bypass");

    [Fact]
    public void Client_credentials_host_is_verified_by_authelia_and_the_audit_says_so()
    {
        var caddyfile = CaddyfileSites.Parse(Oidc.Artifact("prod/Caddyfile"))["api.vectors.corp.example.com"];
        Assert.Contains("forward_auth authelia:9091 {", caddyfile);
        Assert.Contains("uri /api/authz/forward-auth", caddyfile);
        // The allowlist and the header check come before the portal is asked.
        Assert.True(caddyfile.IndexOf("respond @outside_allowlist \"Forbidden\" 403") < caddyfile.IndexOf("forward_auth authelia:9091 {"));
        Assert.True(caddyfile.IndexOf("respond @without_bearer \"Unauthorized\" 401") < caddyfile.IndexOf("forward_auth authelia:9091 {"));

        var authelia = YamlJson.Parse(AutheliaTemplate.Evaluate(Oidc.Artifact("prod/authelia/configuration.yml")));
        var strategies = ((YamlSequenceNode)authelia.At("server", "endpoints", "authz", "forward-auth", "authn_strategies")).Children;
        Assert.Equal(new[] { "HeaderAuthorization", "CookieSession" }, strategies.Select(s => s.At("name").Text()));
        Assert.Equal(new[] { "basic", "bearer" }, strategies[0].At("schemes").Texts());
        var rule = ((YamlSequenceNode)authelia.At("access_control", "rules")).Children.Single(r => r.At("domain").Text() == "api.vectors.corp.example.com");
        Assert.Equal(new[] { "oauth2:client:vectors-api" }, rule.At("subject").Texts());

        var audit = Oidc.Artifact("prod/SECURITY-AUDIT.md");
        Assert.Contains("api.vectors.corp.example.com: no session login; allowlist `API_VECTORS_ALLOWLIST`", audit);
        Assert.Contains("Caddy refuses a request without `Authorization: Bearer` and sends every other to Authelia's `/api/authz/forward-auth`, which admits only an access token of client `vectors-api` (scope `authelia.bearer.authz`, audience `https://api.vectors.corp.example.com`, access rule `oauth2:client:vectors-api`)", audit);
        Assert.Contains("OIDC client_credentials token of vectors-api verified by Authelia", Oidc.Artifact("prod/network-map.md"));
    }

    [Fact]
    public void Stacks_without_client_credentials_keep_authelias_default_endpoints()
    {
        var authelia = YamlJson.Parse(TestStacks.Run("minimal").Artifact("prod/authelia/configuration.yml"));
        Assert.False(authelia.At("server").Has("endpoints"));
    }

    [Fact]
    public void App_oidc_host_is_open_at_the_ingress_and_the_audit_says_how_the_app_is_configured()
    {
        var caddyfile = CaddyfileSites.Parse(Oidc.Artifact("prod/Caddyfile"))["git.corp.example.com"];
        Assert.DoesNotContain(caddyfile, l => l.Contains("authelia", StringComparison.Ordinal));
        var audit = Oidc.Artifact("prod/SECURITY-AUDIT.md");
        Assert.Contains("git.corp.example.com: open at the ingress (no forward_auth); only the application asks for the login, as Authelia OIDC client `gitea` (one_factor, groups data-scientists). Acknowledged: Gitea allows only its Authelia OIDC source: local sign-in and registration are disabled. Configure the app with issuer `https://auth.corp.example.com`, client id `gitea`, the client secret from `GITEA_OIDC_SECRET` (Authelia holds only its digest) and redirect URI `https://git.corp.example.com/user/oauth2/authelia/callback`", audit);
        Assert.Contains("n8n.corp.example.com: forward_auth, two_factor, groups admins, data-scientists (Caddy asks Authelia on every request); SSO bypassed (Authelia `bypass` rule, no login) for `^/webhook/`", audit);
    }
}
