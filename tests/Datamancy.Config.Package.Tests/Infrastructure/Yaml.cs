using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Package.Tests.Infrastructure;

/// <summary>Parses an emitted YAML file back and walks it by key.</summary>
public static class Yaml
{
    public static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using (var reader = new StreamReader(path))
        {
            stream.Load(reader);
        }
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    public static YamlNode? Child(this YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    public static IEnumerable<string> Keys(this YamlNode? node) =>
        node is YamlMappingNode mapping ? mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value!) : Enumerable.Empty<string>();

    /// <summary>The domains the Authelia access-control rules name.</summary>
    public static IReadOnlyList<string> AutheliaRuleDomains(string path) =>
        (Load(path).Child("access_control").Child("rules") as YamlSequenceNode)?.Children
            .SelectMany(rule => rule.Child("domain") switch
            {
                YamlScalarNode one => new[] { one.Value! },
                YamlSequenceNode many => many.Children.OfType<YamlScalarNode>().Select(s => s.Value!).ToArray(),
                _ => Array.Empty<string>(),
            })
            .ToList()
        ?? new List<string>();
}
