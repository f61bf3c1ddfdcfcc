using System.Collections.Generic;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Renders the Caddyfile: one SSO snippet, the portal, UI hosts and allowlisted API hosts. The text is put together
    /// from the same pieces the pipeline renders one by one (<see cref="Fragments.CaddyfileParts"/>).
    /// </summary>
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

        /// <summary>The whole Caddyfile of one environment: the head and the portal's site, then every service's sites.</summary>
        public static string Render(StackModel stack, StackEnvironment environment) => Fragments.TextParts.Render(Fragments.CaddyfileParts.Plan(stack, environment));

        /// <summary>The text above the sites: the header comments, the global options and the snippets.</summary>
        /// <param name="ssoUpstream">Authelia's upstream in <paramref name="environment"/>, empty without SSO (no <c>(authelia)</c> snippet).</param>
        public static string Head(StackModel stack, StackEnvironment environment, string ssoUpstream) =>
            ScribanTemplates.Render("CaddyfileHead.sbn", new
            {
                StackName = stack.Settings.Name,
                Environment = environment.Folder(),
                GlobalOptions = GlobalOptions(stack.Settings, environment),
                Local = environment == StackEnvironment.Local,
                HttpPortVariable,
                HttpsPortVariable,
                UpstreamVariablePrefix,
                SsoUpstream = ssoUpstream,
            });

        /// <summary>
        /// The variable that points a service's upstream elsewhere in the local environment:
        /// <c>open-webui</c> → <c>DATAMANCY_UPSTREAM_OPEN_WEBUI</c>.
        /// </summary>
        public static string UpstreamVariable(ServiceModel service) =>
            UpstreamVariablePrefix + Parsing.EnvNames.FromServiceName(service.Name);

        // Caddy substitutes {$VAR:default} before it tokenizes, so the whole address comes from the variable;
        // a service:port default never contains '}', which would end the placeholder early.
        public static string Upstream(ServiceModel service, StackEnvironment environment) =>
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
    }
}
