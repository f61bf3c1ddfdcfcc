using System;
using System.IO;
using System.Linq;

namespace Datamancy.Config.Emit;

/// <summary>The default command: write (or, with --check, compare) the selected environments' artifacts.</summary>
internal static class Emission
{
    public static int Run(ArtifactManifest manifest, CommandLine options)
    {
        var selected = manifest.Artifacts
            .Where(a => options.Environments is null || options.Environments.Contains(a.Path.Split('/')[0]))
            .ToList();
        var result = ArtifactWriter.Write(options.Output, selected, options.Check);
        foreach (var path in result.Kept)
        {
            Console.WriteLine("Datamancy.Config: left " + ArtifactPaths.Shown(path) + " in place: an earlier build listed it, but it is not a file this tool wrote (or it changed since).");
        }
        if (options.Check)
        {
            if (result.Drifted.Count > 0)
            {
                foreach (var path in result.Drifted)
                {
                    Console.Error.WriteLine("Datamancy.Config.Emit : error DMCE002: " + Path.Combine(options.Output, path)
                        + " differs from what the descriptors produce; rebuild with -p:DatamancyUpdateArtifacts=true to accept.");
                }
                return 1;
            }
            Console.WriteLine("Datamancy.Config: " + result.Unchanged.Count + " artifacts match the descriptors.");
            return 0;
        }
        Console.WriteLine("Datamancy.Config: " + result.Written.Count + " written, " + result.Unchanged.Count + " unchanged, "
            + result.Removed.Count + " removed in " + Path.GetFullPath(options.Output));
        return 0;
    }
}
