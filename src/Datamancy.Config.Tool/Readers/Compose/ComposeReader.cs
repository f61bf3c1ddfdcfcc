using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Readers.Compose;

/// <summary>Reads one or more compose files and merges them in order, keeping every value's file and line.</summary>
internal static class ComposeReader
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "name", "version", "services", "networks", "volumes", "secrets", "configs", "include" };

    public static ComposeProject Read(IReadOnlyList<InputFile> files)
    {
        var project = new ComposeProject();
        var byName = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        var byNormalized = new Dictionary<string, ComposeService>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            project.Files.Add(file);
            var root = YamlLoader.LoadMapping(file, "compose");
            foreach (var (key, keyNode, value) in root.Entries())
            {
                var where = file.At(YamlLoader.Line(keyNode));
                switch (key)
                {
                    case "name":
                        project.Name = value.Scalar();
                        break;
                    case "services":
                        if (value is not YamlMappingNode services)
                        {
                            throw new ImportException(where, "'services' must be a mapping of service names");
                        }
                        foreach (var (name, nameNode, body) in services.Entries())
                        {
                            var at = file.At(YamlLoader.Line(nameNode));
                            if (body is not YamlMappingNode serviceBody)
                            {
                                throw new ImportException(at, "service '" + name + "' must be a mapping");
                            }
                            var normalized = name.Replace('_', '-').ToLowerInvariant();
                            if (!byName.TryGetValue(name, out var service))
                            {
                                if (byNormalized.TryGetValue(normalized, out var other))
                                {
                                    throw new ImportException(at, "service '" + name + "' duplicates service '" + other.Name + "' declared at " + other.Where
                                        + ": names that differ only by case, '-' or '_' share one DNS name and one set of derived variables; rename one");
                                }
                                service = new ComposeService(name, at);
                                byName[name] = service;
                                byNormalized[normalized] = service;
                                project.Services.Add(service);
                            }
                            service.Definitions.Add(at);
                            if (service.Comments.Count == 0)
                            {
                                service.Comments.AddRange(CommentsAbove(file, at.Line));
                            }
                            Merge(file, service, serviceBody);
                        }
                        break;
                    case "networks":
                        foreach (var (network, networkNode, body) in value.Entries())
                        {
                            var isInternal = body.Child("internal").Scalar() is "true" or "True";
                            project.Networks[network] = (isInternal, file.At(YamlLoader.Line(networkNode)));
                            if ((body.Child("ipam").Child("config") as YamlSequenceNode)?.Children.FirstOrDefault().Child("subnet").Scalar() is { } subnet)
                            {
                                project.Subnets[network] = subnet;
                            }
                        }
                        break;
                    case "volumes":
                    case "version":
                        break;
                    default:
                        if (!TopLevel.Contains(key) && !key.StartsWith("x-", StringComparison.Ordinal))
                        {
                            throw new ImportException(where, "unknown top-level compose key '" + key + "' (expected one of: " + string.Join(", ", TopLevel.OrderBy(k => k, StringComparer.Ordinal)) + ", or an x- extension)");
                        }
                        project.OtherTopLevel.Add((key, where));
                        break;
                }
            }
            CollectVariables(file, root, project.Variables);
        }
        return project;
    }

    /// <summary>The comment block directly above a key (a doc comment in the descriptors), without the '#'.</summary>
    private static IEnumerable<string> CommentsAbove(InputFile file, int line)
    {
        var comments = new List<string>();
        for (var i = line - 2; i >= 0; i--)
        {
            var text = file.Lines[i].Trim();
            if (!text.StartsWith("#", StringComparison.Ordinal))
            {
                break;
            }
            comments.Insert(0, text.TrimStart('#').Trim());
        }
        return comments.Where(c => c.Length > 0);
    }

    private static void Merge(InputFile file, ComposeService service, YamlMappingNode body)
    {
        foreach (var (key, keyNode, value) in body.Entries())
        {
            var where = file.At(YamlLoader.Line(keyNode));
            switch (key)
            {
                case "environment":
                    MergeByKey(service.Environment, KeyValues(file, value, where, "environment"));
                    break;
                case "labels":
                    MergeByKey(service.Labels, KeyValues(file, value, where, "labels"));
                    break;
                case "volumes":
                    foreach (var mount in ComposeValues.Mounts(file, value, where))
                    {
                        service.Volumes.RemoveAll(m => m.Target == mount.Target && m.Where.File != file.Display);
                        service.Volumes.Add(mount);
                    }
                    break;
                case "ports":
                    foreach (var port in ComposeValues.Ports(file, value, where))
                    {
                        if (!service.Ports.Any(p => p.Raw == port.Raw))
                        {
                            service.Ports.Add(port);
                        }
                    }
                    break;
                case "expose":
                    foreach (var item in Items(file, value))
                    {
                        service.Expose.Add(item);
                    }
                    break;
                case "depends_on":
                    foreach (var dependency in ComposeValues.Dependencies(file, value))
                    {
                        service.DependsOn.RemoveAll(d => d.Service == dependency.Service);
                        service.DependsOn.Add(dependency);
                    }
                    break;
                case "networks":
                    foreach (var network in value is YamlMappingNode
                        ? value.Entries().Select(e => new Located<string>(e.Key, file.At(YamlLoader.Line(e.KeyNode))))
                        : Items(file, value))
                    {
                        service.Networks.RemoveAll(n => n.Value == network.Value);
                        service.Networks.Add(network);
                        if (value.Child(network.Value) is YamlMappingNode options && options.Children.Count > 0)
                        {
                            service.Keys["networks." + network.Value] = new Located<YamlNode>(options, network.Where);
                        }
                    }
                    break;
                case "profiles":
                    service.Profiles.Clear();
                    service.Profiles.AddRange(Items(file, value));
                    break;
                default:
                    service.Keys[key] = new Located<YamlNode>(value, where);
                    break;
            }
        }
    }

    private static IEnumerable<Located<string>> Items(InputFile file, YamlNode value) => value switch
    {
        YamlSequenceNode seq => seq.Children.Select(c => new Located<string>(c.Scalar() ?? string.Empty, file.At(YamlLoader.Line(c)))),
        YamlScalarNode s => new[] { new Located<string>(s.Value ?? string.Empty, file.At(YamlLoader.Line(s))) },
        _ => Array.Empty<Located<string>>(),
    };

    private static void MergeByKey(List<KeyValueEntry> target, IEnumerable<KeyValueEntry> entries)
    {
        foreach (var entry in entries)
        {
            var index = target.FindIndex(e => e.Key == entry.Key);
            if (index >= 0)
            {
                target[index] = entry;
            }
            else
            {
                target.Add(entry);
            }
        }
    }

    private static IEnumerable<KeyValueEntry> KeyValues(InputFile file, YamlNode value, SourceRef where, string what)
    {
        switch (value)
        {
            case YamlMappingNode map:
                foreach (var (key, keyNode, item) in map.Entries())
                {
                    yield return new KeyValueEntry(key, ComposeValues.NullableScalar(item), file.At(YamlLoader.Line(keyNode)));
                }
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children)
                {
                    var text = item.Scalar() ?? string.Empty;
                    var eq = text.IndexOf('=');
                    yield return eq < 0
                        ? new KeyValueEntry(text, null, file.At(YamlLoader.Line(item)))
                        : new KeyValueEntry(text.Substring(0, eq), text.Substring(eq + 1), file.At(YamlLoader.Line(item)));
                }
                break;
            default:
                throw new ImportException(where, "'" + what + "' must be a mapping or a list of NAME=value");
        }
    }

    private static void CollectVariables(InputFile file, YamlNode node, Dictionary<string, SourceRef> variables)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } value } scalar:
                foreach (var reference in Interpolation.References(value))
                {
                    if (!variables.ContainsKey(reference.Name))
                    {
                        variables[reference.Name] = file.At(YamlLoader.Line(scalar));
                    }
                }
                break;
            case YamlMappingNode map:
                foreach (var pair in map.Children)
                {
                    CollectVariables(file, pair.Value, variables);
                }
                break;
            case YamlSequenceNode seq:
                foreach (var child in seq.Children)
                {
                    CollectVariables(file, child, variables);
                }
                break;
        }
    }

    internal static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}
