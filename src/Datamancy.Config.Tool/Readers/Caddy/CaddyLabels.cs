using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers.Compose;

namespace Datamancy.Config.Tool.Readers.Caddy;

/// <summary>
/// caddy-docker-proxy labels (<c>caddy</c>, <c>caddy_0</c>, <c>caddy.reverse_proxy</c>, <c>caddy.import</c>,
/// <c>caddy.forward_auth.uri</c>, <c>(snippet)</c> sites, <c>{{upstreams PORT}}</c>) turned into the same site blocks a
/// Caddyfile gives, so both are read by one interpreter.
/// </summary>
internal static class CaddyLabels
{
    private static readonly Regex Upstreams = new(@"\{\{\s*upstreams(?:\s+(?<scheme>https?))?(?:\s+(?<port>[0-9]+))?\s*\}\}", RegexOptions.CultureInvariant);
    private static readonly Regex Prefix = new(@"^caddy(?:_(?<n>[0-9]+))?(?:\.(?<path>.+))?$", RegexOptions.CultureInvariant);
    private static readonly Regex Order = new(@"^[0-9]+_", RegexOptions.CultureInvariant);

    public static bool HasCaddyLabels(ComposeService service) => service.Labels.Any(l => Prefix.IsMatch(l.Key));

    public static void Read(ComposeProject project, CaddyIngress ingress)
    {
        // Snippets may be declared on any container (usually the proxy's) and imported by every other.
        var config = new CaddyConfig();
        var sites = new List<(CaddyNode Site, string Service)>();
        foreach (var service in project.Services)
        {
            var groups = service.Labels
                .Select(l => (Label: l, Match: Prefix.Match(l.Key)))
                .Where(x => x.Match.Success)
                .GroupBy(x => x.Match.Groups["n"].Value, StringComparer.Ordinal);
            foreach (var group in groups)
            {
                var root = group.FirstOrDefault(x => !x.Match.Groups["path"].Success);
                var address = root.Label?.Value?.Trim() ?? string.Empty;
                var site = new CaddyNode(address.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries), root.Label?.Where ?? group.First().Label.Where);
                foreach (var (label, match) in group.Where(x => x.Match.Groups["path"].Success))
                {
                    Add(site, match.Groups["path"].Value.Split('.'), Expand(label.Value ?? string.Empty, service.Name), label.Where);
                }
                if (address.StartsWith("(", StringComparison.Ordinal) && address.EndsWith(")", StringComparison.Ordinal))
                {
                    config.Snippets[address.Substring(1, address.Length - 2)] = site;
                }
                else if (address.Length == 0)
                {
                    config.Global ??= new CaddyNode(Array.Empty<string>(), site.Where);
                    config.Global.Children.AddRange(site.Children);
                }
                else
                {
                    sites.Add((site, service.Name));
                }
            }
        }
        if (config.Global is not null)
        {
            CaddyInterpreter.Interpret(new CaddyConfig { Global = config.Global }, ingress);
        }
        foreach (var (site, service) in sites)
        {
            var one = new CaddyConfig();
            foreach (var snippet in config.Snippets)
            {
                one.Snippets[snippet.Key] = snippet.Value;
            }
            one.Sites.Add(site);
            CaddyInterpreter.Interpret(one, ingress, service);
        }
    }

    private static void Add(CaddyNode site, string[] path, string value, SourceRef where)
    {
        var parent = site;
        for (var i = 0; i < path.Length; i++)
        {
            var name = Order.Replace(path[i], string.Empty);
            if (i == path.Length - 1)
            {
                var tokens = new List<string> { name };
                tokens.AddRange(Words(value));
                parent.Children.Add(new CaddyNode(tokens, where));
            }
            else
            {
                var existing = parent.Children.LastOrDefault(c => c.Name == name);
                if (existing is null)
                {
                    existing = new CaddyNode(new[] { name }, where);
                    parent.Children.Add(existing);
                }
                parent = existing;
            }
        }
    }

    private static string Expand(string value, string service) =>
        Upstreams.Replace(value, m => service + ":" + (m.Groups["port"].Success ? m.Groups["port"].Value : "80"));

    private static IEnumerable<string> Words(string value)
    {
        var words = ShellWords.Split(value);
        return words ?? value.Split(new[] { ' ' }, StringSplitOptions.RemoveEmptyEntries);
    }
}
