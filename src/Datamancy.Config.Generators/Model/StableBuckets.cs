using System;
using System.Collections.Generic;
using System.Linq;

namespace Datamancy.Config.Generators.Model
{
    /// <summary>One bucket: its index, its items in input order, and each item's position in the input.</summary>
    internal readonly struct Bucket<T>
        where T : IEquatable<T>
    {
        public Bucket(int index, EquatableArray<T> items, EquatableArray<int> positions)
        {
            Index = index;
            Items = items;
            Positions = positions;
        }

        public int Index { get; }

        public EquatableArray<T> Items { get; }

        public EquatableArray<int> Positions { get; }
    }

    /// <summary>
    /// Splits items into a fixed number of buckets for the pipeline's bucketed steps (render, rule and view buckets).
    /// Every bucket is returned, the empty ones too: Roslyn compares a step's outputs with the last run's by position, so
    /// a bucket that filled or emptied must not move the others.
    /// </summary>
    internal static class StableBuckets
    {
        /// <param name="items">The items, in the order each bucket keeps them.</param>
        /// <param name="count">How many buckets.</param>
        /// <param name="bucketOf">An item's bucket (0 to <paramref name="count"/> − 1), or null to leave it out.</param>
        public static IEnumerable<Bucket<T>> Split<T>(IReadOnlyList<T> items, int count, Func<T, int?> bucketOf)
            where T : IEquatable<T>
        {
            var buckets = new List<(T Item, int Position)>?[count];
            for (var i = 0; i < items.Count; i++)
            {
                if (bucketOf(items[i]) is { } index)
                {
                    (buckets[index] ??= new()).Add((items[i], i));
                }
            }
            return buckets.Select((members, b) => members is null
                ? new Bucket<T>(b, EquatableArray<T>.Empty, EquatableArray<int>.Empty)
                : new Bucket<T>(b, members.Select(m => m.Item).ToEquatableArray(), members.Select(m => m.Position).ToEquatableArray()));
        }

        /// <summary>The bucket of <paramref name="key"/> among <paramref name="count"/>, by <see cref="StableHash"/>.</summary>
        public static int Of(string key, int count) => (int)(StableHash.Of(key) % (uint)count);

        /// <summary>The file name of a path, with either separator: what tree buckets hash, so a checkout anywhere gives the same buckets.</summary>
        public static string FileName(string path) => path.Substring(path.LastIndexOfAny(new[] { '/', '\\' }) + 1);
    }
}
