using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Readers.Authelia;

/// <summary>The settings the descriptors declare on the SSO and directory services: the LDAP layout, session lifetimes, regulation, per-client OIDC options.</summary>
internal static partial class AutheliaReader
{
    private static LdapEntry ReadLdap(InputFile file, YamlNode backend, YamlNode ldap)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in new[] { "implementation", "base_dn", "additional_users_dn", "users_filter", "additional_groups_dn", "groups_filter", "user" })
        {
            if (ldap.Child(key).Scalar() is { } value)
            {
                values[key] = value;
            }
        }
        foreach (var (key, _, value) in ldap.Child("attributes").Entries())
        {
            if (value.Scalar() is { } attribute)
            {
                values["attributes." + key] = attribute;
            }
        }
        var disabled = backend.Child("password_reset").Child("disable").Scalar() is "true" or "True" or "yes";
        return new LdapEntry(values, disabled, file.At(YamlLoader.Line(ldap)));
    }

    private static void ReadLifetimes(InputFile file, YamlNode session, AutheliaConfig config)
    {
        var cookie = (session.Child("cookies") as YamlSequenceNode)?.Children.FirstOrDefault();
        var settings = config.Settings;
        // A cookie's own value wins over the session's, as in Authelia.
        settings.Expiration = cookie.Child("expiration").Scalar() ?? session.Child("expiration").Scalar() ?? settings.Expiration;
        settings.Inactivity = cookie.Child("inactivity").Scalar() ?? session.Child("inactivity").Scalar() ?? settings.Inactivity;
        settings.RememberMe = cookie.Child("remember_me").Scalar() ?? session.Child("remember_me").Scalar() ?? settings.RememberMe;
        settings.Where = file.At(YamlLoader.Line(session));
    }

    private static void ReadRegulation(InputFile file, YamlNode regulation, AutheliaConfig config)
    {
        var settings = config.Settings;
        settings.MaxRetries = regulation.Child("max_retries").Scalar() ?? settings.MaxRetries;
        settings.FindTime = regulation.Child("find_time").Scalar() ?? settings.FindTime;
        settings.BanTime = regulation.Child("ban_time").Scalar() ?? settings.BanTime;
        if (settings.Where == default)
        {
            settings.Where = file.At(YamlLoader.Line(regulation));
        }
    }

    private static OidcClientOptions ReadClientOptions(YamlNode client)
    {
        IReadOnlyList<string>? List(string key) => client.Child(key) is null ? null : client.Child(key).Strings();
        return new OidcClientOptions(
            List("scopes"),
            List("response_modes"),
            List("response_types"),
            client.Child("require_pkce").Scalar() is "true" or "True",
            client.Child("consent_mode").Scalar(),
            client.Child("token_endpoint_auth_method").Scalar(),
            client.Child("public").Scalar() is "true" or "True");
    }
}
