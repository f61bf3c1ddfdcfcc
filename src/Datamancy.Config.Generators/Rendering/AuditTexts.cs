using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// The audit's sentences about who may reach a host and who enforces it: Caddy, Authelia or the application itself.
    /// </summary>
    internal static class AuditTexts
    {
        public static string ForwardAuth(AuditHosts hosts, UiHostModel ui)
        {
            var text = hosts.Fqdn(ui.Subdomain) + ": forward_auth, " + hosts.Policy(ui).ToAuthelia()
                + (ui.Groups.Count == 0 ? ", every authenticated user" : ", groups " + string.Join(", ", ui.Groups)) + " (Caddy asks Authelia on every request)";
            if (ui.Bypass.Count > 0)
            {
                text += "; SSO bypassed (Authelia `bypass` rule, no login) for " + string.Join(", ", ui.Bypass.Select(b => "`" + b + "`"));
            }
            return text;
        }

        /// <summary>An app-level OIDC host: open at the ingress, the app asks for the login; how the app is configured.</summary>
        public static string AppOidc(AuditHosts hosts, ServiceModel s, UiHostModel ui)
        {
            var host = hosts.Fqdn(ui.Subdomain);
            var acknowledged = ValueRules.IsJustification(ui.Justification);
            var groups = ui.Groups.Count == 0 ? "every authenticated user" : "groups " + string.Join(", ", ui.Groups);
            return host + ": open at the ingress (no forward_auth); only the application asks for the login, as Authelia OIDC client `" + s.ClientId()
                + "` (" + hosts.Policy(ui).ToAuthelia() + ", " + groups + "). "
                + (acknowledged ? "Acknowledged: " + Markdown.Escape(ui.Justification!.Trim().TrimEnd('.')) + ". " : "NOT acknowledged (DMC1010). ")
                + "Configure the app with issuer `https://" + hosts.PortalHost + "`, client id `" + s.ClientId() + "`, the client secret from `"
                + (ui.OidcClientSecret ?? "?") + "` (Authelia holds only its digest) and redirect URI `https://" + host + ui.OidcCallbackPath
                + "`, and turn off its local login and anonymous access: the ingress does not stop a request the app lets through";
        }

        public static string ClientCredentials(AuditHosts hosts, ServiceModel s) =>
            "OIDC client_credentials: Caddy refuses a request without `Authorization: Bearer` and sends every other to Authelia's `"
            + AuthzEndpoints.ForwardAuthPath + "`, which admits only an access token of client `" + s.ApiClientId()
            + "` (scope `authelia.bearer.authz`, audience `https://" + hosts.Fqdn(s.Api!.Subdomain) + "`, access rule `oauth2:client:" + s.ApiClientId()
            + "`); the client obtains it from `https://" + hosts.PortalHost + "/api/oidc/token` with its secret `API_"
            + Parsing.EnvNames.FromServiceName(s.Name) + "_CLIENT_SECRET`";
    }
}
