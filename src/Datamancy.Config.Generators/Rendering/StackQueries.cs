using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Derived facts every renderer agrees on: hosts, upstreams, roles, stable order.</summary>
    internal static class StackQueries
    {
        /// <summary>The services by name (a stable sort: equal names keep their declaration order), sorted once per stack.</summary>
        public static IEnumerable<ServiceModel> Ordered(this StackModel stack) => StackMemo.Of(stack).Ordered;

        /// <summary>The first service of a role by name, looked up once per stack.</summary>
        public static ServiceModel? WithRole(this StackModel stack, ServiceRole role) => StackMemo.Of(stack).WithRole(role);

        public static string Fqdn(this StackModel stack, string subdomain) => Fqdn(subdomain, stack.Domain);

        /// <summary>A host's name under the stack's domain (for inputs that hold the domain, not the stack).</summary>
        public static string Fqdn(string subdomain, string domain) => subdomain + "." + domain;

        public static string PortalFqdn(this StackModel stack) => stack.Fqdn(stack.Settings.PortalHost);

        public static string Upstream(this ServiceModel service) =>
            service.Name + ":" + service.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static AuthPolicy EffectivePolicy(this StackModel stack, UiHostModel ui) =>
            ui.Policy == AuthPolicy.Default ? stack.Settings.DefaultPolicy : ui.Policy;

        public static string ToAuthelia(this AuthPolicy policy) => policy == AuthPolicy.OneFactor ? "one_factor" : "two_factor";

        /// <summary>The profiles a service starts in: bootstrap services are part of the full stack too.</summary>
        public static string[] Profiles(this ServiceModel service) =>
            service.Profile == Profile.Bootstrap ? new[] { "bootstrap", "full" } : new[] { "full" };

        /// <summary>
        /// The profiles a service starts in, with the stack's named profiles: a bootstrap service starts in every one
        /// (so each has the ingress and the one SSO configuration), any other in full and its own named profiles.
        /// </summary>
        public static string[] Profiles(this ServiceModel service, StackModel stack) =>
            service.Profile == Profile.Bootstrap
                ? service.Profiles().Concat(stack.NamedProfiles()).ToArray()
                : service.Profiles().Concat(service.Extras.NamedProfiles.OrderBy(p => p, System.StringComparer.Ordinal)).Distinct().ToArray();

        /// <summary>Every named profile of the stack, sorted.</summary>
        public static IEnumerable<string> NamedProfiles(this StackModel stack) => StackMemo.Of(stack).NamedProfiles;

        public static IEnumerable<string> NetworkNames(this Network networks)
        {
            if ((networks & Network.Frontend) != 0) yield return "frontend";
            if ((networks & Network.Backend) != 0) yield return "backend";
            if ((networks & Network.Database) != 0) yield return "database";
        }

        public static string ClientId(this ServiceModel service) => service.Name;

        public static string ApiClientId(this ServiceModel service) => service.Name + "-api";
    }
}
