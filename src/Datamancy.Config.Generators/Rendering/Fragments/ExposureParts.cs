using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;
using static Datamancy.Config.Generators.Rendering.ExposureRenderer;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>One service's entries of exposure.json: its routed hosts, published ports, docker socket and elevations.</summary>
    /// <param name="Service">The service.</param>
    /// <param name="Domain">The stack's domain, for a service with a UI or API host (null otherwise).</param>
    /// <param name="Policy">The UI host's effective policy unless it is public (null otherwise).</param>
    internal sealed record ExposurePartInput(ServiceModel Service, string? Domain, string? Policy);

    /// <summary>exposure.json as a <see cref="PartedText"/>: the stack-level frame, and one part per service.</summary>
    internal static class ExposureParts
    {
        /// <summary>The artifact's constant name.</summary>
        public const string Constant = "Exposure";

        private const string Separator = ",\n    ";

        /// <summary>The text around the services' entries and each service's input.</summary>
        public static PartedText Plan(StackModel stack)
        {
            var inputs = stack.Ordered().Select(s => ServicePartInput.Of(new ExposurePartInput(
                s,
                s.Ui is not null || s.Api is not null ? stack.Domain : null,
                s.Ui is { Sso: not SsoMode.Public } ui ? stack.EffectivePolicy(ui).ToAuthelia() : null))).ToEquatableArray();
            var portal = stack.WithRole(ServiceRole.Sso) is { } sso
                ? new[] { Object(("host", Str(stack.PortalFqdn())), ("service", Str(sso.Name)), ("kind", Str("portal"))) }
                : System.Array.Empty<string>();
            var literals = new[]
            {
                "{\n  \"stack\": " + Str(stack.Settings.Name) + ",\n  \"hosts\": ",
                ",\n  \"publishedPorts\": ",
                ",\n  \"dockerSockets\": ",
                ",\n  \"elevations\": ",
                "\n}\n",
            };
            var sections = new[] { List(portal), List(), List(), List() };
            return new PartedText(Constant, literals.ToEquatableArray(), sections.ToEquatableArray(), inputs);
        }

        /// <summary>The service's entries for each section: hosts, published ports, docker socket, elevations.</summary>
        public static EquatableArray<string> Render(ExposurePartInput input)
        {
            var s = input.Service;
            var hosts = new List<string>();
            if (s.Ui is { } ui)
            {
                hosts.Add(Object(
                    ("host", Str(StackQueries.Fqdn(ui.Subdomain, input.Domain!))),
                    ("service", Str(s.Name)),
                    ("kind", Str("ui")),
                    ("sso", Str(ui.Sso switch { SsoMode.ForwardAuth => "forward_auth", SsoMode.Oidc => "oidc", _ => "public" })),
                    ("policy", input.Policy is null ? "null" : Str(input.Policy)),
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
                    ("host", Str(StackQueries.Fqdn(api.Subdomain, input.Domain!))),
                    ("service", Str(s.Name)),
                    ("kind", Str("api")),
                    ("allowlistVariable", Str(api.AllowlistVariable)),
                    ("allowlistDefault", Array(api.DefaultAllowlist.OrderBy(c => c, System.StringComparer.Ordinal))),
                    ("publicRangesAllowed", ValueRules.IsJustification(api.PublicJustification) ? "true" : "false"),
                    ("factors", Array(factors))));
            }
            var ports = s.Ports.Select(p => Object(
                ("service", Str(s.Name)),
                ("hostPort", p.HostPort.ToString(CultureInfo.InvariantCulture)),
                ("containerPort", p.ContainerPort.ToString(CultureInfo.InvariantCulture)),
                ("protocol", Str(p.Protocol == Protocol.Udp ? "udp" : "tcp"))));
            var socket = s.DockerSocket is null ? string.Empty : Object(("service", Str(s.Name)), ("readOnly", s.DockerSocket.ReadOnly ? "true" : "false"));
            var elevations = s.Elevations.Where(ElevationRules.IsJustified).Select(e => Object(
                ("service", Str(s.Name)),
                ("kind", Str(e.Kind.ToString())),
                ("capabilities", Array(e.Capabilities))));
            return new[] { string.Join(Separator, hosts), string.Join(Separator, ports), socket, string.Join(Separator, elevations) }.ToEquatableArray();
        }

        /// <summary>A JSON array of objects, one per line, or <c>[]</c>.</summary>
        private static PartSection List(params string[] leading) => new("[\n    ", Separator, "\n  ]", "[]", leading.ToEquatableArray());
    }
}
