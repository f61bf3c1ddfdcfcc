using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Readers.Authelia;

/// <summary>
/// Reads Authelia configuration files: access rules, OIDC clients and their policies, session, LDAP and TOTP.
/// Unknown keys in those sections stop the import at their line (Authelia would refuse to start). Secret values are
/// never kept: a literal where a secret belongs is recorded by the name it moves to.
/// </summary>
internal static partial class AutheliaReader
{
    private static readonly Regex EnvTemplate = new(@"^\{\{\s*env\s+""(?<name>[A-Za-z_][A-Za-z0-9_]*)""\s*\}\}$", RegexOptions.CultureInvariant);
    private static readonly Regex SecretKey = new(@"(secret|password|key|token)$", RegexOptions.CultureInvariant);

    private static readonly Dictionary<string, string> SecretNames = new(StringComparer.Ordinal)
    {
        ["jwt_secret"] = "AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET",
        ["identity_validation.reset_password.jwt_secret"] = "AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET",
        ["session.secret"] = "AUTHELIA_SESSION_SECRET",
        ["storage.encryption_key"] = "AUTHELIA_STORAGE_ENCRYPTION_KEY",
        ["authentication_backend.ldap.password"] = "LDAP_ADMIN_PASSWORD",
        ["identity_providers.oidc.hmac_secret"] = "AUTHELIA_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET",
        ["identity_providers.oidc.issuer_private_key"] = "AUTHELIA_IDENTITY_PROVIDERS_OIDC_ISSUER_PRIVATE_KEY",
    };

    public static AutheliaConfig Read(IReadOnlyList<InputFile> files, List<(string Name, SourceRef Where, string Owner)> secretLiterals)
    {
        var config = new AutheliaConfig();
        foreach (var file in files)
        {
            config.Files.Add(file);
            var root = YamlLoader.LoadMapping(file, "Authelia");
            CheckKeys(file, root, AutheliaKeys.TopLevel, "the top level");
            FindSecretLiterals(file, root, string.Empty, secretLiterals);
            foreach (var (key, keyNode, value) in root.Entries())
            {
                var where = file.At(YamlLoader.Line(keyNode));
                switch (key)
                {
                    case "access_control":
                        ReadAccessControl(file, value, config);
                        break;
                    case "session":
                        ReadSession(file, value, config);
                        break;
                    case "authentication_backend":
                        CheckKeys(file, value, AutheliaKeys.AuthenticationBackend, "authentication_backend");
                        if (value.Child("ldap") is { } ldap)
                        {
                            var address = ldap.Child("address").Scalar() ?? ldap.Child("url").Scalar();
                            if (address is not null)
                            {
                                config.LdapHost = new Located<string>(HostOf(address), file.At(YamlLoader.Line(ldap)));
                                config.LdapPort = PortOf(address);
                            }
                            config.Ldap = ReadLdap(file, value, ldap);
                            config.Derived.Add((file.At(YamlLoader.Line(ldap)), "authentication_backend.ldap: the address derives from the directory service; a layout other than the domain-derived defaults becomes [Ldap]"));
                        }
                        if (value.Child("file") is { } users)
                        {
                            config.Unsupported.Add((file.At(YamlLoader.Line(users)), "authentication_backend.file: descriptors use an LDAP directory service for users and groups"));
                        }
                        break;
                    case "identity_providers":
                        CheckKeys(file, value, AutheliaKeys.IdentityProviders, "identity_providers");
                        ReadOidc(file, value.Child("oidc"), config);
                        break;
                    case "totp":
                        CheckKeys(file, value, AutheliaKeys.Totp, "totp");
                        if (value.Child("issuer").Scalar() is { } issuer)
                        {
                            config.TotpIssuer = new Located<string>(issuer, file.At(YamlLoader.Line(value.Child("issuer")!)));
                        }
                        break;
                    case "regulation":
                        ReadRegulation(file, value, config);
                        break;
                    default:
                        config.Derived.Add((where, key + ": set by the generated configuration"));
                        break;
                }
            }
        }
        return config;
    }

