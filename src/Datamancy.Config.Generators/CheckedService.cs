using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators
{
    /// <summary>One service's model and whether its own rules (<see cref="Validation.ServiceRules"/>) fire at error level.</summary>
    internal sealed record CheckedService(ServiceModel Model, bool HasErrors);

    /// <summary>Every service's model, in declaration order, and whether any service's own rules fire at error level.</summary>
    internal sealed record CheckedServices(EquatableArray<ServiceModel> Models, bool HasErrors)
    {
        public static CheckedServices From(IEnumerable<CheckedService> all)
        {
            var list = all.ToList();
            return new CheckedServices(list.Select(c => c.Model).ToEquatableArray(), list.Any(c => c.HasErrors));
        }
    }
}
