using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// The audit's sentences about who may reach a host and who enforces it: Caddy, Authelia or the application itself.
    /// </summary>
    internal static class AuditTexts
    {
        public static string ForwardAuth(StackModel stack, UiHostModel ui)
        {
            var text = stack.Fqdn(ui.Subdomain) + ": forward_auth, " + stack.EffectivePolicy(ui).ToAuthelia()
                + (ui.Groups.Count == 0 ? ", every authenticated user" : ", groups " + string.Join(", ", ui.Groups)) + " (Caddy asks Authelia on every request)";
            if (ui.Bypass.Count > 0)
            {
                text += "; SSO bypassed (Authelia `bypass` rule, no login) for " + string.Join(", ", ui.Bypass.Select(b => "`" + b + "`"));
            }
            return text;
        }

        /// <summary>An app-level OIDC host: open at the ingress, the app asks for the login; how the app is configured.</summary>
        public static string AppOidc(StackModel stack, ServiceModel s, UiHostModel ui)
        {
            var host = stack.Fqdn(ui.Subdomain);
            var acknowledged = ValueRules.IsJustification(ui.Justification);
            var groups = ui.Groups.Count == 0 ? "every authenticated user" : "groups " + string.Join(", ", ui.Groups);
            return host + ": open at the ingress (no forward_auth); only the application asks for the login, as Authelia OIDC client `" + s.ClientId()
                + "` (" + stack.EffectivePolicy(ui).ToAuthelia() + ", " + groups + "). "
                + (acknowledged ? "Acknowledged: " + Markdown.Escape(ui.Justification!.Trim().TrimEnd('.')) + ". " : "NOT acknowledged (DMC1010). ")
                + "Configure the app with issuer `https://" + stack.PortalFqdn() + "`, client id `" + s.ClientId() + "`, the client secret from `"
                + (ui.OidcClientSecret ?? "?") + "` (Authelia holds only its digest) and redirect URI `https://" + host + ui.OidcCallbackPath
                + "`, and turn off its local login and anonymous access: the ingress does not stop a request the app lets through";
        }

        public static string ClientCredentials(StackModel stack, ServiceModel s) =>
            "OIDC client_credentials: Caddy refuses a request without `Authorization: Bearer` and sends every other to Authelia's `"
            + AuthzEndpoints.ForwardAuthPath + "`, which admits only an access token of client `" + s.ApiClientId()
            + "` (scope `authelia.bearer.authz`, audience `https://" + stack.Fqdn(s.Api!.Subdomain) + "`, access rule `oauth2:client:" + s.ApiClientId()
            + "`); the client obtains it from `https://" + stack.PortalFqdn() + "/api/oidc/token` with its secret `API_"
            + Parsing.EnvNames.FromServiceName(s.Name) + "_CLIENT_SECRET`";

        /// <summary>The UI hosts behind SSO that admit any user of the directory.</summary>
        public static IEnumerable<string> EveryUser(StackModel stack)
        {
            var open = stack.Ordered().Where(s => s.Ui is { Sso: not SsoMode.Public, Groups.Count: 0 }).Select(s => stack.Fqdn(s.Ui!.Subdomain)).ToList();
            if (open.Count > 0)
            {
                yield return "No [AllowedGroups], so every authenticated user of the directory is admitted (DMC4005): " + string.Join(", ", open);
            }
        }
    }
}
