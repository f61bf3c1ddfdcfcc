using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Datamancy.Config.Emit;

/// <summary>The default command: write (or, with --check, compare) the selected environments' artifacts.</summary>
internal static class Emission
{
    public static int Run(ArtifactManifest manifest, CommandLine options)
    {
        var selected = RotationAudit.FillAll(options.Output, manifest.Artifacts
            .Where(a => options.Environments is null || options.Environments.Contains(a.Path.Split('/')[0])), DateTimeOffset.UtcNow, Console.Error.WriteLine);
        var environments = selected.Select(a => a.Path.Split('/')[0]).Distinct().OrderBy(e => e, StringComparer.Ordinal).ToList();
        var previous = options.Check ? null : environments.ToDictionary(e => e, e => ExposureChanges.ReadPrevious(options.Output, e));
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
        ReportExposure(options.Output, selected, previous!);
        Console.WriteLine("Datamancy.Config: " + result.Written.Count + " written, " + result.Unchanged.Count + " unchanged, "
            + result.Removed.Count + " removed in " + Path.GetFullPath(options.Output));
        return 0;
    }

    /// <summary>Compares each environment's new exposure.json with the one on disk before this build; prints and writes the summary.</summary>
    private static void ReportExposure(string output, IReadOnlyList<ArtifactFile> selected, Dictionary<string, string?> previous)
    {
        var changes = new List<(string Environment, IReadOnlyList<string> Changes)>();
        foreach (var artifact in selected.Where(a => a.Path.EndsWith("/" + ExposureChanges.ExposureFile, StringComparison.Ordinal)).OrderBy(a => a.Path, StringComparer.Ordinal))
        {
            var environment = artifact.Path.Split('/')[0];
            changes.Add((environment, ExposureChanges.Compare(previous.GetValueOrDefault(environment), artifact.Content)));
        }
        if (changes.Count == 0)
        {
            return;
        }
        ExposureChanges.WriteReport(output, ExposureChanges.Report(changes));
        foreach (var (environment, lines) in changes.Where(c => c.Changes.Count > 0))
        {
            Console.WriteLine("Datamancy.Config: exposure changed in " + environment + " (" + lines.Count + "; see " + Path.Combine(output, ExposureChanges.ReportFile) + "):");
            foreach (var line in lines.Take(10))
            {
                Console.WriteLine("  " + line);
            }
            if (lines.Count > 10)
            {
                Console.WriteLine("  … and " + (lines.Count - 10) + " more");
            }
        }
    }
}
