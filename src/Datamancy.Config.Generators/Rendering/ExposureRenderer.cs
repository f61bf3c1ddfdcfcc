using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Renders <c>exposure.json</c>: what the internet can reach, from the model, in a machine-readable form the
    /// emission step compares between builds (EXPOSURE-CHANGES.md) instead of re-parsing Caddyfiles. One object per
    /// routed host (kind, SSO mode, policy, groups, bypass rules, allowlist variable and default, second factors), the
    /// published ports, docker socket mounts and privileges beyond the hardened default. Keys and arrays are in a stable order.
    /// </summary>
    internal static class ExposureRenderer
    {
        public const string FileName = "exposure.json";

        public static string Render(StackModel stack)
        {
            var hosts = new List<string>();
            if (stack.WithRole(ServiceRole.Sso) is { } sso)
            {
                hosts.Add(Object(("host", Str(stack.PortalFqdn())), ("service", Str(sso.Name)), ("kind", Str("portal"))));
            }
            foreach (var s in stack.Ordered())
            {
                if (s.Ui is { } ui)
                {
                    hosts.Add(Object(
                        ("host", Str(stack.Fqdn(ui.Subdomain))),
                        ("service", Str(s.Name)),
                        ("kind", Str("ui")),
                        ("sso", Str(ui.Sso switch { SsoMode.ForwardAuth => "forward_auth", SsoMode.Oidc => "oidc", _ => "public" })),
                        ("policy", ui.Sso == SsoMode.Public ? "null" : Str(stack.EffectivePolicy(ui).ToAuthelia())),
                        ("groups", Array(ui.Groups.OrderBy(g => g, System.StringComparer.Ordinal))),
                        ("bypass", Array(ui.Bypass.OrderBy(b => b, System.StringComparer.Ordinal))),
                        ("justification", ui.Justification is null ? "null" : Str(ui.Justification))));
                }
                if (s.Api is { } api)
                {
                    var factors = new List<string>();
                    if (api.ApiKeySecret is not null)
                    {
                        factors.Add("api_key");
                    }
                    if (api.ClientCaFile is not null)
                    {
                        factors.Add("mtls");
                    }
                    if (api.ClientCredentials)
                    {
                        factors.Add("client_credentials");
                    }
                    hosts.Add(Object(
                        ("host", Str(stack.Fqdn(api.Subdomain))),
                        ("service", Str(s.Name)),
                        ("kind", Str("api")),
                        ("allowlistVariable", Str(api.AllowlistVariable)),
                        ("allowlistDefault", Array(api.DefaultAllowlist.OrderBy(c => c, System.StringComparer.Ordinal))),
                        ("publicRangesAllowed", ValueRules.IsJustification(api.PublicJustification) ? "true" : "false"),
                        ("factors", Array(factors))));
                }
            }
            var ports = stack.Ordered().SelectMany(s => s.Ports.Select(p => Object(
                ("service", Str(s.Name)),
                ("hostPort", p.HostPort.ToString(CultureInfo.InvariantCulture)),
                ("containerPort", p.ContainerPort.ToString(CultureInfo.InvariantCulture)),
                ("protocol", Str(p.Protocol == Protocol.Udp ? "udp" : "tcp"))))).ToList();
            var sockets = stack.Ordered().Where(s => s.DockerSocket is not null)
                .Select(s => Object(("service", Str(s.Name)), ("readOnly", s.DockerSocket!.ReadOnly ? "true" : "false"))).ToList();
            var elevations = stack.Ordered().SelectMany(s => s.Elevations.Where(ElevationRules.IsJustified).Select(e => Object(
                ("service", Str(s.Name)),
                ("kind", Str(e.Kind.ToString())),
                ("capabilities", Array(e.Capabilities))))).ToList();

            var b = new StringBuilder();
            b.Append("{\n");
            b.Append("  \"stack\": ").Append(Str(stack.Settings.Name)).Append(",\n");
            b.Append("  \"hosts\": ").Append(List(hosts)).Append(",\n");
            b.Append("  \"publishedPorts\": ").Append(List(ports)).Append(",\n");
            b.Append("  \"dockerSockets\": ").Append(List(sockets)).Append(",\n");
            b.Append("  \"elevations\": ").Append(List(elevations)).Append('\n');
            b.Append("}\n");
            return b.ToString();
        }

        private static string List(List<string> items) => items.Count == 0 ? "[]" : "[\n    " + string.Join(",\n    ", items) + "\n  ]";

        private static string Object(params (string Key, string Json)[] members) =>
            "{ " + string.Join(", ", members.Select(m => Str(m.Key) + ": " + m.Json)) + " }";

        private static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";

        /// <summary>A JSON string: quotes, backslashes and every control or non-ASCII character escaped.</summary>
        private static string Str(string value)
        {
            var b = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': b.Append("\\\""); break;
                    case '\\': b.Append("\\\\"); break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            b.Append(c);
                        }
                        break;
                }
            }
            return b.Append('"').ToString();
        }
    }
}
