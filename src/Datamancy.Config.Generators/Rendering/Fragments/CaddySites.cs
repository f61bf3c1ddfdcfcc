using System.Text;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>What a Caddyfile site block says: its host, how a request is admitted, its upstream.</summary>
    /// <param name="Address">The site's host name.</param>
    /// <param name="Kind"><c>portal</c>, <c>sso</c> (forward_auth), <c>public</c> or <c>api</c>.</param>
    /// <param name="Upstream">Where Caddy forwards (in the local environment a <c>{$VAR:service:port}</c> placeholder).</param>
    /// <param name="Allowlist">An API site's <c>{$VAR:cidrs}</c> allowlist.</param>
    /// <param name="RequireBearer">An API site refuses a request without a bearer token.</param>
    /// <param name="VerifyBearer">An API site asks Authelia (at <paramref name="SsoUpstream"/>) to verify the bearer (an OIDC client_credentials access token).</param>
    /// <param name="ClientCaFile">An API site's client CA file (mTLS).</param>
    /// <param name="SsoUpstream">Authelia's upstream, when the bearer is verified.</param>
    internal sealed record CaddySite(string Address, string Kind, string Upstream, string? Allowlist = null, bool RequireBearer = false, bool VerifyBearer = false,
        string? ClientCaFile = null, string? SsoUpstream = null);

    /// <summary>
    /// Writes Caddyfile site blocks, each preceded by a blank line and followed by a line break, byte for byte what the
    /// Caddyfile's template wrote for them when it rendered every site (one Scriban render per site costs far more than
    /// the text).
    /// </summary>
    internal static class CaddySites
    {
        /// <summary>Appends <c>\n</c>, the site block, <c>\n</c>; in the local environment every site logs its requests.</summary>
        public static StringBuilder Write(StringBuilder text, CaddySite site, bool local)
        {
            text.Append('\n').Append(site.Address).Append(" {");
            if (local)
            {
                text.Append("\n\timport access_log");
            }
            if (site.ClientCaFile is not null)
            {
                text.Append("\n\ttls {\n\t\tclient_auth {\n\t\t\tmode require_and_verify\n\t\t\ttrusted_ca_cert_file ").Append(site.ClientCaFile).Append("\n\t\t}\n\t}");
            }
            switch (site.Kind)
            {
                case "portal":
                    text.Append("\n\treverse_proxy ").Append(site.Upstream);
                    break;
                case "sso":
                    text.Append("\n\timport authelia\n\treverse_proxy ").Append(site.Upstream);
                    break;
                case "public":
                    text.Append("\n\timport strip_identity_headers\n\treverse_proxy ").Append(site.Upstream);
                    break;
                case "api":
                    text.Append("\n\troute {\n\t\timport strip_identity_headers\n\t\t@outside_allowlist not remote_ip ").Append(site.Allowlist)
                        .Append("\n\t\trespond @outside_allowlist \"Forbidden\" 403");
                    if (site.RequireBearer)
                    {
                        text.Append("\n\t\t@without_bearer not header Authorization \"Bearer *\"\n\t\trespond @without_bearer \"Unauthorized\" 401");
                    }
                    if (site.VerifyBearer)
                    {
                        text.Append("\n\t\tforward_auth ").Append(site.SsoUpstream).Append(" {\n\t\t\turi /api/authz/forward-auth\n\t\t}");
                    }
                    text.Append("\n\t\treverse_proxy ").Append(site.Upstream).Append("\n\t}");
                    break;
            }
            return text.Append("\n}\n");
        }
    }
}
