using System;
using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Authelia;
using Datamancy.Config.Tool.Readers.Caddy;
using Datamancy.Config.Tool.Readers.Compose;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>Everything read, as the mapper takes it.</summary>
internal sealed record ImportInputs(
    ComposeProject Compose,
    CaddyIngress Ingress,
    AutheliaConfig? Authelia,
    IReadOnlyList<EnvName>? EnvNames,
    string? EnvFile,
    IReadOnlyList<(string Name, SourceRef Where, string Owner)> AutheliaSecretLiterals);

/// <summary>Builds the stack draft: services from compose, roles, routes from the ingress, SSO from Authelia, networks, names.</summary>
internal static partial class StackMapper
{
    public static StackDraft Map(ImportInputs inputs, string domain, string name, string projectName, ImportReport report)
    {
        var stack = new StackDraft
        {
            Name = name,
            Domain = domain,
            Namespace = Naming.Pascal(projectName).TrimStart('@'),
            ClassName = Naming.Pascal(name).TrimStart('@') + "Stack",
        };
        var compose = inputs.Compose;
        var parts = GeneratedParts.Take(compose, domain, report);
        stack.PerLink = parts.PerLink;
        var taken = new HashSet<string>(StringComparer.Ordinal) { stack.ClassName, stack.GroupsEnum, stack.Namespace, "Group", "Network", "Profile", "Backup" };
        var drafts = new Dictionary<string, ServiceDraft>(StringComparer.Ordinal);
        var routes = inputs.Ingress.Routes;
        var routedServices = new HashSet<string>(routes.Select(r => UpstreamService(r.Upstream)).Where(s => s is not null)!, StringComparer.Ordinal);
        foreach (var service in compose.Services)
        {
            var draft = new ServiceDraft(service.Name, service.Where) { ClassName = Naming.Unique(Naming.Pascal(service.Name), taken) };
            draft.Role = ServiceMapper.RoleFromImage(service, routedServices.Contains(service.Name));
            drafts[service.Name] = draft;
            stack.Services.Add(draft);
        }
        GeneratedRoles(parts, drafts);
        Roles(stack, inputs, drafts, report);
        var portal = PortalHost(inputs, domain, drafts, report);
        stack.PortalHost = portal == "auth" ? null : portal;

        // Routes first: API allowlist variables are derived, so the ingress's copies of them are not declared again.
        var routeMapper = new RouteMapper(stack, drafts, inputs, report);
        routeMapper.Map(portal);
        var allowlists = drafts.Values.Where(d => d.Api is not null).Select(d => d.Api!.AllowlistVariable ?? "API_" + Naming.EnvName(d.Name) + "_ALLOWLIST").ToList();
        var mapper = new ServiceMapper(stack, report, parts.BackedUp);
        foreach (var service in compose.Services)
        {
            mapper.Map(service, drafts[service.Name], allowlists, n => drafts.TryGetValue(n, out var d) ? d.ClassName : null, HairpinAliases(stack, service, drafts[service.Name], report));
        }
        routeMapper.ApiKeys();
        ResourceDefaults.Infer(stack, stack.Services, report);
        AutheliaSettingsMapper.Map(stack, inputs.Authelia, drafts, report);
        CaddyBuild(drafts, report);
        Ports(compose, drafts, report); // first: a link's target is the side with a port
        if (parts.PerLink)
        {
            LinkMapper.Map(stack, parts, drafts, report);
        }
        else
        {
            Networks(compose, drafts, report);
            Subnets(stack, compose);
        }
        SecretKinds(inputs, drafts);
        foreach (var literal in inputs.AutheliaSecretLiterals)
        {
            report.SecretsMoved.Add(literal);
        }
        EnvNameCheck(inputs, drafts, report);
        foreach (var draft in stack.Services)
        {
            report.Imported.Add((draft.Name, draft.ClassName, draft.File + ".cs", draft.Where));
        }
        return stack;
    }

    public static string? UpstreamService(string? upstream)
    {
        if (upstream is null)
        {
            return null;
        }
        var colon = upstream.LastIndexOf(':');
        return colon > 0 ? upstream.Substring(0, colon) : upstream;
    }

    public static int? UpstreamPort(string? upstream)
    {
        if (upstream is null)
        {
            return null;
        }
        var colon = upstream.LastIndexOf(':');
        return colon > 0 ? ComposeReader.Int(upstream.Substring(colon + 1)) : 80;
    }

