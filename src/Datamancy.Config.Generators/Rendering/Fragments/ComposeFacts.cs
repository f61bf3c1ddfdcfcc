using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Links;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>The inputs of compose.yaml's service fragments: each service with the stack facts its block reads.</summary>
    internal static class ComposeFacts
    {
        /// <summary>One input per service, in the order compose.yaml lists them (by name).</summary>
        public static EquatableArray<ServiceFragmentInput> Inputs(StackModel stack)
        {
            var byType = new Dictionary<string, ServiceModel>(System.StringComparer.Ordinal);
            foreach (var service in stack.Services)
            {
                if (!byType.ContainsKey(service.TypeName))
                {
                    byType[service.TypeName] = service; // the first declaration wins, as a linear search would find it
                }
            }
            var links = stack.Settings.Layout == NetworkLayout.PerLink ? StackLinks.All(stack) : null;
            return stack.Ordered().Select(service => new ServiceFragmentInput(service, For(stack, service, byType, links))).ToEquatableArray();
        }

        private static ComposeServiceFacts For(StackModel stack, ServiceModel service, Dictionary<string, ServiceModel> byType, IReadOnlyList<ServiceLink>? links)
        {
            var onHostNetwork = service.Elevations.Any(e => e.Kind == Elevation.HostNetwork && ElevationRules.IsJustified(e));
            var linkNetworks = links is null || onHostNetwork
                ? EquatableArray<ComposeNetwork>.Empty
                : ComposeNetworks.Of(stack, service, links).Select(n => new ComposeNetwork(n.Network, n.Aliases.ToEquatableArray())).ToEquatableArray();
            var aliases = links is not null || onHostNetwork ? EquatableArray<string>.Empty : AliasQueries.Of(stack, service).ToEquatableArray();
            var limits = ComposeExtras.Limits(stack, service);
            return new ComposeServiceFacts(
                service.Profiles(stack).ToEquatableArray(),
                service.Role == ServiceRole.Ingress && CaddyPreflightRenderer.IsNeeded(stack),
                Operations.OperationsMounts.Command(stack, service),
                ComposeRenderer.EnvironmentEntries(stack, service).Select(e => new ComposeVariable(e.Key, e.Value)).ToEquatableArray(),
                links is not null,
                linkNetworks,
                aliases,
                ComposeRenderer.AddedMounts(stack, service).ToEquatableArray(),
                Dependencies(service, byType),
                ComposeExtras.Pids(stack, service),
                limits is { } l ? new ComposeLimits(l.Cpus, l.Memory) : null);
        }

        private static EquatableArray<ComposeDependency> Dependencies(ServiceModel service, Dictionary<string, ServiceModel> byType)
        {
            if (service.DependsOn.Count == 0)
            {
                return EquatableArray<ComposeDependency>.Empty;
            }
            var dependencies = new List<ComposeDependency>(service.DependsOn.Count);
            for (var i = 0; i < service.DependsOn.Count; i++)
            {
                var dependency = service.DependsOn[i];
                if (FirstOfType(service.DependsOn, i) && byType.TryGetValue(dependency.TypeName, out var target))
                {
                    dependencies.Add(new ComposeDependency(target.Name, ComposeExtras.DependencyCondition(dependency, target)));
                }
            }
            return dependencies.ToEquatableArray();
        }

        /// <summary>No earlier dependency names the same type (the first one of a type stands, as a GroupBy would keep it).</summary>
        private static bool FirstOfType(EquatableArray<Dependency> dependencies, int index)
        {
            for (var j = 0; j < index; j++)
            {
                if (dependencies[j].TypeName == dependencies[index].TypeName)
                {
                    return false;
                }
            }
            return true;
        }
    }
}
