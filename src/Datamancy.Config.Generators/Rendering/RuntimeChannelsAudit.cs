using System.Collections.Generic;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Fragments;
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

        /// <summary>The allowlist variables' lines are the services' (<see cref="AllowlistPart"/>); the check of them follows when there is one.</summary>
        public static SecurityAuditRenderer.AuditItem Item(StackModel stack)
        {
            var checkedBeforeCaddy = "\n- Every allowlist variable that is set is checked by `" + CaddyPreflightRenderer.FileName + "` (compose's entrypoint of the ingress) before Caddy reads it: "
                + "anything but addresses and CIDRs separated by spaces (a line break, brace or quote that would become Caddyfile directives) stops the ingress. "
                + "Widening to public ranges needs PublicJustification in the descriptor, so it shows up in review.";
            var after = new List<string>
            {
                "`" + ComposeRenderer.IngressBindVariable + "`: the host address the ingress ports bind to (unset: 0.0.0.0, every interface); it cannot publish other ports.",
                "Secrets come only from the env files, by the names the descriptors declare; the local Caddyfile also reads `"
                    + CaddyfileRenderer.UpstreamVariablePrefix + "<SERVICE>` and its port variables, which compose never sets.",
            };
            var allowlists = new PartSection(string.Empty, string.Empty, checkedBeforeCaddy, string.Empty, EquatableArray<string>.Empty);
            return new SecurityAuditRenderer.AuditItem(Title, "pass", new List<string>(), new SecurityAuditRenderer.AuditSection(allowlists, after));
        }

        /// <summary>The service's API allowlist variable and what it may widen to.</summary>
        public static string AllowlistPart(AuditPartInput input)
        {
            if (input.Service.Api is not { } api)
            {
                return string.Empty;
            }
            var host = input.Hosts!.Fqdn(api.Subdomain);
            return AuditChecklistParts.Line(ValueRules.IsJustification(api.PublicJustification)
                ? "`" + api.AllowlistVariable + "` (" + host + "): any IP addresses or CIDRs, public ones included (PublicJustification: "
                    + Markdown.Escape(api.PublicJustification!) + "); set but empty admits nobody."
                : "`" + api.AllowlistVariable + "` (" + host + "): IP addresses or CIDRs inside " + string.Join(" ", Cidrs.PrivateAndLoopback)
                    + " only; a public range (for example 0.0.0.0/0) is refused; set but empty admits nobody.");
        }
    }
}
