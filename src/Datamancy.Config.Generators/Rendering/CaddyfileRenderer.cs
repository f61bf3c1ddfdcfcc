using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Renders the Caddyfile: one SSO snippet, the portal, UI hosts and allowlisted API hosts.</summary>
    /// <remarks>
    /// The local environment keeps every host, guard and header rule of the others and changes only where
    /// Caddy listens and where it forwards: loopback on high ports, upstreams from environment variables
    /// (defaulting to the compose <c>service:port</c>), an access log on stderr.
    /// </remarks>
    internal static class CaddyfileRenderer
    {
        public const string LetsEncryptStaging = "https://acme-staging-v02.api.letsencrypt.org/directory";

        /// <summary>Local environment: the prefix of the variable that overrides a service's <c>service:port</c>.</summary>
        public const string UpstreamVariablePrefix = "DATAMANCY_UPSTREAM_";

        /// <summary>Local environment: the variables that choose the loopback ports, and their defaults.</summary>
        public const string HttpPortVariable = "DATAMANCY_HTTP_PORT";
        public const string HttpsPortVariable = "DATAMANCY_HTTPS_PORT";
        public const int DefaultLocalHttpPort = 8080;
        public const int DefaultLocalHttpsPort = 8443;

        /// <summary>Local environment: the folder client CA files are read from (in compose they are mounted in /etc/caddy).</summary>
        public const string ConfigDirVariable = "DATAMANCY_CADDY_CONFIG_DIR";

        public static string Render(StackModel stack, StackEnvironment environment)
        {
            var local = environment == StackEnvironment.Local;
            var sso = stack.WithRole(ServiceRole.Sso);
            var sites = new List<SiteView>();
            if (sso is not null)
            {
                sites.Add(new SiteView(stack.PortalFqdn(), "portal", Upstream(sso, environment)));
            }
            foreach (var service in stack.Ordered())
            {
                if (service.Ui is { } ui)
                {
                    sites.Add(new SiteView(stack.Fqdn(ui.Subdomain), ui.Sso == SsoMode.ForwardAuth ? "sso" : "public", Upstream(service, environment)));
                }
                if (service.Api is { } api)
                {
                    var configDir = local ? "{$" + ConfigDirVariable + ":.}" : ComposeRenderer.CaddyConfigDir;
                    sites.Add(new SiteView(stack.Fqdn(api.Subdomain), "api", Upstream(service, environment))
                    {
                        Allowlist = "{$" + api.AllowlistVariable + ":" + string.Join(" ", api.DefaultAllowlist) + "}",
                        RequireBearer = api.ApiKeySecret is not null || api.ClientCredentials,
                        // Only Authelia can tell a client_credentials token from any other bearer string.
                        VerifyBearer = api.ClientCredentials,
                        ClientCaFile = api.ClientCaFile is null ? null : configDir + "/" + api.ClientCaFile,
                    });
                }
            }
            return ScribanTemplates.Render("Caddyfile.sbn", new
            {
                StackName = stack.Settings.Name,
                Environment = environment.Folder(),
                GlobalOptions = GlobalOptions(stack.Settings, environment),
                Local = local,
                HttpPortVariable,
                HttpsPortVariable,
                UpstreamVariablePrefix,
                SsoUpstream = sso is null ? string.Empty : Upstream(sso, environment),
                Sites = sites,
            });
        }

        /// <summary>
        /// The variable that points a service's upstream elsewhere in the local environment:
        /// <c>open-webui</c> → <c>DATAMANCY_UPSTREAM_OPEN_WEBUI</c>.
        /// </summary>
        public static string UpstreamVariable(ServiceModel service) =>
            UpstreamVariablePrefix + Parsing.EnvNames.FromServiceName(service.Name);

        // Caddy substitutes {$VAR:default} before it tokenizes, so the whole address comes from the variable;
        // a service:port default never contains '}', which would end the placeholder early.
        private static string Upstream(ServiceModel service, StackEnvironment environment) =>
            environment == StackEnvironment.Local ? "{$" + UpstreamVariable(service) + ":" + service.Upstream() + "}" : service.Upstream();

        private static List<string> GlobalOptions(StackSettings settings, StackEnvironment environment)
        {
            switch (environment)
            {
                case StackEnvironment.Dev:
                    return new List<string> { "local_certs" };
                case StackEnvironment.Local:
                    return new List<string>
                    {
                        "admin off",
                        "default_bind 127.0.0.1",
                        "http_port {$" + HttpPortVariable + ":" + DefaultLocalHttpPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}",
                        "https_port {$" + HttpsPortVariable + ":" + DefaultLocalHttpsPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}",
                        "local_certs",
                        "skip_install_trust",
                    };
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

            /// <summary>Ask Authelia's authz endpoint to verify the bearer token (an OIDC client_credentials access token).</summary>
            public bool VerifyBearer { get; set; }
        }
    }
}
