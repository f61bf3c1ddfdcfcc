using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Kics;

/// <summary>A parsed compose file with the lookups the KICS queries need; absent keys read as null.</summary>
public sealed class ComposeDocument
{
    public ComposeDocument(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        Root = (YamlMappingNode)stream.Documents.Single().RootNode;
        Services = Get(Root, "services") is YamlMappingNode services
            ? services.Children.Select(p => new ComposeService(((YamlScalarNode)p.Key).Value!, (YamlMappingNode)p.Value)).ToList()
            : new List<ComposeService>();
    }

    public YamlMappingNode Root { get; }

    public IReadOnlyList<ComposeService> Services { get; }

    /// <summary>Top-level named volumes.</summary>
    public IEnumerable<(string Name, YamlMappingNode? Definition)> Volumes =>
        Get(Root, "volumes") is YamlMappingNode volumes
            ? volumes.Children.Select(p => (((YamlScalarNode)p.Key).Value!, p.Value as YamlMappingNode))
            : Enumerable.Empty<(string, YamlMappingNode?)>();

    public static YamlNode? Get(YamlNode? node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out node))
            {
                return null;
            }
        }
        return node;
    }

    public static string? Text(YamlNode? node) => (node as YamlScalarNode)?.Value;

    public static IEnumerable<YamlNode> Items(YamlNode? node) => (node as YamlSequenceNode)?.Children ?? Enumerable.Empty<YamlNode>();

    public static IEnumerable<string> Texts(YamlNode? node) => Items(node).Select(Text).OfType<string>();
}

/// <summary>One service of a compose file.</summary>
public sealed record ComposeService(string Name, YamlMappingNode Node)
{
    public YamlNode? Get(params string[] path) => ComposeDocument.Get(Node, path);

    public string? Text(params string[] path) => ComposeDocument.Text(Get(path));

    public bool Has(string key) => Node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Each volume entry as (short-syntax string or null, long-syntax mapping or null).</summary>
    public IEnumerable<(string? Short, YamlMappingNode? Long)> VolumeEntries =>
        ComposeDocument.Items(Get("volumes")).Select(v => (ComposeDocument.Text(v), v as YamlMappingNode));

    /// <summary>The host side of every volume: the short syntax's part before ':', or the long syntax's source.</summary>
    public IEnumerable<string> VolumeSources => VolumeEntries
        .Select(v => v.Short is not null ? v.Short.Split(':')[0] : ComposeDocument.Text(ComposeDocument.Get(v.Long, "source")))
        .OfType<string>();

    /// <summary>Ports as strings: short syntax as written, long syntax as "published:target".</summary>
    public IEnumerable<string> PortEntries => ComposeDocument.Items(Get("ports")).Select(p => ComposeDocument.Text(p)
        ?? ComposeDocument.Text(ComposeDocument.Get(p, "published")) + ":" + ComposeDocument.Text(ComposeDocument.Get(p, "target")));
}