    private static void CheckKeys(InputFile file, YamlNode? node, HashSet<string> known, string section)
    {
        foreach (var (key, keyNode, _) in node.Entries())
        {
            if (!known.Contains(key))
            {
                var suggestion = known.OrderBy(k => Distance(k, key)).First();
                throw new ImportException(file.At(YamlLoader.Line(keyNode)), "unknown Authelia key '" + key + "' in " + section
                    + (Distance(suggestion, key) <= 3 ? " (did you mean '" + suggestion + "'?)" : string.Empty) + "; Authelia 4.39 refuses to start with it");
            }
        }
    }

    private static void ReadAccessControl(InputFile file, YamlNode value, AutheliaConfig config)
    {
        CheckKeys(file, value, AutheliaKeys.AccessControl, "access_control");
        if (value.Child("default_policy") is YamlScalarNode policy)
        {
            config.DefaultPolicy = new Located<string>(policy.Value ?? string.Empty, file.At(YamlLoader.Line(policy)));
        }
        if (value.Child("networks") is { } networks)
        {
            config.Unsupported.Add((file.At(YamlLoader.Line(networks)), "access_control.networks: named networks are not expressible; API hosts use an IP allowlist in the ingress"));
        }
        if (value.Child("rules") is not YamlSequenceNode rules)
        {
            return;
        }
        // A later file (the full configuration after the bootstrap one) replaces the rules an earlier file had for its hosts.
        var domains = new HashSet<string>(rules.Children.SelectMany(r => r.Child("domain").Strings()).Select(d => d.ToLowerInvariant()), StringComparer.Ordinal);
        for (var i = config.Rules.Count - 1; i >= 0; i--)
        {
            var earlier = config.Rules[i];
            if (earlier.Where.File != file.Display && earlier.Domains.Any(domains.Contains))
            {
                var kept = earlier.Domains.Where(d => !domains.Contains(d)).ToList();
                config.Derived.Add((earlier.Where, "rule for " + string.Join(", ", earlier.Domains.Where(domains.Contains)) + " replaced by the rules of " + file.Display));
                if (kept.Count == 0)
                {
                    config.Rules.RemoveAt(i);
                }
                else
                {
                    config.Rules[i] = earlier with { Domains = kept };
                }
            }
        }
        foreach (var rule in rules.Children)
        {
            var where = file.At(YamlLoader.Line(rule));
            CheckKeys(file, rule, AutheliaKeys.Rule, "an access_control rule");
            var subjects = new List<string>();
            foreach (var subject in rule.Child("subject") switch { YamlSequenceNode s => s.Children, { } one => new[] { one }, _ => Array.Empty<YamlNode>() })
            {
                // A nested list is an AND of subjects; the descriptors only have "any of these groups".
                subjects.AddRange(subject is YamlSequenceNode and ? and.Children.Select(c => c.Scalar() ?? string.Empty) : new[] { subject.Scalar() ?? string.Empty });
            }
            var unsupported = new List<string>();
            foreach (var key in new[] { "domain_regex", "methods", "networks", "query" })
            {
                if (rule.Child(key) is not null)
                {
                    unsupported.Add(key);
                }
            }
            config.Rules.Add(new AccessRule(
                rule.Child("domain").Strings().Select(d => d.ToLowerInvariant()).ToList(),
                rule.Child("policy").Scalar() ?? "deny",
                subjects.Where(s => s.StartsWith("group:", StringComparison.Ordinal)).Select(s => s.Substring(6)).ToList(),
                subjects.Where(s => !s.StartsWith("group:", StringComparison.Ordinal)).ToList(),
                rule.Child("resources").Strings(),
                where,
                unsupported.Count == 0 ? null : string.Join(", ", unsupported)));
        }
    }