    private static void Roles(StackDraft stack, ImportInputs inputs, Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        if (inputs.Authelia?.LdapHost is { } ldap && drafts.TryGetValue(ldap.Value, out var directory))
        {
            directory.Role = "Directory";
            directory.Port = inputs.Authelia.LdapPort;
        }
        if (inputs.Authelia?.RedisHost is { } redis && drafts.TryGetValue(redis.Value, out var cache))
        {
            cache.Role = "Cache";
            cache.Port = inputs.Authelia.RedisPort;
        }
        var caches = stack.Services.Where(s => s.Role == "Cache").ToList();
        if (caches.Count > 1 && inputs.Authelia?.RedisHost is { } store && drafts.TryGetValue(store.Value, out var sessions))
        {
            // Apps have caches of their own (redis for one app): they keep the Cache role, Authelia's is marked.
            sessions.SessionStore = true;
            report.Decide(sessions.Where, "'" + sessions.Name + "' is Authelia's session store among " + caches.Count + " caches: imported with [SessionStore].");
        }
        foreach (var role in new[] { "Ingress", "Sso", "Directory" })
        {
            var holders = stack.Services.Where(s => s.Role == role).ToList();
            foreach (var extra in holders.Skip(1))
            {
                extra.Role = "App";
                report.Decide(extra.Where, "'" + extra.Name + "' looks like another " + role.ToLowerInvariant() + " service; only '" + holders[0].Name + "' keeps that role, it is imported as an app.");
            }
            if (holders.Count > 0)
            {
                report.Decide(holders[0].Where, "'" + holders[0].Name + "' plays the " + role.ToLowerInvariant() + " role (from its image" + (role is "Directory" or "Cache" ? " or the Authelia configuration" : string.Empty) + ").");
            }
        }
        foreach (var held in caches)
        {
            report.Decide(held.Where, "'" + held.Name + "' plays the cache role (from its image or the Authelia configuration).");
        }
        foreach (var database in stack.Services.Where(s => s.Role == "Database"))
        {
            report.Decide(database.Where, "'" + database.Name + "' plays the database role (from its image): it belongs on the database network only and is never published.");
        }
    }

    private static string PortalHost(ImportInputs inputs, string domain, Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        if (inputs.Authelia?.PortalUrl is { } url)
        {
            var host = AutheliaReader.HostOf(url.Value);
            if (host.EndsWith("." + domain, StringComparison.Ordinal))
            {
                return host.Substring(0, host.Length - domain.Length - 1);
            }
            report.Unsupported(url.Where, "authelia_url '" + url.Value + "'", "the portal must be a host under the domain " + domain);
        }
        var sso = drafts.Values.FirstOrDefault(d => d.Role == "Sso");
        var route = inputs.Ingress.Routes.FirstOrDefault(r => sso is not null && UpstreamService(r.Upstream) == sso.Name && r.Host.EndsWith("." + domain, StringComparison.Ordinal));
        return route is null ? "auth" : route.Host.Substring(0, route.Host.Length - domain.Length - 1);
    }

    /// <summary>Network names → the stack's three networks: frontend/backend/database by name, internal → database, the ingress's → frontend.</summary>
    /// <summary>An ingress image not named 'caddy' (caddy-docker-proxy, an xcaddy build) needs [CaddyBuild] with the Caddy version inside, which no file shows.</summary>
    private static void CaddyBuild(Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        foreach (var ingress in drafts.Values.Where(d => d.Role == "Ingress" && d.Image.Length > 0))
        {
            var path = ingress.Image.Split('@')[0];
            if (path.Substring(path.LastIndexOf('/') + 1).Split(':')[0] != "caddy")
            {
                ingress.CaddyBuild = true;
                report.Decide(ingress.Where, "the ingress image '" + ingress.Image + "' is not named 'caddy': imported with [CaddyBuild(\"\")], which the build reports until you write the Caddy version inside the image.");
            }
        }
    }

    private static void Networks(ComposeProject compose, Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        var ingress = compose.Services.FirstOrDefault(s => drafts[s.Name].Role == "Ingress");
        var ingressNetworks = new HashSet<string>(ingress is null ? Array.Empty<string>() : NetworkNames(ingress), StringComparer.Ordinal);
        var decided = new HashSet<string>(StringComparer.Ordinal);
        foreach (var service in compose.Services)
        {
            var draft = drafts[service.Name];
            if (draft.Elevations.Any(e => e.Kind == "HostNetwork"))
            {
                draft.Networks.Add("Backend");
                continue;
            }
            foreach (var network in NetworkNames(service))
            {
                var mapped = network switch
                {
                    "frontend" => "Frontend",
                    "backend" => "Backend",
                    "database" => "Database",
                    _ when compose.Networks.TryGetValue(network, out var n) && n.Internal => "Database",
                    _ when ingressNetworks.Contains(network) => "Frontend",
                    _ => "Backend",
                };
                if (!draft.Networks.Contains(mapped))
                {
                    draft.Networks.Add(mapped);
                }
                if (network is not ("frontend" or "backend" or "database") && decided.Add(network))
                {
                    report.Decide(compose.Networks.TryGetValue(network, out var n) ? n.Where : service.Where,
                        "network '" + network + "' becomes Network." + mapped + (network == "default" ? " (compose's default network, which every service without 'networks' joins)" : string.Empty) + ".");
                }
            }
            var order = new[] { "Frontend", "Backend", "Database" };
            draft.Networks.Sort((a, b) => Array.IndexOf(order, a) - Array.IndexOf(order, b));
        }
        DatabaseUses(drafts, report);
    }

