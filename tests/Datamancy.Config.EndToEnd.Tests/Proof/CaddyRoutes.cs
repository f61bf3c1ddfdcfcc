using System.Text.Json.Nodes;
using Datamancy.Config.Tests.Infrastructure;

namespace Datamancy.Config.EndToEnd.Tests.Proof;

/// <summary>
/// What Caddy itself makes of a Caddyfile: <c>caddy adapt</c> to JSON, then, per site host, every address
/// its handlers dial (reverse_proxy upstreams and the forward_auth upstream alike).
/// </summary>
public static class CaddyRoutes
{
    public static Dictionary<string, SortedSet<string>> DialsByHost(string caddy, string caddyfile, IReadOnlyDictionary<string, string?> environment)
    {
        using var folder = new TempFolder();
        var path = folder.Write("Caddyfile", caddyfile);
        var result = Tools.Run(caddy, new[] { "adapt", "--config", path, "--adapter", "caddyfile" }, folder.Path, environment.ToDictionary(p => p.Key, p => p.Value));
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("caddy adapt failed: " + result.StandardError);
        }
        var dials = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var servers = JsonNode.Parse(result.StandardOutput)!["apps"]!["http"]!["servers"]!.AsObject();
        foreach (var (_, server) in servers)
        {
            foreach (var route in server!["routes"]!.AsArray())
            {
                var hosts = route!["match"]?.AsArray().SelectMany(m => m!["host"]?.AsArray().Select(h => h!.GetValue<string>()) ?? Enumerable.Empty<string>()).ToList() ?? new List<string>();
                var routeDials = new SortedSet<string>(Dials(route["handle"]), StringComparer.Ordinal);
                foreach (var host in hosts)
                {
                    if (!dials.TryGetValue(host, out var set))
                    {
                        dials[host] = set = new SortedSet<string>(StringComparer.Ordinal);
                    }
                    set.UnionWith(routeDials);
                }
            }
        }
        return dials;
    }

    private static IEnumerable<string> Dials(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "dial" && p.Value is JsonValue v ? new[] { v.GetValue<string>() } : Dials(p.Value)),
        JsonArray a => a.SelectMany(Dials),
        _ => Enumerable.Empty<string>(),
    };
}
