using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>The render inputs of one bucket of services, with each one's position in compose's order.</summary>
    /// <param name="Index">The bucket, chosen by a stable hash of the service's name.</param>
    /// <param name="Inputs">The bucket's services' render inputs, in compose's order.</param>
    /// <param name="Positions">Each input's position in the plan's services.</param>
    /// <param name="Locals">Each input's local fields, to put back before it renders (<see cref="LocalFields"/>).</param>
    internal sealed record RenderBucket(int Index, EquatableArray<ServiceRenderInput> Inputs, EquatableArray<int> Positions, EquatableArray<ServiceLocals> Locals);

    /// <summary>One bucket's renders, one per input and in the same order.</summary>
    internal sealed record RenderedBucket(int Index, EquatableArray<ServiceRender> Renders, EquatableArray<int> Positions)
    {
        /// <summary>Renders every service of the bucket (one step per bucket; see <see cref="RenderBuckets"/>).</summary>
        public static RenderedBucket Of(RenderBucket bucket) =>
            new(bucket.Index, bucket.Inputs.Select((input, i) => ServiceRenders.Render(input.Restore(bucket.Locals[i]))).ToEquatableArray(), bucket.Positions);
    }

    /// <summary>
    /// The services' render steps, one per bucket of services rather than one per service. Roslyn's driver walks every
    /// entry of a collected table twice on every pass, even when all of them are cached, so one entry per service made
    /// every keystroke anywhere cost 45 µs more at 1,000 services than at 10 (docs/performance.md). With about √n buckets
    /// a pass walks √n entries and an edit renders the √n services of one bucket again.
    /// </summary>
    internal static class RenderBuckets
    {
        /// <summary>The smallest power of two whose square is at least <paramref name="services"/>: 4 at 10, 32 at 1,000, 128 at 10,000.</summary>
        public static int CountFor(int services)
        {
            var count = 1;
            while (count * count < services)
            {
                count <<= 1;
            }
            return count;
        }

        /// <summary>
        /// The inputs grouped by bucket, in bucket order, empty buckets included. A service's bucket depends only on its name and
        /// the power of two above √n, so adding a service moves no other one unless that power changes.
        /// </summary>
        /// <param name="inputs">The plan's render inputs (read from the stack with local fields blanked).</param>
        /// <param name="locals">The declared services' local fields (<see cref="LocalFields.Of"/>).</param>
        public static EquatableArray<RenderBucket> Of(EquatableArray<ServiceRenderInput> inputs, EquatableArray<NamedLocals> locals)
        {
            var count = CountFor(inputs.Count);
            var byName = LocalFields.ByName(locals);
            return StableBuckets.Split(inputs.Items, count, input => StableBuckets.Of(input.Name, count))
                .Select(b => new RenderBucket(b.Index, b.Items, b.Positions, b.Items.Select(i => byName.TryGetValue(i.Name, out var l) ? l : ServiceLocals.None).ToEquatableArray()))
                .ToEquatableArray();
        }

        /// <summary>Every bucket's renders put back in the plan's order (<paramref name="services"/> renders in all).</summary>
        /// <exception cref="System.InvalidOperationException">A position is missing or given twice.</exception>
        public static ImmutableArray<ServiceRender> InPlanOrder(IEnumerable<RenderedBucket> buckets, int services)
        {
            var renders = new ServiceRender?[services];
            foreach (var bucket in buckets)
            {
                for (var i = 0; i < bucket.Renders.Count; i++)
                {
                    var position = bucket.Positions[i];
                    if (renders[position] is not null)
                    {
                        throw new System.InvalidOperationException("Two renders for one service position.");
                    }
                    renders[position] = bucket.Renders[i];
                }
            }
            return renders.Select(r => r ?? throw new System.InvalidOperationException("A service position without a render.")).ToImmutableArray();
        }
    }
}
