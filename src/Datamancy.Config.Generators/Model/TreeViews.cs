using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Parsing.Trees;

namespace Datamancy.Config.Generators.Model
{
    /// <summary>
    /// The typed views of the partial service classes declared in one syntax tree, and the file (<see cref="Bucket"/>)
    /// they are emitted in. Files hold buckets of trees rather than one tree each: Roslyn's driver does work per
    /// generated file on every pass, even for a cached one, so the count of files is what an unrelated edit pays for
    /// (half of it at 1,000 services in 102 files; see docs/performance.md), while an edit re-emits one bucket.
    /// </summary>
    internal sealed record TreeViews(int Bucket, EquatableArray<ServiceView> Views)
    {
        /// <summary>How many view files a stack has at most.</summary>
        public const int Buckets = 4;

        /// <summary>The views of one tree's partial services, or null when it declares none.</summary>
        public static TreeViews? From(TreeParse tree, string? domain)
        {
            var views = new List<ServiceView>();
            string? first = null;
            foreach (var service in tree.Services)
            {
                if (service.Model is { } model && service.Class.IsPartial)
                {
                    views.Add(ServiceView.Of(service.Class, model, domain));
                    first ??= model.TypeName;
                }
            }
            return first is null ? null : new TreeViews(BucketOf(tree.Path, first), views.ToEquatableArray());
        }

        /// <summary>
        /// The tree's file: a hash of its file name (not the folder, so a checkout anywhere gives the same files) and its
        /// first service's type. It depends on nothing outside the tree, so an edit of another tree never moves it; two
        /// trees in one bucket share its file.
        /// </summary>
        public static int BucketOf(string path, string firstTypeName) =>
            StableBuckets.Of(StableBuckets.FileName(path) + "\n" + firstTypeName, Buckets);

        /// <summary><c>Datamancy.Services.{bucket}.g.cs</c>, two digits.</summary>
        public static string HintNameOf(int bucket) =>
            "Datamancy.Services." + bucket.ToString("00", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
    }

    /// <summary>One view file: the trees of one bucket, in compilation order.</summary>
    internal sealed record ViewBucket(int Bucket, EquatableArray<TreeViews> Trees)
    {
        /// <summary>
        /// Every bucket (<see cref="TreeViews.Buckets"/> of them), the empty ones too: Roslyn compares a step's outputs with
        /// the last run's by position, so a bucket that filled or emptied must not move the others.
        /// </summary>
        public static IEnumerable<ViewBucket> All(IEnumerable<TreeViews?> trees) =>
            StableBuckets.Split(trees.Where(t => t is not null).Select(t => t!).ToList(), TreeViews.Buckets, t => t.Bucket)
                .Select(b => new ViewBucket(b.Index, b.Items));
    }
}
