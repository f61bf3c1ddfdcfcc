using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Directory;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Xunit;
using M = Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// Authelia's configuration of every test stack says what the descriptors declare: the one cookie domain and portal
/// URL, the session store and directory it reaches, storage on the volume compose keeps, rules in first-match order
/// (bypass, then machines, then people) with their groups and factor, each client's secret by reference only, and
/// each service's own OIDC client's policy and redirect (external clients' options are AutheliaOptionGuardTests').
/// </summary>
public sealed class AutheliaAgreementGuardTests
{
    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    /// <summary>The stack's run and its Authelia configuration; a stack without SSO has none to check.</summary>
    private static (GeneratorRun Run, M.StackModel Model, YamlDotNet.RepresentationModel.YamlMappingNode Authelia)? Read(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        if (!model.Services.Any(s => s.Role == M.ServiceRole.Sso))
        {
            Assert.DoesNotContain(run.Artifacts, a => a.Path == "prod/authelia/configuration.yml");
            return null;
        }
        return (run, model, YamlJson.Parse(run.Artifact("prod/authelia/configuration.yml")));
    }

    private static string? Optional(YamlDotNet.RepresentationModel.YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (!node.Has(key))
            {
                return null;
            }
            node = node.At(key);
        }
        return node.Text();
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Session_server_storage_and_directory_come_from_the_stack(string stack)
    {
        if (Read(stack) is not { } read)
        {
            return;
        }
        var (run, model, authelia) = read;
        var sso = model.Services.Single(s => s.Role == M.ServiceRole.Sso);

        Assert.Equal("tcp://0.0.0.0:" + sso.Port + "/", authelia.At("server", "address").Text());
        Assert.Equal(model.Domain, authelia.At("totp", "issuer").Text());
        var cookie = Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("session", "cookies")).Children);
        Assert.Equal(model.Domain, cookie.At("domain").Text());
        Assert.Equal("https://" + model.PortalFqdn(), cookie.At("authelia_url").Text());
        var redirect = sso.Extras.Authelia?.DefaultRedirection;
        Assert.Equal(redirect is null ? null : "https://" + model.Fqdn(redirect), Optional(cookie, "default_redirection_url"));

        // The cache marked [SessionStore] (first by name), else the stack's only cache.
        var store = model.Services.Where(s => s.Extras.SessionStore).OrderBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault()
            ?? model.Services.SingleOrDefault(s => s.Role == M.ServiceRole.Cache);
        Assert.Equal(store?.Name, Optional(authelia, "session", "redis", "host"));
        Assert.Equal(store is null ? null : (store.Port == 0 ? 6379 : store.Port).ToString(System.Globalization.CultureInfo.InvariantCulture), Optional(authelia, "session", "redis", "port"));

        // Storage and notifications live on the volume compose keeps for Authelia.
        Assert.Equal("/var/lib/authelia/db.sqlite3", authelia.At("storage", "local", "path").Text());
        Assert.Equal("/var/lib/authelia/notification.txt", authelia.At("notifier", "filesystem", "filename").Text());
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        Assert.Contains(((YamlDotNet.RepresentationModel.YamlSequenceNode)compose.At("services", sso.Name, "volumes")).Children,
            m => m.At("target").Text() == "/var/lib/authelia" && m.At("type").Text() == "volume" && m.At("read_only").Text() == "false");

        var directory = model.Services.SingleOrDefault(s => s.Role == M.ServiceRole.Directory);
        if (directory is null)
        {
            Assert.False(authelia.Has("authentication_backend"));
            return;
        }
        var ldap = AutheliaExtras.Ldap(model, directory);
        var bootstrapped = DirectoryBootstrap.IsBootstrapped(model, directory);
        var backend = authelia.At("authentication_backend", "ldap");
        Assert.Equal("ldap://" + directory.Name + ":" + (directory.Port == 0 ? 389 : directory.Port), backend.At("address").Text());
        Assert.Equal(ldap.Implementation, backend.At("implementation").Text());
        Assert.Equal(ldap.BaseDn, backend.At("base_dn").Text());
        Assert.Equal(ldap.UsersDn, backend.At("additional_users_dn").Text());
        Assert.Equal(ldap.GroupsDn, backend.At("additional_groups_dn").Text());
        Assert.Equal("(&({username_attribute}={input})(objectClass=" + ldap.UserObjectClass + "))", backend.At("users_filter").Text());
        Assert.Equal(AutheliaExtras.GroupsFilter(ldap), backend.At("groups_filter").Text());
        Assert.Equal(bootstrapped ? DirectoryBootstrap.ServiceAccountDn(model) : ldap.BindUser, backend.At("user").Text());
        Assert.Equal(ldap.UsernameAttribute, backend.At("attributes", "username").Text());
        Assert.Equal(ldap.DisplayNameAttribute, backend.At("attributes", "display_name").Text());
        Assert.Equal(ldap.MailAttribute, backend.At("attributes", "mail").Text());
        Assert.Equal(ldap.GroupNameAttribute, backend.At("attributes", "group_name").Text());
        Assert.Equal(bootstrapped ? "true" : null, Optional(authelia, "authentication_backend", "password_reset", "disable"));
    }

    [Fact]
    public void The_minimal_stacks_directory_uses_the_default_layout()
    {
        var backend = YamlJson.Parse(TestStacks.Run("minimal").Artifact("prod/authelia/configuration.yml")).At("authentication_backend", "ldap");
        Assert.Equal("ldap://ldap:389", backend.At("address").Text());
        Assert.Equal("custom", backend.At("implementation").Text());
        Assert.Equal("dc=example,dc=org", backend.At("base_dn").Text());
        Assert.Equal("ou=users", backend.At("additional_users_dn").Text());
        Assert.Equal("ou=groups", backend.At("additional_groups_dn").Text());
        Assert.Equal("(&({username_attribute}={input})(objectClass=person))", backend.At("users_filter").Text());
        Assert.Equal("(member={dn})", backend.At("groups_filter").Text());
        Assert.Equal(new[] { "uid", "displayName", "mail", "cn" }, new[] { "username", "display_name", "mail", "group_name" }.Select(k => backend.At("attributes", k).Text()));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Rules_come_in_first_match_order_with_their_groups_and_factor(string stack)
    {
        if (Read(stack) is not { } read)
        {
            return;
        }
        var (_, model, authelia) = read;
        var control = authelia.At("access_control");
        Assert.Equal("deny", control.At("default_policy").Text());
        var rules = ((YamlDotNet.RepresentationModel.YamlSequenceNode)control.At("rules")).Children.ToList();

        var ordered = model.Services.OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var expected = new List<(string Domain, string Policy, string[] Subject, string[] Resources)>();
        foreach (var s in ordered.Where(s => s.Ui is { Sso: M.SsoMode.ForwardAuth } ui && ui.Bypass.Count > 0))
        {
            expected.Add((model.Fqdn(s.Ui!.Subdomain), "bypass", Array.Empty<string>(), s.Ui.Bypass.ToArray()));
        }
        foreach (var s in ordered.Where(s => s.Api is { ClientCredentials: true }))
        {
            expected.Add((model.Fqdn(s.Api!.Subdomain), "one_factor", new[] { "oauth2:client:" + s.Name + "-api" }, Array.Empty<string>()));
        }
        foreach (var s in ordered.Where(s => s.Ui is { Sso: M.SsoMode.ForwardAuth }))
        {
            expected.Add((model.Fqdn(s.Ui!.Subdomain), model.EffectivePolicy(s.Ui).ToAuthelia(), s.Ui.Groups.Select(g => "group:" + g).ToArray(), Array.Empty<string>()));
        }
        Assert.Equal(expected.Count, rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            Assert.Equal(expected[i].Domain, rule.At("domain").Text());
            Assert.Equal(expected[i].Policy, rule.At("policy").Text());
            Assert.Equal(expected[i].Subject, rule.Has("subject") ? rule.At("subject").Texts().ToArray() : Array.Empty<string>());
            Assert.Equal(expected[i].Resources, rule.Has("resources") ? rule.At("resources").Texts().ToArray() : Array.Empty<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Each_oidc_client_has_its_policy_redirect_and_secret_by_reference(string stack)
    {
        if (Read(stack) is not { } read)
        {
            return;
        }
        var (_, model, authelia) = read;
        var clients = DerivedSecrets.OidcClients(model).ToList();
        if (clients.Count == 0)
        {
            Assert.False(authelia.Has("identity_providers"));
            return;
        }
        var oidc = authelia.At("identity_providers", "oidc");
        var nodes = ((YamlDotNet.RepresentationModel.YamlSequenceNode)oidc.At("clients")).Children.ToList();
        Assert.Equal(clients.Select(c => c.ClientId), nodes.Select(n => n.At("client_id").Text()));
        for (var i = 0; i < clients.Count; i++)
        {
            var client = clients[i];
            var node = nodes[i];
            Assert.Equal(client.ClientId, node.At("client_name").Text());
            Assert.Equal(client.DigestVariable.Length == 0 ? "true" : "false", node.At("public").Text());
            Assert.Equal(client.DigestVariable.Length == 0 ? null : "{{ env \"" + client.DigestVariable + "\" }}", Optional(node, "client_secret"));
            if (client.External is not null)
            {
                continue;
            }
            if (client.IsMachine)
            {
                Assert.Equal("one_factor", node.At("authorization_policy").Text());
                Assert.Equal(new[] { "https://" + model.Fqdn(client.Service.Api!.Subdomain) }, node.At("audience").Texts());
                Assert.Equal(new[] { "authelia.bearer.authz" }, node.At("scopes").Texts());
                Assert.Equal(new[] { "client_credentials" }, node.At("grant_types").Texts());
                Assert.Equal("implicit", node.At("requested_audience_mode").Text());
                Assert.Equal("client_secret_basic", node.At("token_endpoint_auth_method").Text());
                continue;
            }
            var ui = client.Service.Ui!;
            var policy = model.EffectivePolicy(ui).ToAuthelia();
            Assert.Equal(new[] { "https://" + model.Fqdn(ui.Subdomain) + ui.OidcCallbackPath }, node.At("redirect_uris").Texts());
            if (ui.Groups.Count == 0)
            {
                Assert.Equal(policy, node.At("authorization_policy").Text());
                continue;
            }
            Assert.Equal(client.ClientId, node.At("authorization_policy").Text());
            var named = oidc.At("authorization_policies", client.ClientId);
            Assert.Equal("deny", named.At("default_policy").Text());
            var rule = Assert.Single(((YamlDotNet.RepresentationModel.YamlSequenceNode)named.At("rules")).Children);
            Assert.Equal(policy, rule.At("policy").Text());
            Assert.Equal(ui.Groups.Select(g => "group:" + g), rule.At("subject").Texts());
        }
    }
}
