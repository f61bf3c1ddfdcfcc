using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Readers;

/// <summary>
/// Loads one YAML document with its line numbers. Merge keys (<c>&lt;&lt;: *anchor</c>) are resolved as compose resolves
/// them; syntax errors and duplicate keys become an <see cref="ImportException"/> at their line.
/// </summary>
internal static class YamlLoader
{
    public static YamlMappingNode LoadMapping(InputFile file, string what)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(file.Text));
        try
        {
            stream.Load(new MergingParser(new Parser(scanner)));
        }
        catch (YamlException e)
        {
            throw new ImportException(file.At((int)e.Start.Line), "malformed YAML in the " + what + " file: " + Clean(e));
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up without a YamlException on some unterminated flow collections.
            throw new ImportException(file.At((int)scanner.CurrentPosition.Line), "malformed YAML in the " + what + " file: unexpected text (an unclosed '[' or '{' before this line?)");
        }
        if (stream.Documents.Count == 0)
        {
            throw new ImportException(file.Whole, "the " + what + " file is empty");
        }
        if (stream.Documents.Count > 1)
        {
            throw new ImportException(file.At(Line(stream.Documents[1].RootNode)), "the " + what + " file holds more than one YAML document");
        }
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ImportException(file.At(Line(stream.Documents[0].RootNode)), "the " + what + " file is not a YAML mapping");
        }
        return root;
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static string? Scalar(this YamlNode? node) => node is YamlScalarNode s ? s.Value : null;

    public static IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Select(p => (p.Key is YamlScalarNode k ? k.Value ?? string.Empty : string.Empty, p.Key, p.Value))
            : Enumerable.Empty<(string, YamlNode, YamlNode)>();

    /// <summary>A scalar or a sequence of scalars, as compose and Authelia accept for many keys.</summary>
    public static IReadOnlyList<string> Strings(this YamlNode? node) => node switch
    {
        YamlScalarNode s when s.Value is { } v => new[] { v },
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(c => c.Value ?? string.Empty).ToList(),
        _ => new List<string>(),
    };

    private static string Clean(YamlException e)
    {
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        // YamlDotNet prefixes "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is shown separately.
        var dash = message.IndexOf("): ", System.StringComparison.Ordinal);
        return dash >= 0 && message.StartsWith("(Line", System.StringComparison.Ordinal) ? message.Substring(dash + 3) : message;
    }
}
