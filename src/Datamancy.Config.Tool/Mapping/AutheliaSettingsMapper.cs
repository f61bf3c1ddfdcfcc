using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers.Authelia;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>
/// Authelia's LDAP layout → [Ldap] on the directory, and its session lifetimes, regulation and default redirection →
/// [AutheliaSettings] on the SSO service: each value the generator would not derive by itself, read back from where it
/// renders it. A value in a shape the generator never writes is listed as not expressible.
/// </summary>
internal static class AutheliaSettingsMapper
{
    private static readonly Regex UsersFilter = new(@"^\(&\(\{username_attribute\}=\{input\}\)\(objectClass=(?<c>[^()]+)\)\)$", RegexOptions.CultureInvariant);
    private static readonly Regex GroupsFilter = new(@"^\(&\((?<a>member|uniqueMember)=\{dn\}\)\(objectClass=(?<c>[^()]+)\)\)$", RegexOptions.CultureInvariant);

    public static void Map(StackDraft stack, AutheliaConfig? authelia, Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        if (authelia is null)
        {
            return;
        }
        if (authelia.Ldap is { } ldap && authelia.LdapHost is { } host && drafts.TryGetValue(host.Value, out var directory) && directory.Role == "Directory")
        {
            Ldap(stack, ldap, directory, report);
        }
        if (drafts.Values.FirstOrDefault(d => d.Role == "Sso") is { } sso)
        {
            Settings(stack, authelia.Settings, sso, report);
        }
    }

    private static void Ldap(StackDraft stack, LdapEntry ldap, ServiceDraft directory, ImportReport report)
    {
        var domainDn = string.Join(",", stack.Domain.Split('.').Select(l => "dc=" + l));
        var values = ldap.Values;
        string? Get(string key) => values.TryGetValue(key, out var value) ? value : null;
        var baseDn = Get("base_dn") ?? domainDn;
        if (ldap.PasswordResetDisabled && Get("user") == "cn=authelia," + domainDn && directory.Image.StartsWith("osixia/openldap", StringComparison.Ordinal))
        {
            return; // the directory bootstrap's read-only service account: the generator derives it from the directory
        }
        var args = new List<(string Name, string Value)>();
        void Differs(string name, string? value, string byDefault)
        {
            if (value is not null && value != byDefault)
            {
                args.Add((name, value));
            }
        }
        Differs("BaseDn", Get("base_dn"), domainDn);
        Differs("UsersDn", Get("additional_users_dn"), "ou=users");
        Differs("GroupsDn", Get("additional_groups_dn"), "ou=groups");
        if (Get("users_filter") is { } users)
        {
            var match = UsersFilter.Match(users);
            if (match.Success)
            {
                Differs("UserObjectClass", match.Groups["c"].Value, "person");
            }
            else
            {
                report.Unsupported(ldap.Where, "users_filter '" + users + "'", "the users filter is the username attribute and one object class ([Ldap(UserObjectClass)])");
            }
        }
        if (Get("groups_filter") is { } groups && groups != "(member={dn})")
        {
            var match = GroupsFilter.Match(groups);
            var objectClass = match.Groups["c"].Value;
            var unique = string.Equals(objectClass, "groupOfUniqueNames", StringComparison.OrdinalIgnoreCase);
            if (match.Success && objectClass != "groupOfNames" && (match.Groups["a"].Value == "uniqueMember") == unique)
            {
                args.Add(("GroupObjectClass", objectClass));
            }
            else
            {
                report.Unsupported(ldap.Where, "groups_filter '" + groups + "'", "the groups filter is the member attribute of one object class ([Ldap(GroupObjectClass)])");
            }
        }
        Differs("UsernameAttribute", Get("attributes.username"), "uid");
        Differs("DisplayNameAttribute", Get("attributes.display_name"), "displayName");
        Differs("MailAttribute", Get("attributes.mail"), "mail");
        Differs("GroupNameAttribute", Get("attributes.group_name"), "cn");
        Differs("BindUser", Get("user"), "cn=admin," + baseDn);
        Differs("Implementation", Get("implementation"), "custom");
        if (args.Count > 0)
        {
            directory.Ldap = args;
            report.Decide(ldap.Where, "the LDAP layout differs from the one derived from " + stack.Domain + ": imported as [Ldap(" + string.Join(", ", args.Select(a => a.Name)) + ")] on '" + directory.Name + "'.");
        }
    }

    private static void Settings(StackDraft stack, SessionSettings settings, ServiceDraft sso, ImportReport report)
    {
        var args = new List<(string Name, string Value)>();
        void Add(string name, string? value, string? byDefault = null)
        {
            if (value is not null && value != byDefault)
            {
                args.Add((name, value));
            }
        }
        Add("SessionExpiration", settings.Expiration);
        Add("SessionInactivity", settings.Inactivity);
        Add("RememberMe", settings.RememberMe);
        if (settings.MaxRetries is { } retries && retries != "3")
        {
            if (Readers.Compose.ComposeReader.Int(retries) is > 0)
            {
                args.Add(("RegulationMaxRetries", retries));
            }
            else
            {
                report.Unsupported(settings.Where, "regulation.max_retries '" + retries + "'", "a positive number of failed logins");
            }
        }
        Add("RegulationFindTime", settings.FindTime, "2m");
        Add("RegulationBanTime", settings.BanTime, "5m");
        if (settings.DefaultRedirectionUrl is { } url)
        {
            var suffix = "." + stack.Domain;
            var host = url.StartsWith("https://", StringComparison.Ordinal) ? url.Substring("https://".Length).TrimEnd('/') : null;
            if (host is not null && host.EndsWith(suffix, StringComparison.Ordinal) && host.Length > suffix.Length && !host.Contains('/'))
            {
                args.Add(("DefaultRedirection", host.Substring(0, host.Length - suffix.Length)));
            }
            else
            {
                report.Unsupported(settings.Where, "default_redirection_url '" + url + "'", "the default redirection is a host of " + stack.Domain + " ([AutheliaSettings(DefaultRedirection)])");
            }
        }
        if (args.Count > 0)
        {
            sso.AutheliaSettings = args;
        }
    }
}
