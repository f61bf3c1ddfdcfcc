using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Who may reach a UI host: its bypass resources (<see cref="BypassRules"/>), app-level OIDC acknowledged like a public
    /// host, and a host that admits every authenticated user.
    /// </summary>
    internal static class UiExposureRules
    {
        /// <summary>How many of the paths a bypass would open are named in the message.</summary>
        private const int ShownPaths = 4;

        public static void CheckBypass(ServiceModel s, UiHostModel ui, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            for (var i = 0; i < ui.Bypass.Count; i++)
            {
                var key = SiteKeys.Element("UiHost.Bypass", i);
                var pattern = ui.Bypass[i];
                if (ui.Sso != SsoMode.ForwardAuth)
                {
                    // Authelia never sees a request to a public or app-OIDC host, so the bypass would be dropped without a word.
                    findings.Add(Finding.For(Descriptors.BypassIgnored, s, key, s.Name, ServiceRules.Shown(pattern), ui.Subdomain,
                        ui.Sso == SsoMode.Oidc ? "app-level OIDC" : "public"));
                    continue;
                }
                var verdict = BypassRules.Check(pattern);
                switch (verdict.Kind)
                {
                    case BypassRules.Problem.Syntax:
                        invalid(key, "bypass resource '" + ServiceRules.Shown(pattern) + "'", verdict.Reason);
                        break;
                    case BypassRules.Problem.Scope:
                        findings.Add(Finding.For(Descriptors.BypassCoversHost, s, key, s.Name, ServiceRules.Shown(pattern), ui.Subdomain, verdict.Reason, Opened(verdict.Opened)));
                        break;
                }
            }
        }

        /// <summary>
        /// App-level OIDC leaves the host open at the ingress: only the application asks for the login. Like a public host,
        /// that needs a written reason (how the app is configured to require its OIDC login), or forward_auth in front.
        /// </summary>
        public static void CheckOidc(ServiceModel s, UiHostModel ui, List<Finding> findings)
        {
            if (ui.Sso == SsoMode.Oidc && !ValueRules.IsJustification(ui.Justification))
            {
                findings.Add(Finding.For(Descriptors.OidcWithoutAcknowledgement, s, "UiHost.Sso", s.Name, ui.Subdomain, s.ClientId()));
            }
        }

        /// <summary>A UI host behind SSO with no [AllowedGroups] lets in every user of the directory.</summary>
        public static void CheckGroups(ServiceModel s, UiHostModel ui, List<Finding> findings)
        {
            if (ui.Sso != SsoMode.Public && ui.Groups.Count == 0)
            {
                findings.Add(Finding.For(Descriptors.UiAdmitsEveryUser, s, "UiHost", s.Name, ui.Subdomain));
            }
        }

        private static string Opened(IReadOnlyList<string> opened)
        {
            if (opened.Count == 0)
            {
                return string.Empty;
            }
            var named = string.Join(", ", opened.Take(ShownPaths).Select(p => "'" + ServiceRules.Shown(p) + "'"));
            return "; it would switch SSO off for " + named + (opened.Count > ShownPaths ? " and " + (opened.Count - ShownPaths) + " more probed requests" : string.Empty);
        }
    }
}
