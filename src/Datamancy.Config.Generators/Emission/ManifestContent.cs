using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>
    /// One artifact's text as the manifest holds it (<c>Content{Index}</c>). An artifact whose text equals an earlier
    /// one's (dev and prod share every file but the Caddyfile) holds no text and names that one (<see cref="SameAs"/>):
    /// its constant is the earlier constant, so the generated C# (and the compiler's parse of it) carries each text once.
    /// Each carried text is a generated file of its own, cached on the text: an edit writes again only the texts it changed.
    /// </summary>
    internal sealed record ManifestContent(int Index, string Path, string Content, int SameAs = -1)
    {
        /// <summary>Every artifact of a rendered stack in manifest order; none when nothing is rendered.</summary>
        public static EquatableArray<ManifestContent> Of(RenderedStack rendered)
        {
            if (rendered.DeclaresNothing || rendered.Blocked)
            {
                return EquatableArray<ManifestContent>.Empty;
            }
            var contents = new List<ManifestContent>(rendered.Artifacts.Count);
            // Texts of equal length are compared (a vectorised compare): hashing every text would read all of them.
            var byLength = new Dictionary<int, List<int>>();
            for (var i = 0; i < rendered.Artifacts.Count; i++)
            {
                var artifact = rendered.Artifacts[i];
                if (!byLength.TryGetValue(artifact.Content.Length, out var sameLength))
                {
                    byLength[artifact.Content.Length] = sameLength = new List<int>();
                }
                var earlier = sameLength.FindIndex(j => string.Equals(rendered.Artifacts[j].Content, artifact.Content, System.StringComparison.Ordinal));
                if (earlier >= 0)
                {
                    contents.Add(new ManifestContent(i, artifact.Path, string.Empty, sameLength[earlier]));
                    continue;
                }
                sameLength.Add(i);
                contents.Add(new ManifestContent(i, artifact.Path, artifact.Content));
            }
            return contents.ToEquatableArray();
        }

        /// <summary>The texts the manifest carries, one file each: every artifact's but those shared with an earlier one.</summary>
        public static EquatableArray<ManifestContent> Carried(EquatableArray<ManifestContent> contents) => contents.Where(c => c.SameAs < 0).ToEquatableArray();
    }
}
