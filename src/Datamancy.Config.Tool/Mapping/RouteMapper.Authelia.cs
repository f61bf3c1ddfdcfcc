using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Authelia;
using Datamancy.Config.Tool.Readers.Caddy;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>Authelia access rules and OIDC clients → policy, groups, bypasses, OIDC and machine clients.</summary>
internal sealed partial class RouteMapper
{
    /// <summary>Access rules: policy and groups of UI hosts, bypasses, machine clients of API hosts.</summary>
    private void Rules()
    {
        if (inputs.Authelia is null)
        {
            foreach (var ui in drafts.Values.Where(d => d.Ui is { Sso: null }))
            {
                report.Decide(ui.Where, "no Authelia file was given: '" + ui.Name + "' gets the stack's default policy (two_factor) and no group restriction.");
            }
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in inputs.Authelia.Rules)
        {
            if (rule.Unsupported is { } unsupported)
            {
                report.Unsupported(rule.Where, "access rule conditions " + unsupported, "rules match whole hosts, paths (bypass) and groups only");
            }
            foreach (var domain in rule.Domains)
            {
                if (!hosts.TryGetValue(domain, out var target))
                {
                    var portalHost = (stack.PortalHost ?? "auth") + "." + stack.Domain;
                    if (domain != portalHost)
                    {
                        report.Unsupported(rule.Where, "access rule for '" + domain + "'", domain.Contains('*') ? "wildcard rules are not expressible; each host has its own rule" : "no route in the ingress serves this host");
                    }
                    continue;
                }
                var service = target.Service;
                if (target.Api)
                {
                    var client = rule.OtherSubjects.FirstOrDefault(s => s.StartsWith("oauth2:client:", StringComparison.Ordinal));
                    if (client is not null && service.Api is not null)
                    {
                        service.Api.ClientCredentials = true;
                    }
                    continue;
                }
                var ui = service.Ui!;
                if (rule.Policy == "bypass")
                {
                    if (rule.Resources.Count == 0)
                    {
                        ui.Sso = "Public";
                        report.Decide(rule.Where, "'" + domain + "' bypasses Authelia entirely: imported as a public UI host without a justification (the build reports DMC1001).");
                    }
                    else
                    {
                        ui.Bypass.AddRange(rule.Resources);
                    }
                    continue;
                }
                if (!seen.Add(domain))
                {
                    report.Unsupported(rule.Where, "a further rule for '" + domain + "'", "first match wins in Authelia; the descriptors keep the first rule of each host");
                    continue;
                }
                Policy(ui, rule.Policy, rule.Where, domain);
                foreach (var group in rule.Groups.Where(g => !service.AllowedGroups.Contains(g)))
                {
                    service.AllowedGroups.Add(Group(group, rule.Where));
                }
                foreach (var subject in rule.OtherSubjects)
                {
                    report.Unsupported(rule.Where, "subject '" + subject + "' on '" + domain + "'", "UI hosts admit groups only");
                }
            }
        }
        foreach (var missing in drafts.Values.Where(d => d.Ui is { Sso: null } && !seen.Contains(d.Ui.Subdomain + "." + stack.Domain)))
        {
            report.Decide(missing.Where, "no access rule names '" + missing.Ui!.Subdomain + "." + stack.Domain + "' (Authelia's default policy applies); imported with the stack's default policy and no group restriction.");
        }
    }

    private void Policy(UiDraft ui, string policy, SourceRef where, string domain)
    {
        switch (policy)
        {
            case "one_factor":
                ui.Policy = "OneFactor";
                break;
            case "two_factor":
                break;
            case "deny":
                report.Unsupported(where, "deny rule for '" + domain + "'", "a routed host admits its groups; remove the route instead");
                break;
            default:
                report.Unsupported(where, "policy '" + policy + "' for '" + domain + "'", "one_factor, two_factor or bypass");
                break;
        }
    }

    private string Group(string group, SourceRef where)
    {
        var member = Naming.Pascal(group).TrimStart('@');
        if (Naming.GroupName(member) != group)
        {
            report.Unsupported(where, "group '" + group + "'", "group names are lower-case letters, digits and '-'; imported as '" + Naming.GroupName(member) + "' (rename the LDAP group)");
        }
        return member;
    }

    private void Clients(IReadOnlyList<OidcClientEntry> clients)
    {
        foreach (var client in clients)
        {
            if (client.GrantTypes.Contains("client_credentials"))
            {
                var api = drafts.Values.FirstOrDefault(d => d.Api is not null && (client.ClientId == d.Name + "-api" || client.Audience.Any(a => AutheliaReader.HostOf(a) == (d.Api.Subdomain ?? "api." + d.Name) + "." + stack.Domain)));
                if (api is null)
                {
                    report.Unsupported(client.Where, "OIDC client '" + client.ClientId + "' (client_credentials)", "no API host in the ingress matches its audience: an OIDC client without a service");
                    continue;
                }
                api.Api!.ClientCredentials = true;
                if (client.ClientId != api.Name + "-api")
                {
                    report.Decide(client.Where, "client '" + client.ClientId + "' becomes '" + api.Name + "-api' (machine clients are named after their service).");
                }
                continue;
            }
            var uri = client.RedirectUris.FirstOrDefault();
            var host = uri is null ? null : AutheliaReader.HostOf(uri);
            if (IsExternal(client))
            {
                External(client);
                continue;
            }
            if (host is null || !hosts.TryGetValue(host, out var target) || target.Api)
            {
                report.Unsupported(client.Where, "OIDC client '" + client.ClientId + "'", "its redirect URI " + (uri ?? "(none)") + " is not a UI host of any service: an OIDC client without a service");
                continue;
            }
            var service = target.Service;
            var ui = service.Ui!;
            if (ui.Sso != "Oidc")
            {
                report.Decide(client.Where, "'" + host + "' is also guarded by forward_auth; it is imported as an OIDC client (the application signs users in itself).");
                ui.Sso = "Oidc";
            }
            var path = new Uri(uri!).AbsolutePath;
            if (path != "/oauth2/callback")
            {
                ui.OidcCallbackPath = path;
            }
            if (client.RedirectUris.Count > 1)
            {
                report.Unsupported(client.Where, "further redirect URIs of '" + client.ClientId + "'", "one callback per client");
            }
            if (client.ClientId != service.Name)
            {
                report.Decide(client.Where, "client '" + client.ClientId + "' becomes '" + service.Name + "' (clients are named after their service); change the application's client id.");
            }
            var secret = client.SecretReference is { } reference && reference.EndsWith("_DIGEST", StringComparison.Ordinal)
                ? reference.Substring(0, reference.Length - "_DIGEST".Length)
                : client.SecretReference ?? Naming.EnvName(service.Name) + "_OIDC_CLIENT_SECRET";
            ui.OidcClientSecret = secret;
            oidcSecrets.Add((service, secret, client.Where));
            service.OidcOptions = Options(client, external: false);
            var policy = client.Policy;
            if (policy is not null && inputs.Authelia!.Policies.TryGetValue(policy, out var named))
            {
                Policy(ui, named.RulePolicy ?? named.DefaultPolicy, named.Where, host);
                foreach (var group in named.Groups.Where(g => !service.AllowedGroups.Contains(g)))
                {
                    service.AllowedGroups.Add(Group(group, named.Where));
                }
            }
            else if (policy is not null)
            {
                Policy(ui, policy, client.Where, host);
            }
        }
    }
}
