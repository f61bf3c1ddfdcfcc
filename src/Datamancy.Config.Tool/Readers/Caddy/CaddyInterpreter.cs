using System;
using System.Collections.Generic;
using System.Linq;

namespace Datamancy.Config.Tool.Readers.Caddy;

/// <summary>Turns site blocks into routes: upstream, forward_auth, remote_ip guards, bearer checks, client certificates.</summary>
internal static class CaddyInterpreter
{
    /// <summary>Directives that change nothing the descriptors describe (logging, compression, header scrubbing).</summary>
    private static readonly HashSet<string> Harmless = new(StringComparer.Ordinal) { "encode", "log", "log_skip", "skip_log", "request_header", "header" };

    public static void Interpret(CaddyConfig config, CaddyIngress ingress, string? labelService = null)
    {
        if (config.Global is { } global)
        {
            ingress.GlobalWhere = global.Where;
            foreach (var option in global.Children)
            {
                switch (option.Name)
                {
                    case "email":
                        ingress.Email = option.Args.FirstOrDefault();
                        break;
                    case "acme_ca":
                        ingress.AcmeCa = option.Args.FirstOrDefault();
                        break;
                    case "local_certs":
                        break;
                    default:
                        ingress.Unsupported.Add((option.Where, "global option '" + option + "' (the generated Caddyfile sets its own global options)"));
                        break;
                }
            }
        }
        foreach (var site in config.Sites)
        {
            foreach (var address in site.Tokens)
            {
                var host = Host(address);
                var route = new CaddyRoute(host, site.Where) { LabelService = labelService };
                var matchers = new Dictionary<string, CaddyNode>(StringComparer.Ordinal);
                Walk(config, site.Children, route, matchers, new HashSet<string>(StringComparer.Ordinal), depth: 0);
                if (HasPath(address))
                {
                    route.Unsupported.Add((site.Where, "site address with a path '" + address + "' (descriptors route whole hosts)"));
                }
                ingress.Routes.Add(route);
            }
        }
    }

    /// <summary>The host of a site address: scheme, port and path removed.</summary>
    public static string Host(string address)
    {
        var host = address;
        var scheme = host.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            host = host.Substring(scheme + 3);
        }
        var slash = host.IndexOf('/');
        if (slash >= 0)
        {
            host = host.Substring(0, slash);
        }
        var colon = host.LastIndexOf(':');
        if (colon >= 0 && !host.EndsWith("]", StringComparison.Ordinal))
        {
            host = host.Substring(0, colon);
        }
        return host.ToLowerInvariant();
    }

    private static bool HasPath(string address)
    {
        var scheme = address.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme >= 0 ? address.Substring(scheme + 3) : address;
        var slash = rest.IndexOf('/');
        return slash >= 0 && slash < rest.Length - 1;
    }

    private static void Walk(CaddyConfig config, IEnumerable<CaddyNode> nodes, CaddyRoute route, Dictionary<string, CaddyNode> matchers, HashSet<string> imports, int depth)
    {
        if (depth > 16)
        {
            return;
        }
        foreach (var node in nodes)
        {
            var args = node.Args.ToList();
            if (node.Name.StartsWith("@", StringComparison.Ordinal))
            {
                matchers[node.Name] = node;
                continue;
            }
            switch (node.Name)
            {
                case "import":
                    var name = args.FirstOrDefault() ?? string.Empty;
                    if (config.Snippets.TryGetValue(name, out var snippet))
                    {
                        if (imports.Add(name))
                        {
                            Walk(config, snippet.Children, route, matchers, imports, depth + 1);
                            imports.Remove(name);
                        }
                    }
                    else
                    {
                        route.Unsupported.Add((node.Where, "import of '" + name + "', which is not a snippet of this configuration"));
                    }
                    break;
                case "forward_auth":
                    route.ForwardAuth = true;
                    break;
                case "reverse_proxy":
                    var upstream = args.FirstOrDefault(a => !a.StartsWith("@", StringComparison.Ordinal) && !a.StartsWith("/", StringComparison.Ordinal) && a != "*");
                    if (args.FirstOrDefault() is { } first && (first.StartsWith("@", StringComparison.Ordinal) || first.StartsWith("/", StringComparison.Ordinal)))
                    {
                        route.Unsupported.Add((node.Where, "reverse_proxy for part of the site only ('" + node + "')"));
                    }
                    if (route.Upstream is null && upstream is not null)
                    {
                        route.Upstream = StripScheme(upstream);
                        route.UpstreamWhere = node.Where;
                    }
                    else if (upstream is not null && StripScheme(upstream) != route.Upstream)
                    {
                        route.Unsupported.Add((node.Where, "a second upstream '" + upstream + "' (a host routes to one service)"));
                    }
                    break;
                case "respond":
                case "abort":
                    var matcher = args.FirstOrDefault(a => a.StartsWith("@", StringComparison.Ordinal));
                    if (matcher is not null && matchers.TryGetValue(matcher, out var definition))
                    {
                        Guard(definition, route);
                    }
                    else
                    {
                        route.Unsupported.Add((node.Where, "'" + node + "'"));
                    }
                    break;
                case "route":
                case "handle":
                    if (args.Count > 0)
                    {
                        route.Unsupported.Add((node.Where, node.Name + " for part of the site ('" + node + "')"));
                    }
                    Walk(config, node.Children, route, matchers, imports, depth + 1);
                    break;
                case "tls":
                    foreach (var ca in Descendants(node).Where(n => n.Name is "trusted_ca_cert_file"))
                    {
                        route.ClientCaFile = ca.Args.FirstOrDefault();
                    }
                    if (args.Count > 0 || node.Children.Any(c => c.Name != "client_auth"))
                    {
                        route.Unsupported.Add((node.Where, "tls settings '" + node + "' other than client certificates"));
                    }
                    break;
                case "basicauth":
                case "basic_auth":
                    route.BasicAuth = true;
                    route.Unsupported.Add((node.Where, node.Name + " (basic authentication in the ingress; descriptors use Authelia single sign-on)"));
                    break;
                default:
                    if (!Harmless.Contains(node.Name))
                    {
                        route.Unsupported.Add((node.Where, "'" + node + "'"));
                    }
                    break;
            }
        }
    }

    private static void Guard(CaddyNode matcher, CaddyRoute route)
    {
        var tokens = matcher.Args.ToList();
        if (tokens.Count >= 2 && tokens[0] == "not" && tokens[1] == "remote_ip")
        {
            route.Allowlist = string.Join(" ", tokens.Skip(2));
        }
        else if (tokens.Count >= 3 && tokens[0] == "not" && tokens[1] == "header" && tokens[2] == "Authorization")
        {
            route.RequireBearer = true;
        }
        else
        {
            route.Unsupported.Add((matcher.Where, "matcher '" + matcher + "'"));
        }
    }

    private static IEnumerable<CaddyNode> Descendants(CaddyNode node) =>
        node.Children.SelectMany(c => new[] { c }.Concat(Descendants(c)));

    private static string StripScheme(string upstream)
    {
        var scheme = upstream.IndexOf("://", StringComparison.Ordinal);
        return scheme >= 0 ? upstream.Substring(scheme + 3) : upstream;
    }
}
