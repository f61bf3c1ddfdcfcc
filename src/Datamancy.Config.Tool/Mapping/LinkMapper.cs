using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>
/// A per-link stack (<c>NetworkLayout.PerLink</c>): each <c>link.a.b</c> network is a link the descriptors already imply
/// (a route, the SSO provider's directory and session store, an OIDC back-channel, <c>depends_on</c>) or a <c>[Uses]</c>;
/// each <c>egress.s</c> network is an <c>[Egress]</c> whose reason only the user can write. The shared networks the
/// services declare show nowhere in compose under this layout, so they are inferred and the report says so.
/// </summary>
internal static class LinkMapper
{
    public static void Map(StackDraft stack, GeneratedParts parts, Dictionary<string, ServiceDraft> drafts, ImportReport report)
    {
        foreach (var (a, b) in parts.Links)
        {
            if (!drafts.TryGetValue(a, out var first) || !drafts.TryGetValue(b, out var second) || Implied(first, second))
            {
                continue;
            }
            var (client, target, sure) = Direction(first, second);
            client.Uses.Add(target.Name);
            report.Decide(client.Where, "the link between '" + a + "' and '" + b + "' is declared as [Uses(typeof(" + target.ClassName + "))] on '" + client.Name + "'"
                + (sure ? "." : " (compose does not say which side connects; check the direction)."));
        }
        foreach (var name in parts.Egress)
        {
            if (drafts.TryGetValue(name, out var draft) && draft.Role != "Ingress")
            {
                draft.Egress = true;
                report.Decide(draft.Where, "'" + name + "' has its own egress network: imported as [Egress] with an empty reason, which the build reports until you say which internet hosts it reaches and why.");
            }
        }
        foreach (var draft in stack.Services)
        {
            var linked = parts.Links.Where(l => l.A == draft.Name || l.B == draft.Name).Select(l => l.A == draft.Name ? l.B : l.A)
                .Select(n => drafts.TryGetValue(n, out var d) ? d : null).Where(d => d is not null).Select(d => d!).ToList();
            draft.Networks.Clear();
            if (draft.Role == "Ingress")
            {
                draft.Networks.Add("Frontend");
                continue;
            }
            if (draft.Role == "Database")
            {
                draft.Networks.Add("Database");
                continue;
            }
            if (draft.Ui is not null || draft.Api is not null || draft.Role == "Sso")
            {
                draft.Networks.Add("Frontend");
            }
            if (linked.Any(d => d.Role is not ("Ingress" or "Database")) || draft.Networks.Count == 0)
            {
                draft.Networks.Add("Backend");
            }
            if (linked.Any(d => d.Role == "Database"))
            {
                draft.Networks.Add("Database");
            }
        }
    }

    /// <summary>A link the descriptors imply without a [Uses]: routes, the portal, OIDC back-channels, SSO's directory and cache, depends_on.</summary>
    private static bool Implied(ServiceDraft a, ServiceDraft b)
    {
        static bool IngressLink(ServiceDraft ingress, ServiceDraft other) =>
            ingress.Role == "Ingress" && (other.Ui is not null || other.Api is not null || other.Role == "Sso");
        static bool SsoLink(ServiceDraft sso, ServiceDraft other) => sso.Role == "Sso" && other.Role is "Directory" or "Cache";
        return IngressLink(a, b) || IngressLink(b, a) || SsoLink(a, b) || SsoLink(b, a)
            || a.DependsOn.Any(d => d.Service == b.Name) || b.DependsOn.Any(d => d.Service == a.Name);
    }

    /// <summary>Who connects to whom: the side with a port is the target; else the data service; else the side named in the other's settings; else an API host.</summary>
    private static (ServiceDraft Client, ServiceDraft Target, bool Sure) Direction(ServiceDraft a, ServiceDraft b)
    {
        static bool Serves(ServiceDraft d) => d.Role is "Database" or "Cache" or "Directory";
        if ((a.Port == 0) != (b.Port == 0))
        {
            return b.Port != 0 ? (a, b, true) : (b, a, true); // a service without a port accepts no connections
        }
        if (Serves(a) != Serves(b))
        {
            return Serves(b) ? (a, b, true) : (b, a, true);
        }
        if (Names(a, b) != Names(b, a))
        {
            return Names(a, b) ? (a, b, true) : (b, a, true);
        }
        if ((a.Api is null) != (b.Api is null))
        {
            return b.Api is not null ? (a, b, false) : (b, a, false); // an API host is more often used than using
        }
        return (a, b, false);
    }

    /// <summary>Whether a service's environment or command names the other as a host.</summary>
    private static bool Names(ServiceDraft client, ServiceDraft target)
    {
        var host = new Regex("(?<![A-Za-z0-9_.-])" + Regex.Escape(target.Name) + "(?=[:/]|$)", RegexOptions.CultureInvariant);
        return client.Env.Any(e => host.IsMatch(e.Value)) || (client.Command?.Any(host.IsMatch) ?? false);
    }
}
