using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing.Trees;

namespace Datamancy.Config.Generators
{
    /// <summary>The parses of one bucket of the trees that declare services, with each tree's position in the compilation.</summary>
    internal sealed record TreeBucket(int Index, EquatableArray<TreeParse> Trees, EquatableArray<int> Positions);

    /// <summary>One bucket's trees, checked (<see cref="CheckedTree"/>), in the same order and with the same positions.</summary>
    internal sealed record CheckedBucket(int Index, EquatableArray<CheckedTree> Trees, EquatableArray<int> Positions)
    {
        public static CheckedBucket Of(TreeBucket bucket) => new(bucket.Index, bucket.Trees.Select(CheckedTree.Of).ToEquatableArray(), bucket.Positions);
    }

    /// <summary>
    /// Each service's own rules run per bucket of trees rather than per tree: Roslyn's driver walks every entry of a
    /// collected table twice on every pass, so one entry per tree made every keystroke anywhere pay for every tree. An
    /// edit checks the services of its tree's bucket again (a sixteenth of the trees).
    /// </summary>
    internal static class RuleBuckets
    {
        /// <summary>How many buckets the trees are spread over.</summary>
        public const int Count = 16;

        /// <summary>
        /// Every bucket (empty ones too, so that Roslyn, which compares outputs by position, never sees one move), each with
        /// the trees that declare services, chosen by a stable hash of the file's name, in compilation order.
        /// </summary>
        public static IEnumerable<TreeBucket> Of(EquatableArray<TreeParse> trees) =>
            StableBuckets.Split(trees.Items, Count, tree => tree.Services.Count > 0 ? StableBuckets.Of(StableBuckets.FileName(tree.Path), Count) : null)
                .Select(b => new TreeBucket(b.Index, b.Items, b.Positions));

        /// <summary>The buckets' checked trees in compilation order.</summary>
        public static IReadOnlyCollection<CheckedTree> InTreeOrder(IEnumerable<CheckedBucket> buckets) =>
            buckets.SelectMany(b => b.Trees.Select((tree, i) => (Tree: tree, Position: b.Positions[i]))).OrderBy(t => t.Position).Select(t => t.Tree).ToList();
    }
}
