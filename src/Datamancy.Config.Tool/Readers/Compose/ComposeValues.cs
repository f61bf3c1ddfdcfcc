using System;
using System.Collections.Generic;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Readers.Compose;

/// <summary>The short and long syntaxes of compose values, parsed into one shape each.</summary>
internal static class ComposeValues
{
    /// <summary>A scalar's text; null for an empty plain scalar or YAML null.</summary>
    public static string? NullableScalar(YamlNode node) => node switch
    {
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "null" or "~" } => null,
        YamlScalarNode s => s.Value,
        _ => null,
    };

    public static IEnumerable<MountEntry> Mounts(InputFile file, YamlNode value, SourceRef where)
    {
        if (value is not YamlSequenceNode sequence)
        {
            throw new ImportException(where, "'volumes' of a service must be a list");
        }
        foreach (var item in sequence.Children)
        {
            var at = file.At(YamlLoader.Line(item));
            if (item is YamlScalarNode { Value: { } text })
            {
                yield return ShortMount(text, at);
            }
            else if (item is YamlMappingNode map)
            {
                var type = map.Child("type").Scalar() ?? "volume";
                var source = map.Child("source").Scalar() ?? string.Empty;
                var target = map.Child("target").Scalar() ?? throw new ImportException(at, "a long-syntax mount needs a 'target'");
                var readOnly = map.Child("read_only").Scalar() is "true" or "True";
                var extra = map.Entries().Select(e => e.Key).Where(k => k is not ("type" or "source" or "target" or "read_only")).ToList();
                yield return new MountEntry(type, source, target, readOnly, at, extra.Count == 0 ? null : "mount options " + string.Join(", ", extra));
            }
            else
            {
                throw new ImportException(at, "a mount must be 'source:target[:mode]' or a mapping");
            }
        }
    }

    private static MountEntry ShortMount(string text, SourceRef at)
    {
        var parts = text.Split(':');
        if (parts.Length == 1)
        {
            return new MountEntry("volume", string.Empty, parts[0], false, at, "anonymous volume");
        }
        var source = parts[0];
        var target = parts[1];
        var mode = parts.Length > 2 ? parts[2] : string.Empty;
        var modes = mode.Split(',').Where(m => m.Length > 0).ToList();
        var readOnly = modes.Contains("ro");
        var unsupported = modes.Where(m => m is not ("ro" or "rw")).ToList();
        var type = source.StartsWith(".", StringComparison.Ordinal) || source.StartsWith("/", StringComparison.Ordinal) || source.StartsWith("~", StringComparison.Ordinal) || source.StartsWith("$", StringComparison.Ordinal)
            ? "bind"
            : "volume";
        return new MountEntry(type, source, target, readOnly, at, unsupported.Count == 0 ? null : "mount mode " + string.Join(",", unsupported));
    }

    public static IEnumerable<PortEntry> Ports(InputFile file, YamlNode value, SourceRef where)
    {
        if (value is not YamlSequenceNode sequence)
        {
            throw new ImportException(where, "'ports' must be a list");
        }
        foreach (var item in sequence.Children)
        {
            var at = file.At(YamlLoader.Line(item));
            if (item is YamlMappingNode map)
            {
                var target = ComposeReader.Int(map.Child("target").Scalar()) ?? throw new ImportException(at, "a long-syntax port needs a numeric 'target'");
                var published = ComposeReader.Int(map.Child("published").Scalar()) ?? target;
                yield return new PortEntry(map.Child("host_ip").Scalar(), published, target, map.Child("protocol").Scalar() ?? "tcp", at, published + ":" + target);
                continue;
            }
            var text = item.Scalar() ?? string.Empty;
            yield return ShortPort(text, at);
        }
    }

    private static PortEntry ShortPort(string text, SourceRef at)
    {
        var protocol = "tcp";
        var body = text;
        var slash = body.LastIndexOf('/');
        if (slash > 0 && !body.Substring(slash).Contains("}"))
        {
            protocol = body.Substring(slash + 1);
            body = body.Substring(0, slash);
        }
        // The host IP may itself be an interpolation with ':' inside (${BIND:-0.0.0.0}): split from the right.
        var lastColon = body.LastIndexOf(':');
        string containerText;
        string? hostPortText = null;
        string? hostIp = null;
        if (lastColon < 0)
        {
            containerText = body;
        }
        else
        {
            containerText = body.Substring(lastColon + 1);
            var rest = body.Substring(0, lastColon);
            var hostColon = rest.EndsWith("}", StringComparison.Ordinal) ? -1 : rest.LastIndexOf(':');
            if (hostColon >= 0 && !rest.Substring(hostColon).Contains("}"))
            {
                hostPortText = rest.Substring(hostColon + 1);
                hostIp = rest.Substring(0, hostColon);
            }
            else
            {
                hostPortText = rest;
            }
        }
        var container = ComposeReader.Int(containerText);
        var host = hostPortText is null ? container : ComposeReader.Int(hostPortText);
        if (container is null || host is null)
        {
            throw new ImportException(at, "port '" + text + "' is not HOST_IP:HOST:CONTAINER[/PROTOCOL] with single numeric ports (ranges are not supported)");
        }
        return new PortEntry(hostIp, host.Value, container.Value, protocol, at, text);
    }

    public static IEnumerable<DependencyEntry> Dependencies(InputFile file, YamlNode value)
    {
        switch (value)
        {
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    yield return new DependencyEntry(item.Scalar() ?? string.Empty, "service_started", file.At(YamlLoader.Line(item)));
                }
                break;
            case YamlMappingNode map:
                foreach (var (name, keyNode, body) in map.Entries())
                {
                    yield return new DependencyEntry(name, body.Child("condition").Scalar() ?? "service_started", file.At(YamlLoader.Line(keyNode)));
                }
                break;
        }
    }

    /// <summary>A command in exec form; a string is split like a shell would for simple words, or null when it needs a shell.</summary>
    public static IReadOnlyList<string>? Command(YamlNode node)
    {
        if (node is YamlSequenceNode seq)
        {
            return seq.Children.Select(c => c.Scalar() ?? string.Empty).ToList();
        }
        var text = node.Scalar();
        if (text is null)
        {
            return null;
        }
        return ShellWords.Split(text);
    }
}
