using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using static Datamancy.Config.Generators.Validation.ServiceRules;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>The rules on the Authelia options a service declares: session store, LDAP layout, session and regulation settings, OIDC clients.</summary>
    internal static class AutheliaOptionRules
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private static readonly Regex AutheliaDuration = new("^(?:-1|0|(?:[0-9]{1,6}(?:s|m|h|d|w|M|y))+)$", Options);
        private static readonly Regex DnPart = new(@"^[A-Za-z][A-Za-z0-9-]*=[^,=+<>#;\\""{}]+(?:,[A-Za-z][A-Za-z0-9-]*=[^,=+<>#;\\""{}]+)*$", Options);
        private static readonly Regex LdapName = new("^[A-Za-z][A-Za-z0-9-]{0,63}$", Options);
        private static readonly Regex ClientId = new("^[a-z0-9][a-z0-9._-]{0,99}$", Options);
        private static readonly Regex RedirectUri = new(@"^(?:https://[a-z0-9.-]+(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~/-]*)?|http://(?:127\.0\.0\.1|localhost|\[::1\])(?::[0-9]{1,5})?(?:/[A-Za-z0-9._~/-]*)?|(?!https?:)[a-z][a-z0-9.+-]*:/[A-Za-z0-9._~/-]*)$", Options);

        internal static readonly string[] Implementations = { "custom", "activedirectory", "rfc2307bis", "freeipa", "lldap", "glauth" };
        internal static readonly string[] Scopes = { "openid", "profile", "email", "groups", "offline_access", "address", "phone" };
        internal static readonly string[] ResponseModes = { "form_post", "query", "fragment" };
        internal static readonly string[] GrantTypes = { "authorization_code", "refresh_token" };

        public static void Check(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            var x = s.Extras;
            if (x.SessionStore && s.Role != ServiceRole.Cache)
            {
                invalid("SessionStore", "[SessionStore]", "the session store is a service with Role = ServiceRole.Cache");
            }
            if (x.Ldap is { } ldap)
            {
                if (s.Role != ServiceRole.Directory)
                {
                    invalid("Ldap", "[Ldap]", "the LDAP layout belongs on the service with Role = ServiceRole.Directory");
                }
                CheckLdap(ldap, invalid);
            }
            if (x.Authelia is { } a)
            {
                if (s.Role != ServiceRole.Sso)
                {
                    invalid("AutheliaSettings", "[AutheliaSettings]", "Authelia's settings belong on the service with Role = ServiceRole.Sso");
                }
                foreach (var (key, value) in new[]
                {
                    ("SessionExpiration", a.SessionExpiration), ("SessionInactivity", a.SessionInactivity), ("RememberMe", a.RememberMe),
                    ("RegulationFindTime", a.RegulationFindTime), ("RegulationBanTime", a.RegulationBanTime),
                })
                {
                    if (value is not null && !AutheliaDuration.IsMatch(value))
                    {
                        invalid("AutheliaSettings." + key, key + " '" + Shown(value) + "'", "use an Authelia duration such as '1h', '30m', '1w' or '1M'");
                    }
                }
                if (a.RegulationMaxRetries is < 0 or > 100)
                {
                    invalid("AutheliaSettings.RegulationMaxRetries", "RegulationMaxRetries " + a.RegulationMaxRetries, "use 1-100 (0: the default of 3)");
                }
                if (a.DefaultRedirection is { } redirect && !ValueRules.IsHost(redirect))
                {
                    invalid("AutheliaSettings.DefaultRedirection", "DefaultRedirection '" + Shown(redirect) + "'", "give the subdomain, such as 'home'");
                }
            }
            if (x.OidcOptions is { } options)
            {
                if (s.Ui is not { Sso: SsoMode.Oidc })
                {
                    invalid("OidcOptions", "[OidcOptions]", "it configures the OIDC client of a UI host with Sso = SsoMode.Oidc");
                }
                if (options.AuthMethod == TokenEndpointAuthMethod.None)
                {
                    invalid("OidcOptions.TokenEndpointAuthMethod", "TokenEndpointAuthMethod.None", "a service of the stack is a confidential client with a secret; public clients are [ExternalOidcClient]s");
                }
                CheckOptions(options, "OidcOptions", invalid);
            }
            for (var i = 0; i < x.ExternalClients.Count; i++)
            {
                CheckExternal(s, x.ExternalClients[i], SiteKeys.Nth("ExternalOidcClient", i), findings, invalid);
            }
        }

        private static void CheckLdap(LdapModel ldap, System.Action<string, string, string> invalid)
        {
            foreach (var (key, value) in new[] { ("BaseDn", ldap.BaseDn), ("UsersDn", ldap.UsersDn), ("GroupsDn", ldap.GroupsDn), ("BindUser", ldap.BindUser) })
            {
                if (value is not null && !DnPart.IsMatch(value))
                {
                    invalid("Ldap." + key, key + " '" + Shown(value) + "'", "use a DN such as 'ou=people' or 'dc=example,dc=com'");
                }
            }
            foreach (var (key, value) in new[]
            {
                ("UserObjectClass", ldap.UserObjectClass), ("GroupObjectClass", ldap.GroupObjectClass), ("UsernameAttribute", ldap.UsernameAttribute),
                ("DisplayNameAttribute", ldap.DisplayNameAttribute), ("MailAttribute", ldap.MailAttribute), ("GroupNameAttribute", ldap.GroupNameAttribute),
            })
            {
                if (value is not null && !LdapName.IsMatch(value))
                {
                    invalid("Ldap." + key, key + " '" + Shown(value) + "'", "use an LDAP name such as 'uid' or 'inetOrgPerson'");
                }
            }
            if (ldap.Implementation is { } implementation && System.Array.IndexOf(Implementations, implementation) < 0)
            {
                invalid("Ldap.Implementation", "Implementation '" + Shown(implementation) + "'", "use one of " + string.Join(", ", Implementations));
            }
        }

        private static void CheckOptions(OidcOptionsModel options, string key, System.Action<string, string, string> invalid)
        {
            void Known(EquatableArray<string> values, string argument, string[] known)
            {
                for (var i = 0; i < values.Count; i++)
                {
                    if (System.Array.IndexOf(known, values[i]) < 0)
                    {
                        invalid(SiteKeys.Element(key + "." + argument, i), argument + " '" + Shown(values[i]) + "'", "use one of " + string.Join(", ", known));
                    }
                }
                if (values.Distinct().Count() != values.Count)
                {
                    invalid(key + "." + argument, argument, "a value is listed twice");
                }
            }
            Known(options.Scopes, "Scopes", Scopes);
            Known(options.ResponseModes, "ResponseModes", ResponseModes);
            Known(options.GrantTypes, "GrantTypes", GrantTypes);
            if (options.Scopes.Count > 0 && !options.Scopes.Contains("openid"))
            {
                invalid(key + ".Scopes", "Scopes", "an OpenID Connect client needs 'openid'");
            }
            if (options.GrantTypes.Count > 0 && !options.GrantTypes.Contains("authorization_code"))
            {
                invalid(key + ".GrantTypes", "GrantTypes", "a login client needs 'authorization_code'");
            }
            if (options.GrantTypes.Contains("refresh_token") && !options.Scopes.Contains("offline_access"))
            {
                invalid(key + ".GrantTypes", "GrantTypes", "'refresh_token' needs the 'offline_access' scope");
            }
        }

        private static void CheckExternal(ServiceModel s, ExternalOidcClientModel c, string key, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (s.Role != ServiceRole.Sso)
            {
                invalid(key, "[ExternalOidcClient]", "external OIDC clients are declared on the service with Role = ServiceRole.Sso");
            }
            if (!ClientId.IsMatch(c.ClientId))
            {
                invalid(key + ".ClientId", "client ID '" + Shown(c.ClientId) + "'", "use lower-case letters, digits, '.', '_' and '-'");
            }
            if (c.RedirectUris.Count == 0)
            {
                invalid(key, "RedirectUris", "name at least one redirect URI");
            }
            for (var i = 0; i < c.RedirectUris.Count; i++)
            {
                if (!RedirectUri.IsMatch(c.RedirectUris[i]))
                {
                    invalid(SiteKeys.Element(key + ".RedirectUris", i), "redirect URI '" + Shown(c.RedirectUris[i]) + "'",
                        "use an https URL, http on loopback (native apps), or an app scheme such as 'com.example.app:/callback'");
                }
            }
            var isPublic = c.Options.AuthMethod == TokenEndpointAuthMethod.None;
            if (isPublic && c.ClientSecret is not null)
            {
                invalid(key + ".ClientSecret", "ClientSecret", "a public client (TokenEndpointAuthMethod.None) has no secret");
            }
            if (!isPublic && c.ClientSecret is null)
            {
                invalid(key, "ClientSecret", "a confidential client needs the name of its secret (or TokenEndpointAuthMethod.None for a public client with PKCE)");
            }
            if (c.ClientSecret is { } secret && !ValueRules.IsSecretName(secret))
            {
                invalid(key + ".ClientSecret", "ClientSecret (value not shown)", "name a secret: upper-case letters, digits and '_'");
            }
            CheckOptions(c.Options, key, invalid);
        }
    }
}
