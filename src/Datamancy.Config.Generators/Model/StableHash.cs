using System.Text;

namespace Datamancy.Config.Generators.Model
{
    /// <summary>A hash that is the same on every runtime and in every process, unlike <see cref="string.GetHashCode()"/>: what buckets are chosen by.</summary>
    internal static class StableHash
    {
        /// <summary>FNV-1a over the UTF-8 bytes, with the high bits folded into the low ones (FNV's low bits depend only on the low bits of each character).</summary>
        public static uint Of(string text)
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash = unchecked((hash ^ b) * 16777619u);
            }
            hash ^= hash >> 16;
            hash ^= hash >> 8;
            return hash;
        }
    }
}
