using Datamancy.Config.EndToEnd.Tests.Ingress;
using Datamancy.Config.EndToEnd.Tests.Proof;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Datamancy.Config.EndToEnd.Tests;

/// <summary>
/// The proof can fail: each case breaks the sample's local Caddyfile the way a hand edit could, runs it in real
/// Caddy, and expects the check that guards that property to fail.
/// </summary>
public sealed class BrokenCaddyfileTests(ITestOutputHelper output)
{
    public static TheoryData<string> Breakages() => new(Cases.Keys);

    private static readonly Dictionary<string, (string Find, string Replace, Func<IngressRun, ITestOutputHelper, Task> Check)> Cases = new()
    {
        ["forward_auth removed from the litellm host"] = (
            "litellm.project-saturn.com {\n\timport access_log\n\timport authelia\n",
            "litellm.project-saturn.com {\n\timport access_log\n",
            IngressChecks.SsoHostsRedirectWithoutSession),
        ["identity headers not stripped on the OIDC host"] = (
            "grafana.project-saturn.com {\n\timport access_log\n\timport strip_identity_headers\n",
            "grafana.project-saturn.com {\n\timport access_log\n",
            IngressChecks.OpenHostsDropForgedIdentity),
        ["API allowlist replaced by all of loopback"] = (
            "not remote_ip {$API_LITELLM_ALLOWLIST:10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 127.0.0.0/8 ::1/128 fc00::/7}",
            "not remote_ip 127.0.0.0/8",
            IngressChecks.ApiHostsRefuseOutsider),
        ["API allowlist default hard-coded instead of the variable"] = (
            "{$API_LITELLM_ALLOWLIST:10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 127.0.0.0/8 ::1/128 fc00::/7}",
            "10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 127.0.0.0/8 ::1/128 fc00::/7",
            IngressChecks.ApiHostsRefuseOutsider),
        ["API host asks the portal"] = (
            "api.litellm.project-saturn.com {\n\timport access_log\n",
            "api.litellm.project-saturn.com {\n\timport access_log\n\timport authelia\n",
            IngressChecks.ApiHostsAdmitAllowlistedClient),
        ["credentials logged"] = (
            "\tskip_install_trust\n}",
            "\tskip_install_trust\n\tservers {\n\t\tlog_credentials\n\t}\n}",
            IngressChecks.AccessLogHoldsNoCredential),
    };

    [SkippableTheory]
    [MemberData(nameof(Breakages))]
    public async Task The_check_guarding_the_property_fails(string breakage)
    {
        var caddy = Tools.Require("caddy", IngressFixture.CaddyInstall);
        var (find, replace, check) = Cases[breakage];
        var sample = StackArtifacts.Load("sample");
        Assert.Contains(find, sample.LocalCaddyfile, StringComparison.Ordinal);
        var broken = sample with { Name = "sample, " + breakage, LocalCaddyfile = sample.LocalCaddyfile.Replace(find, replace, StringComparison.Ordinal) };
        await using var run = await IngressRun.StartAsync(caddy, broken, AllowlistSetting.AllowedClientOnly);
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => check(run, output));
        output.WriteLine(breakage + " → " + failure.Message.Split('\n')[0]);
    }

    /// <summary>Issue #11.2 as it was: the client_credentials host checks only that some bearer header is present.</summary>
    [SkippableFact]
    public async Task A_client_credentials_host_without_the_token_check_fails_the_token_check()
    {
        var caddy = Tools.Require("caddy", IngressFixture.CaddyInstall);
        var stack = StackArtifacts.Load("oidc-and-bypass");
        const string check = "\t\tforward_auth {$DATAMANCY_UPSTREAM_AUTHELIA:authelia:9091} {\n\t\t\turi /api/authz/forward-auth\n\t\t}\n\t\treverse_proxy {$DATAMANCY_UPSTREAM_VECTORS:vectors:6333}";
        Assert.Contains(check, stack.LocalCaddyfile, StringComparison.Ordinal);
        var broken = stack with
        {
            Name = "oidc-and-bypass, token check removed",
            LocalCaddyfile = stack.LocalCaddyfile.Replace(check, "\t\treverse_proxy {$DATAMANCY_UPSTREAM_VECTORS:vectors:6333}", StringComparison.Ordinal),
        };
        await using var run = await IngressRun.StartAsync(caddy, broken, AllowlistSetting.AllowedClientOnly);
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => IngressChecks.ClientCredentialsHostsPassOnlyTheAcceptedToken(run, output));
        output.WriteLine("token check removed → " + failure.Message.Split('\n')[0]);
    }

    [SkippableFact]
    public void A_route_to_a_database_fails_the_routing_check()
    {
        var caddy = Tools.Require("caddy", IngressFixture.CaddyInstall);
        var sample = StackArtifacts.Load("sample");
        var broken = sample with { LocalCaddyfile = sample.LocalCaddyfile + "\npostgres.project-saturn.com {\n\treverse_proxy postgres:5432\n}\n" };
        var failure = Assert.ThrowsAny<XunitException>(() => IngressChecks.RoutesOnlyToDeclaredServices(caddy, broken, output));
        output.WriteLine("route to postgres → " + failure.Message.Split('\n')[0]);
    }
}
