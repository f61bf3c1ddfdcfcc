using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>One variable the stack reads from its env file.</summary>
    internal sealed record EnvVariable(string Name, string Description, EquatableArray<string> ReadBy, bool Bootstrap, bool IsSecret, bool CommentedOut);

    /// <summary>Every variable compose interpolates, derived from the same model the renderers use.</summary>
    internal static class EnvVariables
    {
        public static IReadOnlyList<EnvVariable> Of(StackModel stack)
        {
            var result = new List<EnvVariable>();
            var ingress = stack.WithRole(ServiceRole.Ingress);
            if (ingress is not null)
            {
                result.Add(new EnvVariable(ComposeRenderer.IngressBindVariable,
                    "Host address the ingress binds 80/443 to. Unset: 0.0.0.0 (all interfaces).",
                    new[] { ingress.Name }.ToEquatableArray(), Bootstrap: true, IsSecret: false, CommentedOut: true));
                foreach (var service in stack.Ordered().Where(s => s.Api is not null))
                {
                    var api = service.Api!;
                    result.Add(new EnvVariable(api.AllowlistVariable,
                        "Client CIDRs (space-separated) allowed on https://" + stack.Fqdn(api.Subdomain) + ". Unset: " + string.Join(" ", api.DefaultAllowlist) + ". Set but empty: nobody.",
                        new[] { ingress.Name }.ToEquatableArray(), service.Profile == Profile.Bootstrap, IsSecret: false, CommentedOut: true));
                }
            }
            foreach (var secret in SecretSpecs.Of(stack).Where(s => !s.ForClients))
            {
                result.Add(new EnvVariable(secret.Name, secret.Describe(), secret.ReadBy, secret.Bootstrap, IsSecret: true, CommentedOut: false));
            }
            return result;
        }
    }
}
