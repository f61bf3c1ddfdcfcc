using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Renders the Caddyfile: one SSO snippet, the portal, UI hosts and allowlisted API hosts.</summary>
    internal static class CaddyfileRenderer
    {
        public const string LetsEncryptStaging = "https://acme-staging-v02.api.letsencrypt.org/directory";

        public static string Render(StackModel stack, StackEnvironment environment)
        {
            var sso = stack.WithRole(ServiceRole.Sso);
            var sites = new List<SiteView>();
            if (sso is not null)
            {
                sites.Add(new SiteView(stack.PortalFqdn(), "portal", sso.Upstream()));
            }
            foreach (var service in stack.Ordered())
            {
                if (service.Ui is { } ui)
                {
                    sites.Add(new SiteView(stack.Fqdn(ui.Subdomain), ui.Sso == SsoMode.ForwardAuth ? "sso" : "public", service.Upstream()));
                }
                if (service.Api is { } api)
                {
                    sites.Add(new SiteView(stack.Fqdn(api.Subdomain), "api", service.Upstream())
                    {
                        Allowlist = "{$" + api.AllowlistVariable + ":" + string.Join(" ", api.DefaultAllowlist) + "}",
                        RequireBearer = api.ApiKeySecret is not null || api.ClientCredentials,
                        ClientCaFile = api.ClientCaFile is null ? null : ComposeRenderer.CaddyConfigDir + "/" + api.ClientCaFile,
                    });
                }
            }
            return ScribanTemplates.Render("Caddyfile.sbn", new
            {
                StackName = stack.Settings.Name,
                Environment = environment == StackEnvironment.Dev ? "dev" : "prod",
                GlobalOptions = GlobalOptions(stack.Settings, environment),
                SsoUpstream = sso?.Upstream() ?? string.Empty,
                Sites = sites,
            });
        }

        private static List<string> GlobalOptions(StackSettings settings, StackEnvironment environment)
        {
            if (environment == StackEnvironment.Dev)
            {
                return new List<string> { "local_certs" };
            }
            var options = new List<string>();
            if (settings.AcmeEmail is not null)
            {
                options.Add("email " + settings.AcmeEmail);
            }
            if (settings.AcmeStaging)
            {
                options.Add("acme_ca " + LetsEncryptStaging);
            }
            return options;
        }

        internal sealed class SiteView
        {
            public SiteView(string address, string kind, string upstream)
            {
                Address = address;
                Kind = kind;
                Upstream = upstream;
            }

            public string Address { get; }
            public string Kind { get; }
            public string Upstream { get; }
            public string? Allowlist { get; set; }
            public bool RequireBearer { get; set; }
            public string? ClientCaFile { get; set; }
        }
    }
}
