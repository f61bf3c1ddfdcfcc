using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// What one joined text is put together from: the frame the plan rendered (compose's text above and below its
    /// services, or a parted text's literals and sections) and the services' rendered pieces. Strings only, so an
    /// unchanged text compares equal piece by piece (mostly by reference, since cached buckets keep their renders) and
    /// its join stays cached: an edit joins again only the texts it changed.
    /// </summary>
    /// <param name="Key">The text's key: <see cref="StackRenderer.ComposeConstant"/>, or <see cref="PartedText.Artifact"/>.</param>
    /// <param name="Compose">compose.yaml's frame (no service inputs), or null for a parted text.</param>
    /// <param name="Frame">A parted text's frame (no service inputs), or null for compose.yaml.</param>
    /// <param name="Fragments">compose.yaml's service fragments, in compose's order.</param>
    /// <param name="Parts">The parted text's parts, in the text's order.</param>
    internal sealed record TextJoin(string Key, ComposePlan? Compose, PartedText? Frame, EquatableArray<ServiceFragment> Fragments, EquatableArray<ServicePart> Parts);

    /// <summary>One joined text, or the first internal error among its pieces (<c>Type|Method</c>).</summary>
    internal sealed record JoinedText(string Key, string Content, string? Error);

    /// <summary>Cuts the join into one step per text and puts each text together.</summary>
    internal static class TextJoins
    {
        /// <summary>
        /// compose.yaml's join, then each parted text's in the plan's order, from the render buckets put back in the plan's
        /// order; none for a plan with nothing to render. A bucket that does not fit the plan becomes one failed join, so
        /// the stack is blocked with DMC0000 rather than the generator failing.
        /// </summary>
        public static EquatableArray<TextJoin> Of(RenderPlan plan, IEnumerable<RenderedBucket> buckets)
        {
            if (plan.Compose is null || plan.Blocked || plan.InternalError is not null)
            {
                return EquatableArray<TextJoin>.Empty;
            }
            try
            {
                return Of(plan.Compose, plan.Texts, RenderBuckets.InPlanOrder(buckets, plan.Services.Count));
            }
            catch (System.Exception exception)
            {
                var failed = new ServiceFragment(string.Empty, string.Empty, InternalErrors.Describe(exception));
                return new[] { new TextJoin(StackRenderer.ComposeConstant, null, null, new[] { failed }.ToEquatableArray(), EquatableArray<ServicePart>.Empty) }.ToEquatableArray();
            }
        }

        /// <summary>compose.yaml's join, then each parted text's in <paramref name="texts"/>' order.</summary>
        public static EquatableArray<TextJoin> Of(ComposePlan compose, EquatableArray<PartedText> texts, IReadOnlyList<ServiceRender> renders)
        {
            var joins = new List<TextJoin>(1 + texts.Count)
            {
                new(StackRenderer.ComposeConstant, compose with { Services = EquatableArray<ServiceFragmentInput>.Empty }, null, renders.Select(r => r.Fragment).ToEquatableArray(), EquatableArray<ServicePart>.Empty),
            };
            var parts = ServiceRenders.PartsPerText(texts, renders);
            for (var i = 0; i < texts.Count; i++)
            {
                joins.Add(new TextJoin(texts[i].Artifact, null, texts[i] with { Inputs = EquatableArray<ServicePartInput>.Empty }, EquatableArray<ServiceFragment>.Empty, parts[i].ToEquatableArray()));
            }
            return joins.ToEquatableArray();
        }

        /// <summary>The text, or the first error of its fragments or parts.</summary>
        public static JoinedText Join(TextJoin join)
        {
            var error = join.Fragments.FirstOrDefault(f => f.Error is not null)?.Error ?? join.Parts.FirstOrDefault(p => p.Error is not null)?.Error;
            if (error is not null)
            {
                return new JoinedText(join.Key, string.Empty, error);
            }
            var content = join.Compose is { } compose ? ComposeFragments.Join(compose, join.Fragments.Items) : TextParts.Join(join.Frame!, join.Parts.Items);
            return new JoinedText(join.Key, content, null);
        }
    }
}
