using System.Collections.Generic;

namespace Datamancy.Config.Tool.Readers.Caddy;

/// <summary>What one site block does, as far as the descriptors can say it.</summary>
internal sealed class CaddyRoute
{
    public CaddyRoute(string host, SourceRef where)
    {
        Host = host;
        Where = where;
    }

    public string Host { get; }

    public SourceRef Where { get; }

    /// <summary>The upstream of the first <c>reverse_proxy</c> (<c>service:port</c>).</summary>
    public string? Upstream { get; set; }

    public SourceRef? UpstreamWhere { get; set; }

    /// <summary>A <c>forward_auth</c> guards the site (directly or through an imported snippet).</summary>
    public bool ForwardAuth { get; set; }

    /// <summary>The raw argument list after <c>not remote_ip</c> of a matcher that answers 403.</summary>
    public string? Allowlist { get; set; }

    /// <summary>A matcher rejects requests without <c>Authorization: Bearer</c>.</summary>
    public bool RequireBearer { get; set; }

    public string? ClientCaFile { get; set; }

    /// <summary>Basic authentication in the ingress: not single sign-on.</summary>
    public bool BasicAuth { get; set; }

    /// <summary>Directives the descriptors cannot express, with where they are.</summary>
    public List<(SourceRef Where, string What)> Unsupported { get; } = new();

    /// <summary>Where the route came from: a Caddyfile site or caddy-docker-proxy labels of a service.</summary>
    public string? LabelService { get; set; }
}

/// <summary>The ingress as read from a Caddyfile and/or labels.</summary>
internal sealed class CaddyIngress
{
    public List<CaddyRoute> Routes { get; } = new();

    public string? Email { get; set; }

    public string? AcmeCa { get; set; }

    public SourceRef? GlobalWhere { get; set; }

    public List<(SourceRef Where, string What)> Unsupported { get; } = new();

    /// <summary>How the Caddyfile was checked: "caddy adapt (Caddy 2.x)" or the built-in parser.</summary>
    public string? Authority { get; set; }
}
