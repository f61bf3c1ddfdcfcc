using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Authelia options a stack declares (issue 12): LDAP layout, session lifetimes, regulation, per-client OIDC settings, external clients.</summary>
    internal static class AutheliaExtras
    {
        public const string DefaultGroupObjectClass = "groupOfNames";
        public static readonly string[] DefaultScopes = { "openid", "profile", "email", "groups" };

        /// <summary>The LDAP layout with every unset value replaced by its domain-derived default.</summary>
        public static LdapModel Ldap(StackModel stack, ServiceModel directory)
        {
            var l = directory.Extras.Ldap;
            var baseDn = l?.BaseDn ?? StackTokens.BaseDn(stack.Domain);
            return new LdapModel(
                baseDn,
                l?.UsersDn ?? "ou=users",
                l?.GroupsDn ?? "ou=groups",
                l?.UserObjectClass ?? "person",
                l?.GroupObjectClass ?? DefaultGroupObjectClass,
                l?.UsernameAttribute ?? "uid",
                l?.DisplayNameAttribute ?? "displayName",
                l?.MailAttribute ?? "mail",
                l?.GroupNameAttribute ?? "cn",
                l?.BindUser ?? "cn=admin," + baseDn,
                l?.Implementation ?? "custom");
        }

        /// <summary>Groups that list their members: <c>member</c>, or <c>uniqueMember</c> for groupOfUniqueNames.</summary>
        public static string GroupsFilter(LdapModel ldap) => ldap.GroupObjectClass == DefaultGroupObjectClass
            ? "(member={dn})"
            : "(&(" + (string.Equals(ldap.GroupObjectClass, "groupOfUniqueNames", System.StringComparison.OrdinalIgnoreCase) ? "uniqueMember" : "member")
                + "={dn})(objectClass=" + ldap.GroupObjectClass + "))";

        public static YamlMappingNode Regulation(ServiceModel sso)
        {
            var a = sso.Extras.Authelia;
            return Map()
                .With("max_retries", Int(a is { RegulationMaxRetries: > 0 } ? a.RegulationMaxRetries : 3))
                .With("find_time", Str(a?.RegulationFindTime ?? "2m"))
                .With("ban_time", Str(a?.RegulationBanTime ?? "5m"));
        }

        public static void Lifetimes(YamlMappingNode session, AutheliaSettingsModel? a)
        {
            if (a is null)
            {
                return;
            }
            session.With("expiration", a.SessionExpiration is { } expiration ? Str(expiration) : null)
                .With("inactivity", a.SessionInactivity is { } inactivity ? Str(inactivity) : null)
                .With("remember_me", a.RememberMe is { } rememberMe ? Str(rememberMe) : null);
        }

        /// <summary>Scopes, grant and response types, PKCE, consent and the token endpoint auth method of a login client.</summary>
        public static void ClientOptions(YamlMappingNode node, OidcOptionsModel? options)
        {
            node.With("scopes", Strs(options is { Scopes.Count: > 0 } ? options.Scopes : (IEnumerable<string>)DefaultScopes))
                .With("grant_types", Strs(options is { GrantTypes.Count: > 0 } ? options.GrantTypes : (IEnumerable<string>)new[] { "authorization_code" }))
                .With("response_types", Strs(new[] { "code" }));
            if (options is { ResponseModes.Count: > 0 })
            {
                node.With("response_modes", Strs(options.ResponseModes));
            }
            var isPublic = options?.AuthMethod == TokenEndpointAuthMethod.None;
            if (options is not null && (options.RequirePkce || isPublic))
            {
                node.With("require_pkce", Bool(true)).With("pkce_challenge_method", Str("S256"));
            }
            if (options is { Consent: not ConsentMode.Auto })
            {
                node.With("consent_mode", Str(options.Consent switch
                {
                    ConsentMode.Explicit => "explicit",
                    ConsentMode.Implicit => "implicit",
                    _ => "pre-configured",
                }));
            }
            node.With("token_endpoint_auth_method", Str(options?.AuthMethod switch
            {
                TokenEndpointAuthMethod.ClientSecretPost => "client_secret_post",
                TokenEndpointAuthMethod.None => "none",
                _ => "client_secret_basic",
            }));
        }

        public static void ExternalClient(StackModel stack, YamlMappingNode node, YamlMappingNode policies, ExternalOidcClientModel external)
        {
            var policy = (external.Policy == AuthPolicy.Default ? stack.Settings.DefaultPolicy : external.Policy).ToAuthelia();
            var policyName = policy;
            if (external.Groups.Count > 0)
            {
                policyName = external.ClientId;
                policies.With(policyName, Map()
                    .With("default_policy", Str("deny"))
                    .With("rules", Seq(new YamlNode[] { Map().With("policy", Str(policy)).With("subject", Strs(external.Groups.Select(g => "group:" + g))) })));
            }
            node.With("authorization_policy", Str(policyName)).With("redirect_uris", Strs(external.RedirectUris));
            ClientOptions(node, external.Options);
        }
    }
}
