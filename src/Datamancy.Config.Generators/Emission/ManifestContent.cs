using System.Collections.Generic;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>
    /// One artifact's text as the manifest holds it (<c>Content{Index}</c>), the input of its own source output: equal
    /// while the artifact's index, path and text are, so an edit that leaves the artifact alone leaves its file cached.
    /// An artifact whose text equals an earlier one's (dev and prod share every file but the Caddyfile) holds no text and
    /// names that one (<see cref="SameAs"/>): its constant is the earlier constant, so the generated C# and the compiler's
    /// parse of it carry each text once, and the file stays cached while only the earlier text changes.
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
            var first = new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (var i = 0; i < rendered.Artifacts.Count; i++)
            {
                var artifact = rendered.Artifacts[i];
                if (first.TryGetValue(artifact.Content, out var earlier))
                {
                    contents.Add(new ManifestContent(i, artifact.Path, string.Empty, earlier));
                    continue;
                }
                first[artifact.Content] = i;
                contents.Add(new ManifestContent(i, artifact.Path, artifact.Content));
            }
            return contents.ToEquatableArray();
        }
    }
}
