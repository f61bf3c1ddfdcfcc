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
        /// <summary>Non-secret variables with defaults: settings, and host paths chosen by a variable.</summary>
        private static IEnumerable<EnvVariable> Settings(StackModel stack)
        {
            var entries = new SortedDictionary<string, (string Description, SortedSet<string> ReadBy, bool Bootstrap)>(System.StringComparer.Ordinal);
            void Add(string name, string description, ServiceModel service)
            {
                if (!entries.TryGetValue(name, out var entry))
                {
                    entries[name] = entry = (description, new SortedSet<string>(System.StringComparer.Ordinal), false);
                }
                entry.ReadBy.Add(service.Name);
                entries[name] = (entry.Description, entry.ReadBy, entry.Bootstrap || service.Profile == Profile.Bootstrap);
            }
            foreach (var service in stack.Ordered())
            {
                foreach (var setting in service.Extras.Settings)
                {
                    Add(setting.Name, (setting.Description is null ? "Setting." : setting.Description.TrimEnd('.') + ".")
                        + " Unset or empty: '" + StackTokens.Expand(setting.Default, stack) + "'.", service);
                }
                foreach (var volume in service.Volumes.Where(v => v.SourceVariable is not null))
                {
                    Add(volume.SourceVariable!, "Host path mounted at " + volume.Target + ". Unset or empty: " + volume.Source + ".", service);
                }
                if (service.DockerSocket?.SourceVariable is { } socket)
                {
                    Add(socket, "Docker socket path. Unset or empty: " + ComposeRenderer.DockerSocket + ".", service);
                }
            }
            return entries.Select(e => new EnvVariable(e.Key, e.Value.Description, e.Value.ReadBy.ToEquatableArray(), e.Value.Bootstrap, IsSecret: false, CommentedOut: true));
        }

        /// <summary>Every variable, in the templates' order (computed once per model: <see cref="StackMemo.EnvVariables"/>).</summary>
        public static IReadOnlyList<EnvVariable> Of(StackModel stack) => StackMemo.Of(stack).EnvVariables;

        internal static IReadOnlyList<EnvVariable> Compute(StackModel stack)
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
            foreach (var (name, readBy, bootstrap) in SecretSpecs.Optional(stack))
            {
                result.Add(new EnvVariable(name, "Optional secret, not generated: the service starts without it; set it when you have it.", readBy, bootstrap, IsSecret: true, CommentedOut: true));
            }
            result.AddRange(Settings(stack));
            return result;
        }
    }
}
