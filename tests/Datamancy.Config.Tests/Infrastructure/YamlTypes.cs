using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>
/// What a plain YAML scalar means to the parsers that read the artifacts: YAML 1.1 as PyYAML resolves it (docker-compose
/// 1.x; the spec's y/n booleans added) and the YAML 1.2 core schema (Compose v2 and Authelia, both Go). A key is safe only
/// when both read it as a string.
/// </summary>
public static class YamlTypes
{
    private const RegexOptions Options = RegexOptions.CultureInvariant;

    // PyYAML's implicit resolvers (yaml/resolver.py), plus 'y|Y|n|N' from the YAML 1.1 bool type.
    private static readonly (string Tag, Regex Pattern)[] Yaml11 =
    {
        ("bool", new(@"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)\z", Options)),
        ("float", new(@"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z", Options)),
        ("int", new(@"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\z", Options)),
        ("merge", new(@"^<<\z", Options)),
        ("null", new(@"^(?:~|null|Null|NULL|)\z", Options)),
        ("timestamp", new(@"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)\z", Options)),
        ("value", new(@"^=\z", Options)),
    };

    private static readonly (string Tag, Regex Pattern)[] Yaml12 =
    {
        ("null", new(@"^(?:~|null|Null|NULL|)\z", Options)),
        ("bool", new(@"^(?:true|True|TRUE|false|False|FALSE)\z", Options)),
        ("int", new(@"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)\z", Options)),
        ("float", new(@"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\z", Options)),
    };

    /// <summary>The non-string type a plain scalar resolves to under YAML 1.1 or 1.2 (for example "1.1 bool"), or null when it is a string in both.</summary>
    public static string? NonStringType(string plain)
    {
        foreach (var (tag, pattern) in Yaml11)
        {
            if (pattern.IsMatch(plain))
            {
                return "YAML 1.1 " + tag;
            }
        }
        foreach (var (tag, pattern) in Yaml12)
        {
            if (pattern.IsMatch(plain))
            {
                return "YAML 1.2 " + tag;
            }
        }
        return null;
    }

    /// <summary>Every mapping key of the document that a YAML 1.1 or 1.2 parser would not read as the string it shows, with its path.</summary>
    public static List<string> KeysThatAreNotStrings(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var problems = new List<string>();
        foreach (var document in stream.Documents)
        {
            Walk(document.RootNode, "", problems);
        }
        return problems;
    }

    private static void Walk(YamlNode node, string path, List<string> problems)
    {
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    var scalar = (YamlScalarNode)key;
                    if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any && NonStringType(scalar.Value ?? string.Empty) is { } type)
                    {
                        problems.Add(path + "/" + scalar.Value + " (" + type + ")");
                    }
                    Walk(value, path + "/" + scalar.Value, problems);
                }
                break;
            case YamlSequenceNode sequence:
                var i = 0;
                foreach (var item in sequence.Children)
                {
                    Walk(item, path + "[" + i++ + "]", problems);
                }
                break;
        }
    }
}
