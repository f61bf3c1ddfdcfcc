using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Renders network-map.md: who is on which network and which host routes where, as tables and Mermaid.</summary>
    internal static class NetworkMapRenderer
    {
        public static string Render(StackModel stack)
        {
            var ingress = stack.WithRole(ServiceRole.Ingress);
            var services = stack.Ordered().Select(s => new
            {
                s.Name,
                Id = NodeId(s),
                Role = s.Role.ToString().ToLowerInvariant(),
                Profile = string.Join(" + ", new[] { s.Profile.ToString().ToLowerInvariant() }.Concat(s.Extras.NamedProfiles)) + (s.Extras.Job is null ? string.Empty : " (one-shot job)"),
                Frontend = Mark(s, Network.Frontend),
                Backend = Mark(s, Network.Backend),
                Database = Mark(s, Network.Database),
                Ports = s.Ports.Count == 0 ? "none" : string.Join(", ", s.Ports.Select(p => p.HostPort + "/" + (p.Protocol == Protocol.Udp ? "udp" : "tcp"))),
                Networks = s.Networks.NetworkNames().ToArray(),
            }).ToList();
            return ScribanTemplates.Render("NetworkMap.sbn", new
            {
                StackName = stack.Settings.Name,
                Services = services,
                Routes = Routes(stack),
                Networks = new[] { "frontend", "backend", "database" },
                IngressId = ingress is null ? null : NodeId(ingress),
                Addressing = Addressing(stack),
            }) + Links.LinkMapSection.Render(stack);
        }

        /// <summary>Fixed subnets, network aliases (the hairpin too) and static host entries, one line each.</summary>
        private static List<string> Addressing(StackModel stack)
        {
            var lines = new List<string>();
            var more = stack.Settings.More;
            foreach (var (network, subnet) in new[] { ("frontend", more.FrontendSubnet), ("backend", more.BackendSubnet), ("database", more.DatabaseSubnet) })
            {
                if (subnet is not null)
                {
                    lines.Add("`" + network + "` has the fixed subnet `" + subnet + "`.");
                }
            }
            foreach (var s in stack.Ordered())
            {
                var aliases = AliasQueries.Of(stack, s);
                if (aliases.Count > 0)
                {
                    lines.Add("`" + s.Name + "` is also `" + string.Join("`, `", aliases) + "` on " + string.Join(", ", s.Networks.NetworkNames())
                        + (s.Role == ServiceRole.Ingress && more.Hairpin ? " (hairpin: services inside the stack reach the public hosts through the ingress)." : "."));
                }
                foreach (var host in s.Extras.ExtraHosts.Where(h => Validation.ValueRules.IsJustification(h.Justification)))
                {
                    lines.Add("`" + s.Name + "` resolves `" + host.Host + "` to `" + host.Address + "` (extra_hosts).");
                }
                if (s.Extras.Dns is { } dns && Validation.ValueRules.IsJustification(dns.Justification))
                {
                    lines.Add("`" + s.Name + "` uses the DNS servers `" + string.Join("`, `", dns.Servers) + "`.");
                }
            }
            return lines;
        }

        internal static List<RouteView> Routes(StackModel stack)
        {
            var routes = new List<RouteView>();
            if (stack.WithRole(ServiceRole.Sso) is { } sso)
            {
                routes.Add(new RouteView(stack.PortalFqdn(), "SSO portal", sso.Upstream(), NodeId(sso)));
            }
            foreach (var s in stack.Ordered())
            {
                if (s.Ui is { } ui)
                {
                    var groups = ui.Groups.Count == 0 ? "any user" : "groups " + string.Join(", ", ui.Groups);
                    var access = ui.Sso switch
                    {
                        SsoMode.ForwardAuth => "forward_auth, " + stack.EffectivePolicy(ui).ToAuthelia() + ", " + groups,
                        SsoMode.Oidc => "app-level OIDC (client " + s.ClientId() + "), " + groups,
                        _ => "public: " + Markdown.Escape(ui.Justification ?? string.Empty),
                    };
                    routes.Add(new RouteView(stack.Fqdn(ui.Subdomain), access, s.Upstream(), NodeId(s)));
                }
                if (s.Api is { } api)
                {
                    var factors = new List<string> { "IP allowlist `" + api.AllowlistVariable + "`" };
                    if (api.ApiKeySecret is not null) factors.Add("API key `" + api.ApiKeySecret + "`");
                    if (api.ClientCaFile is not null) factors.Add("mTLS");
                    if (api.ClientCredentials) factors.Add("OIDC client_credentials token of " + s.ApiClientId() + " verified by Authelia");
                    var portal = api.ClientCredentials ? ", forward_auth for the token only" : ", no forward_auth";
                    routes.Add(new RouteView(stack.Fqdn(api.Subdomain), string.Join(" + ", factors) + portal, s.Upstream(), NodeId(s)));
                }
            }
            return routes;
        }

        private static string Mark(ServiceModel s, Network network) => (s.Networks & network) != 0 ? "yes" : "";

        private static string NodeId(ServiceModel s) => "svc_" + s.Name.Replace('-', '_');

        internal sealed class RouteView
        {
            public RouteView(string host, string access, string upstream, string upstreamId)
            {
                Host = host;
                Access = access;
                Upstream = upstream;
                UpstreamId = upstreamId;
            }

            public string Host { get; }
            public string Access { get; }
            public string Upstream { get; }
            public string UpstreamId { get; }
        }
    }

    /// <summary>Escapes free text for a Markdown table cell.</summary>
    internal static class Markdown
    {
        public static string Escape(string text)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (c is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '$' or '{' or '}')
                {
                    builder.Append('\\');
                }
                builder.Append(c);
            }
            return builder.ToString();
        }
    }
}
