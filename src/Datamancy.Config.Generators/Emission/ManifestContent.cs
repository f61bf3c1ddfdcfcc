using System.Collections.Generic;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>
    /// One artifact's text as the manifest holds it (<c>Content{Index}</c>), the input of its own source output: equal
    /// while the artifact's index, path and text are, so an edit that leaves the artifact alone leaves its file cached.
    /// </summary>
    internal sealed record ManifestContent(int Index, string Path, string Content)
    {
        /// <summary>Every artifact of a rendered stack in manifest order; none when nothing is rendered.</summary>
        public static EquatableArray<ManifestContent> Of(RenderedStack rendered)
        {
            if (rendered.DeclaresNothing || rendered.Blocked)
            {
                return EquatableArray<ManifestContent>.Empty;
            }
            var contents = new List<ManifestContent>(rendered.Artifacts.Count);
            for (var i = 0; i < rendered.Artifacts.Count; i++)
            {
                contents.Add(new ManifestContent(i, rendered.Artifacts[i].Path, rendered.Artifacts[i].Content));
            }
            return contents.ToEquatableArray();
        }
    }
}