    private static void ReadSession(InputFile file, YamlNode value, AutheliaConfig config)
    {
        CheckKeys(file, value, AutheliaKeys.Session, "session");
        if (value.Child("cookies") is YamlSequenceNode cookies)
        {
            foreach (var cookie in cookies.Children)
            {
                CheckKeys(file, cookie, AutheliaKeys.Cookie, "a session cookie");
            }
            var first = cookies.Children.FirstOrDefault();
            if (first?.Child("domain").Scalar() is { } domain)
            {
                config.CookieDomain = new Located<string>(domain, file.At(YamlLoader.Line(first)));
            }
            if (first?.Child("authelia_url").Scalar() is { } url)
            {
                config.PortalUrl = new Located<string>(url, file.At(YamlLoader.Line(first.Child("authelia_url")!)));
            }
            if (first?.Child("default_redirection_url").Scalar() is { } redirection)
            {
                config.Settings.DefaultRedirectionUrl = redirection;
            }
            if (cookies.Children.Count > 1)
            {
                config.Unsupported.Add((file.At(YamlLoader.Line(cookies.Children[1])), "a second session cookie domain: a stack has one domain"));
            }
        }
        else if (value.Child("domain").Scalar() is { } legacy)
        {
            config.CookieDomain = new Located<string>(legacy, file.At(YamlLoader.Line(value.Child("domain")!)));
        }
        ReadLifetimes(file, value, config);
        if (value.Child("redis") is { } redis && redis.Child("host").Scalar() is { } host)
        {
            config.RedisHost = new Located<string>(host, file.At(YamlLoader.Line(redis)));
            config.RedisPort = Compose.ComposeReader.Int(redis.Child("port").Scalar()) ?? 6379;
        }
    }

    private static void ReadOidc(InputFile file, YamlNode? oidc, AutheliaConfig config)
    {
        if (oidc is null)
        {
            return;
        }
        CheckKeys(file, oidc, AutheliaKeys.Oidc, "identity_providers.oidc");
        foreach (var (name, keyNode, body) in oidc.Child("authorization_policies").Entries())
        {
            var rule = (body.Child("rules") as YamlSequenceNode)?.Children.FirstOrDefault();
            var groups = rule?.Child("subject") switch
            {
                YamlSequenceNode s => s.Children.Select(c => c.Scalar() ?? string.Empty).ToList(),
                YamlScalarNode one => new List<string> { one.Value ?? string.Empty },
                _ => new List<string>(),
            };
            config.Policies[name] = new OidcPolicy(name, body.Child("default_policy").Scalar() ?? "two_factor", rule?.Child("policy").Scalar(),
                groups.Where(g => g.StartsWith("group:", StringComparison.Ordinal)).Select(g => g.Substring(6)).ToList(), file.At(YamlLoader.Line(keyNode)));
        }
        if (oidc.Child("clients") is YamlSequenceNode clients)
        {
            foreach (var client in clients.Children)
            {
                CheckKeys(file, client, AutheliaKeys.Client, "an OIDC client");
                var secret = client.Child("client_secret").Scalar();
                var template = secret is null ? null : EnvTemplate.Match(secret.Trim());
                config.Clients.Add(new OidcClientEntry(
                    client.Child("client_id").Scalar() ?? string.Empty,
                    client.Child("redirect_uris").Strings(),
                    client.Child("grant_types").Strings(),
                    client.Child("authorization_policy").Scalar(),
                    template is { Success: true } ? template.Groups["name"].Value : null,
                    secret is not null && template is not { Success: true },
                    client.Child("audience").Strings(),
                    file.At(YamlLoader.Line(client)),
                    ReadClientOptions(client)));
            }
        }
    }

    public static string Env(string name) => Regex.Replace(name.ToUpperInvariant(), "[^A-Z0-9]", "_");

    private static int PortOf(string address)
    {
        var host = address.Substring(address.IndexOf("://", StringComparison.Ordinal) + 3);
        var colon = host.IndexOf(':');
        return colon >= 0 && Compose.ComposeReader.Int(host.Substring(colon + 1).TrimEnd('/')) is { } port ? port : 389;
    }

    public static string HostOf(string address)
    {
        var host = address;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host.Substring(scheme + 3);
        }
        var end = host.IndexOfAny(new[] { ':', '/' });
        return end >= 0 ? host.Substring(0, end) : host;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
        }
        return d[a.Length, b.Length];
    }
}
