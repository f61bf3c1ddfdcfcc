using System.Linq;
using Datamancy.Config.Generators.Model;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Authelia's authz endpoint when an API host takes OIDC client_credentials tokens: Caddy asks
    /// <c>/api/authz/forward-auth</c> about every request to such a host, and Authelia accepts an
    /// <c>Authorization: Bearer</c> access token there only when this lists <c>HeaderAuthorization</c> with the
    /// <c>bearer</c> scheme. The token must carry the scope <c>authelia.bearer.authz</c> and the host's audience, and the
    /// access rule's subject is the client (<c>oauth2:client:&lt;service&gt;-api</c>); anything else is refused.
    /// </summary>
    /// <remarks>
    /// Configuring one endpoint replaces Authelia's defaults, so forward-auth is written in full: the default
    /// <c>basic</c> scheme and the session cookie stay as they were for the UI hosts.
    /// </remarks>
    internal static class AuthzEndpoints
    {
        public const string ForwardAuthPath = "/api/authz/forward-auth";

        public static bool VerifiesBearer(StackModel stack) => stack.Services.Any(s => s.Api is { ClientCredentials: true });

        public static YamlMappingNode? Of(StackModel stack)
        {
            if (!VerifiesBearer(stack))
            {
                return null;
            }
            return Map().With("authz", Map().With("forward-auth", Map()
                .With("implementation", Str("ForwardAuth"))
                .With("authn_strategies", Seq(new YamlNode[]
                {
                    Map().With("name", Str("HeaderAuthorization")).With("schemes", Strs(new[] { "basic", "bearer" })),
                    Map().With("name", Str("CookieSession")),
                }))));
        }
    }
}
