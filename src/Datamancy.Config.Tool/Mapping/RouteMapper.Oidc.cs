using System;
using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Tool.Readers.Authelia;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>
/// OIDC clients beyond the UI host's callback: the per-client options ([OidcOptions]) and the clients of applications
/// outside the stack ([ExternalOidcClient] on the SSO service), mapped back field by field from what the generator renders.
/// </summary>
internal sealed partial class RouteMapper
{
    private static readonly string[] DefaultScopes = { "openid", "profile", "email", "groups" };

    /// <summary>
    /// A login client whose every redirect URI leaves the stack's domain (another host, an app scheme): the application is
    /// not a service of the stack. A redirect into the domain that no route serves stays an OIDC client without a service.
    /// </summary>
    private bool IsExternal(OidcClientEntry client) =>
        client.RedirectUris.Count > 0
        && drafts.Values.Any(d => d.Role == "Sso")
        && client.RedirectUris.All(u =>
        {
            var host = AutheliaReader.HostOf(u).ToLowerInvariant();
            return host != stack.Domain && !host.EndsWith("." + stack.Domain, StringComparison.Ordinal);
        });

    private void External(OidcClientEntry client)
    {
        var sso = drafts.Values.First(d => d.Role == "Sso");
        var external = new ExternalClientDraft(client.ClientId, client.RedirectUris) { Options = Options(client, external: true) ?? new OidcOptionsDraft() };
        if (external.Options.AuthMethod != "None")
        {
            // The generator names the digest after the secret; a literal digest was moved to <ID>_OIDC_CLIENT_SECRET_DIGEST.
            external.ClientSecret = client.SecretReference is { } reference && reference.EndsWith("_DIGEST", StringComparison.Ordinal)
                ? reference.Substring(0, reference.Length - "_DIGEST".Length)
                : client.SecretReference ?? AutheliaReader.Env(client.ClientId) + "_OIDC_CLIENT_SECRET";
        }
        if (client.Policy is { } policy && inputs.Authelia!.Policies.TryGetValue(policy, out var named))
        {
            external.Policy = ClientPolicy(named.RulePolicy ?? named.DefaultPolicy, named.Where, client.ClientId);
            foreach (var group in named.Groups)
            {
                var member = Group(group, named.Where);
                if (!external.Groups.Contains(member))
                {
                    external.Groups.Add(member);
                }
            }
        }
        else if (client.Policy is { } direct)
        {
            external.Policy = ClientPolicy(direct, client.Where, client.ClientId);
        }
        sso.ExternalClients.Add(external);
        report.Decide(client.Where, "OIDC client '" + client.ClientId + "' redirects outside " + stack.Domain + " (" + string.Join(", ", client.RedirectUris)
            + "): imported as [ExternalOidcClient] on '" + sso.Name + "'" + (external.ClientSecret is null ? " (a public client with PKCE)" : "; its owner reads the secret " + external.ClientSecret) + ".");
    }

    private string? ClientPolicy(string policy, Readers.SourceRef where, string clientId)
    {
        switch (policy)
        {
            case "one_factor":
                return "OneFactor";
            case "two_factor":
                return null;
            default:
                report.Unsupported(where, "policy '" + policy + "' of OIDC client '" + clientId + "'", "one_factor or two_factor");
                return null;
        }
    }

    /// <summary>
    /// The options the generator renders (scopes, grant types, response modes, PKCE, consent, token endpoint auth method),
    /// kept where they differ from its defaults; null when none does. PKCE is implied for a public client.
    /// </summary>
    private OidcOptionsDraft? Options(OidcClientEntry client, bool external)
    {
        var draft = new OidcOptionsDraft();
        if (client.Options is not { } o)
        {
            return null;
        }
        var isPublic = o.Public || o.AuthMethod == "none";
        switch (o.AuthMethod)
        {
            case null or "client_secret_basic" when !isPublic:
                break;
            case "client_secret_post":
                draft.AuthMethod = "ClientSecretPost";
                break;
            case null or "none" when external:
                draft.AuthMethod = "None";
                break;
            default:
                report.Unsupported(client.Where, "token_endpoint_auth_method '" + (o.AuthMethod ?? "none") + "' of OIDC client '" + client.ClientId + "'",
                    external ? "client_secret_basic, client_secret_post or none" : "a service of the stack is a confidential client (client_secret_basic or client_secret_post)");
                break;
        }
        if (o.Scopes is { } scopes && !scopes.SequenceEqual(DefaultScopes))
        {
            draft.Scopes = scopes.ToList();
        }
        if (client.GrantTypes.Count > 0 && !client.GrantTypes.SequenceEqual(new[] { "authorization_code" }))
        {
            draft.GrantTypes = client.GrantTypes.ToList();
        }
        if (o.ResponseModes is { Count: > 0 } modes)
        {
            draft.ResponseModes = modes.ToList();
        }
        if (o.ResponseTypes is { } types && !types.SequenceEqual(new[] { "code" }))
        {
            report.Unsupported(client.Where, "response_types of OIDC client '" + client.ClientId + "'", "the authorization code flow only (response_types: [code])");
        }
        draft.RequirePkce = o.RequirePkce && draft.AuthMethod != "None";
        switch (o.Consent)
        {
            case null or "auto":
                break;
            case "explicit":
                draft.Consent = "Explicit";
                break;
            case "implicit":
                draft.Consent = "Implicit";
                break;
            case "pre-configured":
                draft.Consent = "PreConfigured";
                break;
            default:
                report.Unsupported(client.Where, "consent_mode '" + o.Consent + "' of OIDC client '" + client.ClientId + "'", "auto, explicit, implicit or pre-configured");
                break;
        }
        return draft.IsDefault ? null : draft;
    }
}
