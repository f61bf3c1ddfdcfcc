using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Datamancy.Config.Emit;

/// <summary>
/// Compares the <c>exposure.json</c> a build produces with the one already on disk and describes what changed in
/// what the internet can reach: hosts added or removed, any property of a host (SSO mode, policy, groups, bypass
/// rules, allowlist default, factors…), published ports, docker socket mounts, privileges. The comparison is generic
/// over the members the generator writes, so a new member is compared without changing this code.
/// </summary>
public static class ExposureChanges
{
    public const string ExposureFile = "exposure.json";
    public const string ReportFile = "EXPOSURE-CHANGES.md";

    /// <summary>The change lines for one environment; <paramref name="before"/> is null when there was no earlier build.</summary>
    public static IReadOnlyList<string> Compare(string? before, string after)
    {
        using var next = JsonDocument.Parse(after);
        JsonDocument? previous = null;
        try
        {
            previous = before is null ? null : JsonDocument.Parse(before);
        }
        catch (JsonException)
        {
            previous = null; // an unreadable earlier file counts as none: everything is reported as new
        }
        using (previous)
        {
            var changes = new List<string>();
            Section(changes, previous?.RootElement, next.RootElement, "hosts", h => Text(h, "host"), "host", h => Text(h, "host"));
            Section(changes, previous?.RootElement, next.RootElement, "publishedPorts",
                p => Text(p, "service") + " " + Raw(p, "hostPort") + ":" + Raw(p, "containerPort") + "/" + Text(p, "protocol"), "published port", p => Text(p, "service") + " " + Raw(p, "hostPort") + "/" + Text(p, "protocol"));
            Section(changes, previous?.RootElement, next.RootElement, "dockerSockets", s => Text(s, "service"), "docker socket on", s => Text(s, "service"));
            Section(changes, previous?.RootElement, next.RootElement, "elevations", e => Text(e, "service") + " " + Text(e, "kind"), "privilege", e => Text(e, "service") + " " + Text(e, "kind"));
            return changes;
        }
    }

    private static void Section(List<string> changes, JsonElement? before, JsonElement after, string member, Func<JsonElement, string> key, string noun, Func<JsonElement, string> label)
    {
        var old = Items(before, member).GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        var current = Items(after, member).GroupBy(key).ToDictionary(g => g.Key, g => g.First());
        foreach (var (k, item) in current.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!old.TryGetValue(k, out var was))
            {
                changes.Add("new " + noun + " `" + label(item) + "` (" + Describe(item) + ")");
                continue;
            }
            foreach (var property in item.EnumerateObject())
            {
                var previous = was.TryGetProperty(property.Name, out var p) ? p.GetRawText() : "(absent)";
                if (previous != property.Value.GetRawText())
                {
                    changes.Add(noun + " `" + label(item) + "`: " + property.Name + " " + previous + " → " + property.Value.GetRawText());
                }
            }
        }
        foreach (var (k, item) in old.Where(p => !current.ContainsKey(p.Key)).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            changes.Add("removed " + noun + " `" + label(item) + "`");
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement? root, string member) =>
        root is { ValueKind: JsonValueKind.Object } r && r.TryGetProperty(member, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object)
            : Enumerable.Empty<JsonElement>();

    private static string Describe(JsonElement item) =>
        string.Join(", ", item.EnumerateObject().Where(p => p.Name is not ("host" or "service") && p.Value.ValueKind is not JsonValueKind.Null
            && !(p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() == 0)).Select(p => p.Name + " " + p.Value.GetRawText()));

    private static string Text(JsonElement item, string member) =>
        item.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : Raw(item, member);

    private static string Raw(JsonElement item, string member) => item.TryGetProperty(member, out var value) ? value.GetRawText() : "?";

    /// <summary>EXPOSURE-CHANGES.md: empty when no environment changed, otherwise a section per environment.</summary>
    public static string Report(IReadOnlyList<(string Environment, IReadOnlyList<string> Changes)> environments)
    {
        if (environments.All(e => e.Changes.Count == 0))
        {
            return string.Empty;
        }
        var b = new StringBuilder();
        b.Append("# Exposure changes\n\n");
        b.Append("What this build changed in what the internet can reach, compared with the `exposure.json` that was on disk before it.\n");
        b.Append("Written by Datamancy.Config on every build; empty when nothing changed. Review each line.\n");
        foreach (var (environment, changes) in environments.Where(e => e.Changes.Count > 0))
        {
            b.Append("\n## ").Append(environment).Append("\n\n");
            foreach (var change in changes)
            {
                b.Append("- ").Append(change.Replace("\n", " ", StringComparison.Ordinal)).Append('\n');
            }
        }
        return b.ToString();
    }

    /// <summary>Reads an environment's exposure.json before the build replaces it (null when absent or not a plain file).</summary>
    public static string? ReadPrevious(string root, string environment)
    {
        try
        {
            var path = ArtifactPaths.Resolve(Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar), environment + "/" + ExposureFile);
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Replaces EXPOSURE-CHANGES.md at the root of the output folder (atomically, never through a link).</summary>
    public static void WriteReport(string root, string content)
    {
        var full = Path.GetFullPath(root);
        Directory.CreateDirectory(full);
        var path = Path.Combine(full, ReportFile);
        ArtifactPaths.RefuseLink(path, ReportFile);
        if (File.Exists(path) && File.ReadAllText(path) == content)
        {
            return;
        }
        var temporary = path + ".tmp-" + Environment.ProcessId;
        File.WriteAllText(temporary, content, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}
