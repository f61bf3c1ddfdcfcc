using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace Datamancy.Config.Emit;

/// <summary>What one emission did.</summary>
public sealed record EmitResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed, IReadOnlyList<string> Drifted);

/// <summary>
/// Writes artifacts below the output folder: only files whose bytes changed, each atomically
/// (temporary file, then rename), and removes files an earlier build wrote that are no longer produced.
/// </summary>
public static class ArtifactWriter
{
    /// <summary>The list of files this tool wrote last time, so stale ones can be removed.</summary>
    public const string IndexFile = ".datamancy-artifacts";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static EmitResult Write(string outputDirectory, IReadOnlyList<ArtifactFile> artifacts, bool checkOnly)
    {
        var root = Path.GetFullPath(outputDirectory);
        var written = new List<string>();
        var unchanged = new List<string>();
        var drifted = new List<string>();
        foreach (var artifact in artifacts)
        {
            var target = Resolve(root, artifact.Path);
            var bytes = Utf8.GetBytes(artifact.Content);
            if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(bytes))
            {
                unchanged.Add(artifact.Path);
                continue;
            }
            if (checkOnly)
            {
                drifted.Add(artifact.Path);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, target, overwrite: true);
            written.Add(artifact.Path);
        }

        var removed = new List<string>();
        var indexPath = Path.Combine(root, IndexFile);
        var current = artifacts.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        if (File.Exists(indexPath))
        {
            foreach (var previous in File.ReadAllLines(indexPath).Where(l => l.Length > 0 && !current.Contains(l)))
            {
                var stale = Resolve(root, previous);
                if (File.Exists(stale))
                {
                    if (checkOnly)
                    {
                        drifted.Add(previous);
                    }
                    else
                    {
                        File.Delete(stale);
                        removed.Add(previous);
                    }
                }
            }
        }
        if (!checkOnly)
        {
            var index = string.Join("\n", current.OrderBy(p => p, StringComparer.Ordinal)) + "\n";
            if (!File.Exists(indexPath) || File.ReadAllText(indexPath) != index)
            {
                Directory.CreateDirectory(root);
                File.WriteAllText(indexPath, index, Utf8);
            }
        }
        return new EmitResult(written, unchanged, removed, drifted);
    }

    /// <summary>Resolves a manifest path below the root, refusing anything that would leave it.</summary>
    private static string Resolve(string root, string relative)
    {
        if (relative.Length == 0 || Path.IsPathRooted(relative) || relative.Split('/').Any(s => s is ".." or "." or ""))
        {
            throw new InvalidDataException("Refusing artifact path outside the output folder: " + relative);
        }
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException("Refusing artifact path outside the output folder: " + relative);
        }
        return full;
    }
}
