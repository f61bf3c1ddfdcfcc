using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// The audit item that says what the operator can change at run time, without touching the descriptors: which
    /// variables the stack reads from its environment, what each may widen, and what is refused before Caddy starts.
    /// </summary>
    internal static class RuntimeChannelsAudit
    {
        public const string Title = "What the operator can widen at run time";

        public static SecurityAuditRenderer.AuditItem Item(StackModel stack)
        {
            var details = new List<string>();
            var privateRanges = string.Join(" ", Cidrs.PrivateAndLoopback);
            foreach (var s in stack.Ordered().Where(s => s.Api is not null))
            {
                var api = s.Api!;
                var host = stack.Fqdn(api.Subdomain);
                details.Add(ValueRules.IsJustification(api.PublicJustification)
                    ? "`" + api.AllowlistVariable + "` (" + host + "): any IP addresses or CIDRs, public ones included (PublicJustification: "
                        + Markdown.Escape(api.PublicJustification!) + "); set but empty admits nobody."
                    : "`" + api.AllowlistVariable + "` (" + host + "): IP addresses or CIDRs inside " + privateRanges
                        + " only; a public range (for example 0.0.0.0/0) is refused; set but empty admits nobody.");
            }
            if (details.Count > 0)
            {
                details.Add("Every allowlist variable that is set is checked by `" + CaddyPreflightRenderer.FileName + "` (compose's entrypoint of the ingress) before Caddy reads it: "
                    + "anything but addresses and CIDRs separated by spaces (a line break, brace or quote that would become Caddyfile directives) stops the ingress. "
                    + "Widening to public ranges needs PublicJustification in the descriptor, so it shows up in review.");
            }
            details.Add("`" + ComposeRenderer.IngressBindVariable + "`: the host address the ingress ports bind to (unset: 0.0.0.0, every interface); it cannot publish other ports.");
            details.Add("Secrets come only from the env files, by the names the descriptors declare; the local Caddyfile also reads `"
                + CaddyfileRenderer.UpstreamVariablePrefix + "<SERVICE>` and its port variables, which compose never sets.");
            return new SecurityAuditRenderer.AuditItem(Title, "pass", details);
        }
    }
}
