using Datamancy.Config.EndToEnd.Tests.Ingress;
using Datamancy.Config.EndToEnd.Tests.Proof;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.EndToEnd.Tests;

/// <summary>
/// Real Caddy, running the local Caddyfile of each stack on loopback, does what the network map promises for
/// every host: forward_auth hosts need a session and receive only the portal's identity, public and app-OIDC
/// hosts are open but cannot be handed a forged identity, API hosts admit only allowlisted clients (defaults
/// while unset, nobody while empty) without asking the portal, no host reaches a database, and the access log
/// holds no credential.
/// </summary>
public sealed class IngressProofTests(IngressFixture fixture, ITestOutputHelper output) : IClassFixture<IngressFixture>
{
    public static TheoryData<string> AllStacks() => new(StackArtifacts.Names());

    public static TheoryData<string> StacksWith(Access first, Access? second = null) =>
        new(StackArtifacts.Names().Where(n => RouteTable.Read(StackArtifacts.Load(n)).Routes.Any(r => r.Access == first || r.Access == second)));

    [SkippableTheory]
    [MemberData(nameof(AllStacks))]
    public void Caddy_routes_every_host_to_its_declared_service_and_none_to_a_database(string stack) =>
        IngressChecks.RoutesOnlyToDeclaredServices(Tools.Require("caddy", IngressFixture.CaddyInstall), StackArtifacts.Load(stack), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.Portal, null)]
    public async Task Portal_is_reachable_without_a_session(string stack) =>
        await IngressChecks.PortalIsOpen(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.ForwardAuth, null)]
    public async Task Sso_hosts_redirect_to_the_portal_without_a_valid_session_and_never_reach_the_upstream(string stack) =>
        await IngressChecks.SsoHostsRedirectWithoutSession(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.ForwardAuth, null)]
    public async Task Sso_hosts_pass_the_portal_identity_and_drop_a_forged_one(string stack) =>
        await IngressChecks.SsoHostsPassOnlyThePortalIdentity(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.Public, Access.AppOidc)]
    public async Task Public_and_app_oidc_hosts_are_reachable_without_a_session_and_drop_forged_identity_headers(string stack) =>
        await IngressChecks.OpenHostsDropForgedIdentity(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.Api, null)]
    public async Task Api_hosts_admit_an_allowlisted_client_with_its_authorization_intact_and_never_ask_the_portal(string stack) =>
        await IngressChecks.ApiHostsAdmitAllowlistedClient(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);

    public static TheoryData<string> StacksWithClientCredentials() =>
        new(StackArtifacts.Names().Where(n => RouteTable.Read(StackArtifacts.Load(n)).Routes.Any(r => r.PortalChecksToken)));

    [SkippableTheory]
    [MemberData(nameof(StacksWithClientCredentials))]
    public async Task Client_credentials_hosts_pass_only_a_token_the_portal_accepts(string stack) =>
        await IngressChecks.ClientCredentialsHostsPassOnlyTheAcceptedToken(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.Api, null)]
    public async Task Api_hosts_refuse_a_client_outside_the_allowlist(string stack) =>
        await IngressChecks.ApiHostsRefuseOutsider(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.Api, null)]
    public async Task Api_allowlist_unset_applies_the_declared_default_ranges(string stack) =>
        await IngressChecks.ApiAllowlistUnsetAppliesDefaults(await fixture.Run(stack, AllowlistSetting.Unset), output);

    [SkippableTheory]
    [MemberData(nameof(StacksWith), Access.Api, null)]
    public async Task Api_allowlist_set_but_empty_refuses_everyone(string stack) =>
        await IngressChecks.ApiAllowlistEmptyRefusesEveryone(await fixture.Run(stack, AllowlistSetting.Empty), output);

    [SkippableTheory]
    [MemberData(nameof(AllStacks))]
    public async Task Access_log_records_every_request_but_no_authorization_or_cookie_value(string stack) =>
        await IngressChecks.AccessLogHoldsNoCredential(await fixture.Run(stack, AllowlistSetting.AllowedClientOnly), output);
}
