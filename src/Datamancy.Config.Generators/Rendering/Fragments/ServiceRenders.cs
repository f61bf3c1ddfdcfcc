using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// One service's input to its render step: its compose fragment's input and its part input of each parted text that
    /// lists it, in the plan's text order. One input per service rather than one per fragment and part: Roslyn's driver
    /// walks every cached entry on every pass, so the entries an unrelated edit pays for grow with services, not texts.
    /// </summary>
    /// <param name="Compose">The input of the service's compose block.</param>
    /// <param name="Parts">The service's part inputs, at most one per parted text.</param>
    internal sealed record ServiceRenderInput(ServiceFragmentInput Compose, EquatableArray<ServicePartInput> Parts)
    {
        /// <summary>The service's name.</summary>
        public string Name => Compose.Name;

        /// <summary>The input with the service's local fields put back in every model it holds (<see cref="LocalFields"/>).</summary>
        public ServiceRenderInput Restore(ServiceLocals locals) =>
            locals.Image is null ? this : new(Compose with { Service = LocalFields.Restore(Compose.Service, locals) }, Parts.Select(p => p.Restore(locals)).ToEquatableArray());
    }

    /// <summary>One service's rendered compose fragment and parts, each with the internal error that stopped it, if any.</summary>
    /// <param name="Fragment">The service's compose block.</param>
    /// <param name="Parts">The service's parts, one per part input, in the same order.</param>
    internal sealed record ServiceRender(ServiceFragment Fragment, EquatableArray<ServicePart> Parts)
    {
        /// <summary>The service's name.</summary>
        public string Name => Fragment.Name;
    }

    /// <summary>Folds compose's and the parted texts' per-service inputs into one per service, renders one, and unfolds the results for the join.</summary>
    internal static class ServiceRenders
    {
        /// <summary>One input per compose service, in compose's order, with the part inputs of every text that lists it.</summary>
        /// <exception cref="System.InvalidOperationException">A text has a part for a service compose does not list.</exception>
        public static EquatableArray<ServiceRenderInput> Fold(ComposePlan compose, EquatableArray<PartedText> texts)
        {
            var parts = compose.Services.ToDictionary(s => s.Name, _ => new List<ServicePartInput>(texts.Count), System.StringComparer.Ordinal);
            foreach (var text in texts)
            {
                foreach (var input in text.Inputs)
                {
                    if (!parts.TryGetValue(input.Name, out var list))
                    {
                        throw new System.InvalidOperationException("A part of " + text.Artifact + " for a service compose does not list.");
                    }
                    list.Add(input);
                }
            }
            return compose.Services.Select(s => new ServiceRenderInput(s, parts[s.Name].ToEquatableArray())).ToEquatableArray();
        }

        /// <summary>The service's compose fragment and parts in one pipeline step; an exception stops only the fragment or part it came from.</summary>
        public static ServiceRender Render(ServiceRenderInput input) =>
            new(Fragment(input.Compose), input.Parts.Select(TextParts.Render).ToEquatableArray());

        /// <summary>One compose fragment; an exception becomes the fragment's internal error (<c>Type|Method</c>).</summary>
        public static ServiceFragment Fragment(ServiceFragmentInput input)
        {
            try
            {
                return ComposeFragments.Emit(input);
            }
            catch (System.Exception exception)
            {
                return new ServiceFragment(input.Name, string.Empty, InternalErrors.Describe(exception));
            }
        }

        /// <summary>For each text, its parts in the order of its inputs, taken from the services' renders.</summary>
        public static List<List<ServicePart>> PartsPerText(EquatableArray<PartedText> texts, IEnumerable<ServiceRender> renders)
        {
            var byName = renders.ToDictionary(r => r.Name, System.StringComparer.Ordinal);
            return texts.Select(t => t.Inputs.Select(i => byName[i.Name].Parts.Single(p => p.Artifact == t.Artifact)).ToList()).ToList();
        }
    }
}
