using System.Runtime.CompilerServices;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering.Operations
{
    /// <summary>
    /// Whether a service's image (and its build's declared base image) is pinned, once per service model: the audit's
    /// image status reads every service on every model change, and an unedited service keeps its model instance, so the
    /// pattern match (which allocates) runs only for the services an edit produced.
    /// </summary>
    internal static class ImagePins
    {
        private static readonly ConditionalWeakTable<ServiceModel, StrongBox<bool>> Cache = new();

        /// <summary>The image is pinned, and the build's base image too when one is declared.</summary>
        public static bool Pinned(ServiceModel service) => Cache.GetValue(service, Compute).Value;

        private static StrongBox<bool> Compute(ServiceModel s) =>
            new(ValueRules.IsPinned(s.Image) && (s.Extras.Build?.BaseImage is not { } b || ValueRules.IsPinned(b)));
    }
}