    /// <summary>
    /// Under the shared layout compose shows a service on the database network, not which databases there it uses: a
    /// [Uses] leaves no trace. Each database it does not depend on gets a TODO marker (DMC2008 until the user declares
    /// the [Uses] or leaves the network); nothing is assumed, so a member that uses nothing stays visible.
    /// </summary>
    private static void DatabaseUses(Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        var databases = drafts.Values.Where(d => d.Role == "Database" && d.Networks.Contains("Database")).OrderBy(d => d.Name, StringComparer.Ordinal).ToList();
        foreach (var client in drafts.Values.Where(d => d.Role != "Database" && d.Networks.Contains("Database")).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            foreach (var database in databases.Where(db => !client.DependsOn.Any(x => x.Service == db.Name) && !client.Uses.Contains(db.Name)))
            {
                client.UsesUnknown.Add(database.ClassName);
                report.Decide(client.Where, "'" + client.Name + "' is on the database network with '" + database.Name + "', which compose does not say it uses: declare [Uses(typeof(" + database.ClassName + "))] or leave the network (the build reports DMC2008 until then).");
            }
        }
    }

    private static IEnumerable<string> NetworkNames(ComposeService service) =>
        service.Networks.Count == 0 ? new[] { "default" } : service.Networks.Select(n => n.Value);

    private static void Ports(ComposeProject compose, Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        foreach (var service in compose.Services)
        {
            var draft = drafts[service.Name];
            if (draft.Port == 0 && service.Expose.FirstOrDefault() is { } expose && ComposeReader.Int(expose.Value.Split('/')[0]) is { } port)
            {
                draft.Port = port;
                report.Decide(expose.Where, "'" + service.Name + "' listens on " + port + " (from 'expose').");
            }
        }
    }

    /// <summary>Datamancy's own env templates say how each secret is generated; keep that when re-importing them.</summary>
    private static void SecretKinds(ImportInputs inputs, Dictionary<string, ServiceDraft> drafts)
    {
        if (inputs.EnvNames is null)
        {
            return;
        }
        var hints = inputs.EnvNames.Where(e => e.Comment is not null).ToDictionary(e => e.Name, e => e.Comment!, StringComparer.Ordinal);
        foreach (var draft in drafts.Values)
        {
            for (var i = 0; i < draft.Secrets.Count; i++)
            {
                if (hints.TryGetValue(draft.Secrets[i].Name, out var comment) && SecretKindHint.Parse(comment) is { } hint)
                {
                    draft.Secrets[i] = draft.Secrets[i] with { Kind = hint.Kind, Length = hint.Length, Prefix = hint.Prefix };
                }
            }
            SettingDescriptions(hints, draft);
        }
    }

    private static void EnvNameCheck(ImportInputs inputs, Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        if (inputs.EnvNames is null)
        {
            return;
        }
        var inFile = inputs.EnvNames.ToDictionary(e => e.Name, e => e, StringComparer.Ordinal);
        var read = inputs.Compose.Variables;
        foreach (var variable in read.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            if (!inFile.ContainsKey(variable.Key))
            {
                var near = inFile.Keys.Select(k => (Name: k, Distance: Distance(k, variable.Key))).Where(x => x.Distance <= 3).OrderBy(x => x.Distance).FirstOrDefault().Name;
                report.EnvNames.Add((variable.Value, "compose reads `" + variable.Key + "`, which " + inputs.EnvFile + " does not set" + (near is null ? "." : "; it sets `" + near + "` (a different name?).")));
            }
            else if (!inFile[variable.Key].IsSet && !inFile[variable.Key].CommentedOut)
            {
                report.EnvNames.Add((variable.Value, "compose reads `" + variable.Key + "`, which " + inputs.EnvFile + " names without a value."));
            }
        }
        foreach (var name in inputs.EnvNames.Where(e => !e.CommentedOut && !read.ContainsKey(e.Name)))
        {
            var declared = drafts.Values.Any(d => d.Secrets.Any(s => s.Name == name.Name));
            if (!declared)
            {
                report.EnvNames.Add((name.Where, "`" + name.Name + "` is set in " + inputs.EnvFile + " but no compose file reads it."));
            }
        }
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
