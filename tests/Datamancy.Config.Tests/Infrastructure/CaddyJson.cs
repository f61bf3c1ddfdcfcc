using System.Text.Json.Nodes;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>One handler of an adapted Caddy route, in execution order, with the matchers that guard it.</summary>
public sealed record CaddyStep(JsonObject Handler, IReadOnlyList<JsonNode> Matchers, JsonArray Routes, int RouteIndex)
{
    public string Kind => (string)Handler["handler"]!;

    public bool Unconditional => Matchers.Count == 0;

    /// <summary>The request headers this step deletes (the <c>headers</c> handler of <c>request_header -Name</c>).</summary>
    public IEnumerable<string> DeletedRequestHeaders =>
        Kind == "headers" && Handler["request"]?["delete"] is JsonArray deleted ? deleted.Select(d => (string)d!) : Enumerable.Empty<string>();

    /// <summary><c>forward_auth</c> adapts to a <c>reverse_proxy</c> that rewrites to Authelia's authz endpoint.</summary>
    public bool IsForwardAuth => Kind == "reverse_proxy" && ((string?)Handler["rewrite"]?["uri"])?.StartsWith("/api/authz/", StringComparison.Ordinal) == true;

    public bool IsUpstreamProxy => Kind == "reverse_proxy" && !IsForwardAuth;

    public IEnumerable<string> Dials => Handler["upstreams"] is JsonArray upstreams ? upstreams.Select(u => (string)u!["dial"]!) : Enumerable.Empty<string>();
}

/// <summary>Reads the JSON that <c>caddy adapt</c> makes of a Caddyfile: which handlers run for which host, in which order.</summary>
public static class CaddyJson
{
    /// <summary>Adapts a Caddyfile; <paramref name="environment"/> is what Caddy's <c>{$VAR}</c> placeholders read.</summary>
    public static JsonObject Adapt(string caddyfile, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var result = TryAdapt(caddyfile, environment, workingDirectory);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("caddy adapt failed: " + result.StandardError);
        }
        return JsonNode.Parse(result.StandardOutput)!.AsObject();
    }

    /// <summary>Runs <c>caddy adapt</c> and returns what it said, failed or not (it opens the files a Caddyfile names).</summary>
    public static Tools.ProcessResult TryAdapt(string caddyfile, IDictionary<string, string?>? environment = null, string? workingDirectory = null)
    {
        var caddy = Tools.Require("caddy", "apt-get install -y caddy");
        using var folder = new TempFolder();
        var path = folder.Write("Caddyfile", caddyfile);
        return Tools.Run(caddy, new[] { "adapt", "--config", path, "--adapter", "caddyfile" }, workingDirectory, environment);
    }

    /// <summary>Host → the handlers run for it, depth first in execution order (subroutes expanded).</summary>
    public static Dictionary<string, List<CaddyStep>> Hosts(JsonObject adapted)
    {
        var hosts = new Dictionary<string, List<CaddyStep>>(StringComparer.Ordinal);
        foreach (var (_, server) in adapted["apps"]!["http"]!["servers"]!.AsObject())
        {
            foreach (var route in server!["routes"]!.AsArray())
            {
                var names = route!["match"]?.AsArray().SelectMany(m => m!["host"]?.AsArray().Select(h => (string)h!) ?? Enumerable.Empty<string>()).ToList() ?? new List<string>();
                foreach (var name in names)
                {
                    var steps = new List<CaddyStep>();
                    Walk(new JsonArray(), route["handle"]!.AsArray(), Array.Empty<JsonNode>(), steps, -1);
                    hosts[name] = steps;
                }
            }
        }
        return hosts;
    }

    private static void Walk(JsonArray routes, JsonArray handlers, IReadOnlyList<JsonNode> matchers, List<CaddyStep> steps, int routeIndex)
    {
        foreach (var node in handlers)
        {
            var handler = node!.AsObject();
            if ((string?)handler["handler"] == "subroute")
            {
                var inner = handler["routes"]!.AsArray();
                for (var i = 0; i < inner.Count; i++)
                {
                    var route = inner[i]!;
                    var guards = matchers.Concat(route["match"]?.AsArray().Select(m => m!) ?? Enumerable.Empty<JsonNode>()).ToList();
                    Walk(inner, route["handle"]!.AsArray(), guards, steps, i);
                }
            }
            else
            {
                steps.Add(new CaddyStep(handler, matchers, routes, routeIndex));
            }
        }
    }

    /// <summary>The <c>remote_ip</c> ranges a <c>not remote_ip</c> matcher refuses outside of.</summary>
    public static IEnumerable<string> NotRemoteIpRanges(JsonNode matcher) =>
        matcher["not"] is JsonArray nots
            ? nots.SelectMany(n => n!["remote_ip"]?["ranges"]?.AsArray().Select(r => (string)r!) ?? Enumerable.Empty<string>())
            : Enumerable.Empty<string>();

    public static bool RequiresBearer(JsonNode matcher) =>
        matcher["not"] is JsonArray nots && nots.Any(n => n!["header"]?["Authorization"] is JsonArray values && values.Any(v => ((string?)v)?.StartsWith("Bearer", StringComparison.Ordinal) == true));
}
