using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Network aliases: the ones services declare, and the ingress hairpin derived from the routes.</summary>
    internal static class AliasQueries
    {
        /// <summary>Every public host the ingress routes (the portal, UI and API hosts), sorted: the hairpin aliases.</summary>
        public static IEnumerable<string> HairpinHosts(StackModel stack)
        {
            var hosts = new SortedSet<string>(System.StringComparer.Ordinal);
            if (stack.Services.Any(s => s.Role == ServiceRole.Sso))
            {
                hosts.Add(stack.PortalFqdn());
            }
            foreach (var s in stack.Services)
            {
                if (s.Ui is { } ui)
                {
                    hosts.Add(stack.Fqdn(ui.Subdomain));
                }
                if (s.Api is { } api)
                {
                    hosts.Add(stack.Fqdn(api.Subdomain));
                }
            }
            return hosts;
        }

        /// <summary>The aliases a service has on each of its networks.</summary>
        public static IReadOnlyList<string> Of(StackModel stack, ServiceModel service)
        {
            var aliases = service.Extras.Aliases.ToList();
            if (service.Role == ServiceRole.Ingress && stack.Settings.More.Hairpin)
            {
                aliases.AddRange(HairpinHosts(stack));
            }
            return aliases;
        }
    }
}
