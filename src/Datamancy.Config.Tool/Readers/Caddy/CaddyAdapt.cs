using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Tool.Readers.Caddy;

/// <summary>
/// Runs <c>caddy adapt</c> where Caddy is installed: Caddy's own parser decides whether the Caddyfile is valid, and its
/// JSON is the authority for which host routes to which upstream. Placeholders are adapted with an empty environment,
/// so nothing is read from the user's variables.
/// </summary>
internal static class CaddyAdapt
{
    private static readonly Regex LineInMessage = new(@":(?<line>[0-9]+)(?::|\s|$)", RegexOptions.CultureInvariant);

    public static string? FindCaddy()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DATAMANCY_CADDY");
        if (fromEnvironment is not null)
        {
            return fromEnvironment.Length == 0 || !File.Exists(fromEnvironment) ? null : fromEnvironment;
        }
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            if (directory.Length == 0)
            {
                continue;
            }
            var candidate = Path.Combine(directory, "caddy");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>Host → upstream dial, from Caddy's JSON; throws with Caddy's message and line when it refuses the file.</summary>
    public static Dictionary<string, string> Adapt(string caddy, InputFile file, out string version)
    {
        version = Run(caddy, new[] { "version" }, Path.GetDirectoryName(Path.GetFullPath(file.Path))!, out _).Split(' ').FirstOrDefault()?.Trim() ?? "?";
        var output = Run(caddy, new[] { "adapt", "--config", Path.GetFullPath(file.Path), "--adapter", "caddyfile" }, Path.GetDirectoryName(Path.GetFullPath(file.Path))!, out var error, out var exitCode);
        if (exitCode != 0)
        {
            var message = error.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.StartsWith("Error:", StringComparison.Ordinal)) ?? error.Trim();
            message = message.StartsWith("Error:", StringComparison.Ordinal) ? message.Substring(6).Trim() : message;
            var match = LineInMessage.Match(message);
            var line = match.Success ? int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
            throw new ImportException(file.At(line), "caddy adapt refuses the Caddyfile: " + message);
        }
        var routes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var json = JsonDocument.Parse(output);
        if (json.RootElement.TryGetProperty("apps", out var apps) && apps.TryGetProperty("http", out var http) && http.TryGetProperty("servers", out var servers))
        {
            foreach (var server in servers.EnumerateObject())
            {
                if (server.Value.TryGetProperty("routes", out var serverRoutes))
                {
                    foreach (var route in serverRoutes.EnumerateArray())
                    {
                        var hosts = Hosts(route);
                        var dial = Dials(route).FirstOrDefault();
                        foreach (var host in hosts.Where(h => !routes.ContainsKey(h)))
                        {
                            if (dial is not null)
                            {
                                routes[host] = dial;
                            }
                        }
                    }
                }
            }
        }
        return routes;
    }

    private static IEnumerable<string> Hosts(JsonElement route)
    {
        if (route.TryGetProperty("match", out var match))
        {
            foreach (var matcher in match.EnumerateArray())
            {
                if (matcher.TryGetProperty("host", out var hosts))
                {
                    foreach (var host in hosts.EnumerateArray())
                    {
                        yield return host.GetString() ?? string.Empty;
                    }
                }
            }
        }
    }

    /// <summary>The dials of reverse proxies that are not forward_auth (which adapts to a proxy with handle_response).</summary>
    private static IEnumerable<string> Dials(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("handler", out var handler) && handler.GetString() == "reverse_proxy" && !element.TryGetProperty("handle_response", out _)
                && element.TryGetProperty("upstreams", out var upstreams))
            {
                foreach (var upstream in upstreams.EnumerateArray())
                {
                    if (upstream.TryGetProperty("dial", out var dial) && dial.GetString() is { } text)
                    {
                        yield return text;
                    }
                }
            }
            foreach (var property in element.EnumerateObject())
            {
                foreach (var dial in Dials(property.Value))
                {
                    yield return dial;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var dial in Dials(item))
                {
                    yield return dial;
                }
            }
        }
    }

    private static string Run(string caddy, IEnumerable<string> arguments, string directory, out string error) => Run(caddy, arguments, directory, out error, out _);

    private static string Run(string caddy, IEnumerable<string> arguments, string directory, out string error, out int exitCode)
    {
        var info = new ProcessStartInfo(caddy)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        // An empty environment: {$VAR:default} placeholders take their defaults, never the user's values.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        info.Environment["HOME"] = directory;
        using var process = Process.Start(info) ?? throw new ImportException(null, "could not start " + caddy);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new ImportException(null, "caddy adapt did not finish in 60 s");
        }
        process.WaitForExit();
        error = stderr.Result;
        exitCode = process.ExitCode;
        return stdout.Result;
    }
}
