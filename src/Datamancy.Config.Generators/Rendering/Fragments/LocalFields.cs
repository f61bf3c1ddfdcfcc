using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// A service's local fields: what only its own compose block and parts read, never the stack-level text or another
    /// service's input. Today the image of a service that is not a database, the directory or the ingress (their images
    /// choose the dump engine, the bootstrap and whether the ingress is Caddy), in a stack without Kubernetes manifests
    /// (which list every image).
    /// </summary>
    /// <param name="Image">The service's image as declared; null for a service whose fields are all read stack-wide.</param>
    internal sealed record ServiceLocals(string? Image)
    {
        /// <summary>Nothing to put back: the service was not blanked.</summary>
        public static readonly ServiceLocals None = new((string?)null);
    }

    /// <summary>
    /// The render plan reads the stack with its services' local fields blanked (<see cref="Blank(StackModel)"/>), so a
    /// plan is cached across an edit of a local field (an image tag: the most common edit of a descriptor); each bucket
    /// puts the fields back (<see cref="Restore"/>) before it renders its services. That this changes no text is proven
    /// against the whole-model renderer over every test stack and the fuzzer's stacks (LocalFieldsTests).
    /// </summary>
    internal static class LocalFields
    {
        /// <summary>The image a blanked service has when its own is pinned: a stack-level text reads only whether it is.</summary>
        public const string PinnedImage = "datamancy.invalid/local:pinned";

        /// <summary>The image a blanked service has when its own is not pinned.</summary>
        public const string FloatingImage = "datamancy.invalid/local";

        /// <summary>The stack the plan reads: every service with local fields blanked, or the stack itself when none has any.</summary>
        public static StackModel Blank(StackModel stack)
        {
            if (stack.Settings.Kubernetes || !stack.Services.Any(HasLocals))
            {
                return stack;
            }
            return stack with { Services = stack.Services.Select(s => HasLocals(s) ? Blanked.GetValue(s, Blank) : s).ToEquatableArray() };
        }

        // Per model object: a service whose tree did not change keeps its model object, so it keeps its blanked one too,
        // and comparing the planned build after an edit finds the other services equal by reference.
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ServiceModel, ServiceModel> Blanked = new();

        private static ServiceModel Blank(ServiceModel service) =>
            service with { Image = ValueRules.IsPinned(service.Image) ? PinnedImage : FloatingImage };

        /// <summary>Each service's local fields by name, for the buckets to put back (the first service of a name wins).</summary>
        public static EquatableArray<NamedLocals> Of(StackModel? stack)
        {
            if (stack is null || stack.Settings.Kubernetes)
            {
                return EquatableArray<NamedLocals>.Empty;
            }
            return stack.Services.Where(HasLocals).Select(s => new NamedLocals(s.Name, new ServiceLocals(s.Image))).ToEquatableArray();
        }

        /// <summary>A lookup of <see cref="Of"/>'s result.</summary>
        public static Dictionary<string, ServiceLocals> ByName(EquatableArray<NamedLocals> locals)
        {
            var byName = new Dictionary<string, ServiceLocals>(locals.Count, System.StringComparer.Ordinal);
            foreach (var named in locals)
            {
                if (!byName.ContainsKey(named.Name))
                {
                    byName[named.Name] = named.Locals;
                }
            }
            return byName;
        }

        /// <summary>The service with its local fields put back.</summary>
        public static ServiceModel Restore(ServiceModel blanked, ServiceLocals locals) =>
            locals.Image is null || blanked.Image == locals.Image ? blanked : blanked with { Image = locals.Image };

        // A database's image picks its dump engine and its dump service's image, the directory's the bootstrap, the
        // ingress's the rule that it is Caddy; the backup plan's own services are added after blanking.
        private static bool HasLocals(ServiceModel service) =>
            service.Role is not (ServiceRole.Database or ServiceRole.Directory or ServiceRole.Ingress) && !Backups.BackupPlan.IsGenerated(service);
    }

    /// <summary>A service's name and its local fields.</summary>
    internal sealed record NamedLocals(string Name, ServiceLocals Locals);
}
