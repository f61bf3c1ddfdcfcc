using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Datamancy.Config.Emit;

/// <summary>What one emission did. <paramref name="Kept"/>: stale files left in place because they are not exactly what this tool wrote.</summary>
public sealed record EmitResult(IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed, IReadOnlyList<string> Drifted)
{
    public IReadOnlyList<string> Kept { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Writes artifacts below the output folder: only files whose bytes changed, each atomically
/// (temporary file, then rename), and removes files an earlier build wrote that are no longer produced.
/// </summary>
/// <remarks>
/// The index of written files is not trusted: an entry is used only when it is a name the generator can produce
/// (<see cref="ArtifactPaths"/>), and a stale file is removed only when its bytes still hash to what this tool wrote
/// (the index records a SHA-256 per file). Nothing is written or removed through a symbolic link.
/// </remarks>
public static class ArtifactWriter
{
    /// <summary>The list of files this tool wrote last time (<c>sha256:&lt;hex&gt; path</c>), so stale ones can be removed.</summary>
    public const string IndexFile = ".datamancy-artifacts";

    private const string HashPrefix = "sha256:";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static EmitResult Write(string outputDirectory, IReadOnlyList<ArtifactFile> artifacts, bool checkOnly)
    {
        var root = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var targets = artifacts.Select(a => (Artifact: a, Target: ArtifactPaths.Resolve(root, a.Path), Bytes: Utf8.GetBytes(a.Content))).ToList();
        var written = new List<string>();
        var unchanged = new List<string>();
        var drifted = new List<string>();
        foreach (var (artifact, target, bytes) in targets)
        {
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
            ArtifactPaths.Resolve(root, artifact.Path); // the folders just created, or found, are still not links
            var temporary = target + ".tmp-" + Environment.ProcessId;
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, target, overwrite: true);
            written.Add(artifact.Path);
        }

        var removed = new List<string>();
        var kept = new List<string>();
        var indexPath = Path.Combine(root, IndexFile);
        ArtifactPaths.RefuseLink(indexPath, IndexFile);
        var current = artifacts.Select(a => a.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (previous, hash) in ReadIndex(indexPath).Where(e => !current.Contains(e.Path)))
        {
            var stale = ResolveOrNull(root, previous);
            if (stale is null)
            {
                kept.Add(previous); // not a name this tool writes: the index was edited; never delete on its word
                continue;
            }
            if (!File.Exists(stale))
            {
                continue;
            }
            if (hash is null || !hash.Equals(Hash(File.ReadAllBytes(stale)), StringComparison.Ordinal))
            {
                kept.Add(previous); // changed since this tool wrote it (or written by someone else): left in place
            }
            else if (checkOnly)
            {
                drifted.Add(previous);
            }
            else
            {
                File.Delete(stale);
                removed.Add(previous);
            }
        }
        if (!checkOnly)
        {
            var index = string.Concat(targets.OrderBy(t => t.Artifact.Path, StringComparer.Ordinal).Select(t => HashPrefix + Hash(t.Bytes) + " " + t.Artifact.Path + "\n"));
            if (!File.Exists(indexPath) || File.ReadAllText(indexPath) != index)
            {
                Directory.CreateDirectory(root);
                var temporary = indexPath + ".tmp-" + Environment.ProcessId;
                File.WriteAllText(temporary, index, Utf8);
                File.Move(temporary, indexPath, overwrite: true);
            }
        }
        return new EmitResult(written, unchanged, removed, drifted) { Kept = kept };
    }

    // Returns rather than assigning a local inside Write's loop: with the catch ending in `continue`, a mutation tool that
    // removes the `continue` leaves the local unassigned (CS0165), and Stryker then drops every mutant of Write.
    private static string? ResolveOrNull(string root, string path)
    {
        try
        {
            return ArtifactPaths.Resolve(root, path);
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The index entries: <c>sha256:&lt;hex&gt; path</c>; a line without a hash (an older index) has a null hash.</summary>
    private static IEnumerable<(string Path, string? Hash)> ReadIndex(string indexPath)
    {
        if (!File.Exists(indexPath))
        {
            yield break;
        }
        foreach (var line in File.ReadAllText(indexPath).Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }
            var space = line.IndexOf(' ');
            yield return line.StartsWith(HashPrefix, StringComparison.Ordinal) && space > 0
                ? (line[(space + 1)..], line[HashPrefix.Length..space])
                : (line, null);
        }
    }

    private static string Hash(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
