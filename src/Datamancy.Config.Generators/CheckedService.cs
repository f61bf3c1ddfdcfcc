using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing.Trees;

namespace Datamancy.Config.Generators
{
    /// <summary>One service's model and whether its own rules (<see cref="Validation.ServiceRules"/>) fire at error level.</summary>
    internal sealed record CheckedService(ServiceModel Model, bool HasErrors);

    /// <summary>
    /// One syntax tree's services, checked: each parsed model (in declaration order; a service without a model is left
    /// out) with its own rules' verdict. The pipeline checks the trees of a bucket together (<see cref="RuleBuckets"/>).
    /// </summary>
    /// <param name="Services">The tree's modelled services, checked.</param>
    /// <param name="ParseErrors">Some descriptor of the tree could not be read fully (an error-level parse diagnostic).</param>
    internal sealed record CheckedTree(EquatableArray<CheckedService> Services, bool ParseErrors)
    {
        public static CheckedTree Of(TreeParse tree) =>
            new(tree.Services.Where(p => p.Model is not null).Select(p => new CheckedService(p.Model!, Validation.StackValidator.ServiceHasErrors(p.Model!))).ToEquatableArray(),
                tree.Services.Any(p => p.Diagnostics.Any(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)));
    }

    /// <summary>
    /// Every service's model, in declaration order, whether any service's own rules fire at error level, and whether any
    /// descriptor could not be read fully (which blocks rendering too).
    /// </summary>
    internal sealed record CheckedServices(EquatableArray<ServiceModel> Models, bool HasErrors, bool ParseErrors)
    {
        /// <summary>The trees' services, tree after tree.</summary>
        public static CheckedServices From(IReadOnlyCollection<CheckedTree> trees)
        {
            var list = trees.SelectMany(t => t.Services).ToList();
            return new CheckedServices(list.Select(c => c.Model).ToEquatableArray(), list.Any(c => c.HasErrors), trees.Any(t => t.ParseErrors));
        }
    }
}
