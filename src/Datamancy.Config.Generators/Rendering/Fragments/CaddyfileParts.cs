using System.Linq;
using System.Text;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>One service's sites in one environment's Caddyfile, with the stack facts they read.</summary>
    /// <param name="Service">The service, which has a UI or an API host.</param>
    /// <param name="Domain">The stack's domain.</param>
    /// <param name="Environment">The Caddyfile's environment (where Caddy forwards, whether it logs, where client CAs are).</param>
    /// <param name="SsoUpstream">Authelia's upstream in that environment when the API's bearer is verified (null otherwise).</param>
    internal sealed record CaddyPartInput(ServiceModel Service, string Domain, StackEnvironment Environment, string? SsoUpstream);

    /// <summary>
    /// Each environment's Caddyfile as a <see cref="PartedText"/>: the header, global options and snippets (the head
    /// template) and the SSO portal's site are the plan's; each service with a UI or API host has one part, its sites.
    /// </summary>
    internal static class CaddyfileParts
    {
        /// <summary>The artifact's constant name, the same in every environment.</summary>
        public const string Constant = "Caddyfile";

        /// <summary>
        /// The text's key, which the join matches against the artifact's path: the three Caddyfiles share their constant
        /// name and differ in text.
        /// </summary>
        public static string Key(StackEnvironment environment) => environment switch
        {
            StackEnvironment.Dev => "dev/" + Constant,
            StackEnvironment.Prod => "prod/" + Constant,
            _ => "local/" + Constant,
        };

        /// <summary>The head and the portal's site, and each routed service's input.</summary>
        public static PartedText Plan(StackModel stack, StackEnvironment environment)
        {
            var sso = stack.WithRole(ServiceRole.Sso);
            var ssoUpstream = sso is null ? string.Empty : CaddyfileRenderer.Upstream(sso, environment);
            var portal = sso is null
                ? EquatableArray<string>.Empty
                : new[] { CaddySites.Write(new StringBuilder(), new CaddySite(stack.PortalFqdn(), "portal", ssoUpstream), environment == StackEnvironment.Local).ToString() }.ToEquatableArray();
            var inputs = stack.Ordered()
                .Where(s => s.Ui is not null || s.Api is not null)
                .Select(s => ServicePartInput.Of(new CaddyPartInput(s, stack.Domain, environment, s.Api is { ClientCredentials: true } ? ssoUpstream : null)))
                .ToEquatableArray();
            var literals = new[] { CaddyfileRenderer.Head(stack, environment, ssoUpstream), string.Empty };
            var sections = new[] { new PartSection(string.Empty, string.Empty, string.Empty, string.Empty, portal) };
            return new PartedText(Key(environment), literals.ToEquatableArray(), sections.ToEquatableArray(), inputs);
        }

        /// <summary>The service's sites: its UI's, then its API's.</summary>
        public static EquatableArray<string> Render(CaddyPartInput input)
        {
            var s = input.Service;
            var environment = input.Environment;
            var local = environment == StackEnvironment.Local;
            var upstream = CaddyfileRenderer.Upstream(s, environment);
            var text = new StringBuilder();
            if (s.Ui is { } ui)
            {
                CaddySites.Write(text, new CaddySite(StackQueries.Fqdn(ui.Subdomain, input.Domain), ui.Sso == SsoMode.ForwardAuth ? "sso" : "public", upstream), local);
            }
            if (s.Api is { } api)
            {
                var configDir = local ? "{$" + CaddyfileRenderer.ConfigDirVariable + ":.}" : ComposeRenderer.CaddyConfigDir;
                CaddySites.Write(text, new CaddySite(StackQueries.Fqdn(api.Subdomain, input.Domain), "api", upstream)
                {
                    Allowlist = "{$" + api.AllowlistVariable + ":" + string.Join(" ", api.DefaultAllowlist) + "}",
                    RequireBearer = api.ApiKeySecret is not null || api.ClientCredentials,
                    // Only Authelia can tell a client_credentials token from any other bearer string.
                    VerifyBearer = api.ClientCredentials,
                    ClientCaFile = api.ClientCaFile is null ? null : configDir + "/" + api.ClientCaFile,
                    SsoUpstream = input.SsoUpstream,
                }, local);
            }
            return new[] { text.ToString() }.ToEquatableArray();
        }
    }
}
