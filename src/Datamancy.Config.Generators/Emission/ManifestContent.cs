using System.Collections.Generic;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>
    /// One artifact's text as the manifest holds it (<c>Content{Index}</c>). An artifact whose text equals an earlier
    /// one's (dev and prod share every file but the Caddyfile) holds no text and names that one (<see cref="SameAs"/>):
    /// its constant is the earlier constant, so the generated C# — and the compiler's parse of it, which Roslyn repeats
    /// for every generated file whenever any output changed — carries each text once.
    /// </summary>
    internal sealed record ManifestContent(int Index, string Path, string Content, int SameAs = -1)
    {
        /// <summary>
        /// At least the length of the manifest: each carried text as <see cref="CodeWriter.Constant"/> writes it (counted
        /// exactly, so the writer's buffer is one block that never grows and is copied once) and room for every other line.
        /// </summary>
        public static int Capacity(EquatableArray<ManifestContent> contents, int secrets)
        {
            var size = 4096L + (secrets * 512L);
            foreach (var content in contents)
            {
                size += CodeWriter.ConstantLength(content.Content) + 512;
            }
            return size > int.MaxValue / 4 ? 0 : (int)size;
        }

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
