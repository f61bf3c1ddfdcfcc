using System.Collections.Generic;
using System.Linq;

namespace Datamancy.Config.Tool.Readers.Caddy;

/// <summary>One Caddyfile line (directive and arguments) with its block, from a Caddyfile or from caddy-docker-proxy labels.</summary>
internal sealed class CaddyNode
{
    public CaddyNode(IReadOnlyList<string> tokens, SourceRef where)
    {
        Tokens = tokens;
        Where = where;
    }

    public IReadOnlyList<string> Tokens { get; }

    public string Name => Tokens.Count > 0 ? Tokens[0] : string.Empty;

    public IEnumerable<string> Args => Tokens.Skip(1);

    public List<CaddyNode> Children { get; } = new();

    public SourceRef Where { get; }

    public override string ToString() => string.Join(" ", Tokens);
}

/// <summary>A whole Caddy configuration: global options, snippets and site blocks.</summary>
internal sealed class CaddyConfig
{
    public CaddyNode? Global { get; set; }

    public Dictionary<string, CaddyNode> Snippets { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Site blocks: the node's tokens are the addresses.</summary>
    public List<CaddyNode> Sites { get; } = new();
}
