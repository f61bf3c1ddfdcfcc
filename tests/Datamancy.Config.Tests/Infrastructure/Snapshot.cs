using System.Runtime.CompilerServices;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>
/// Snapshot assertions over DiffPlex. Snapshots keep the artifact's real extension. A mismatch writes
/// <c>NAME.received.EXT</c> beside the snapshot and fails with a diff; set DATAMANCY_ACCEPT_SNAPSHOTS=1 to accept.
/// </summary>
public static class Snapshot
{
    public static void Verify(string name, string actual) => VerifyIn(RepoPaths.Snapshots, name, actual);

    /// <summary>The same check against a snapshot folder of another test project.</summary>
    public static void VerifyIn(string folder, string name, string actual)
    {
        var path = Path.Combine(folder, name);
        var received = ReceivedPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var accept = Environment.GetEnvironmentVariable("DATAMANCY_ACCEPT_SNAPSHOTS") == "1";
        if (accept)
        {
            File.WriteAllText(path, actual);
            File.Delete(received);
            return;
        }
        var expected = File.Exists(path) ? File.ReadAllText(path) : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        var message = expected is null
            ? "No snapshot " + name + "; review " + received + " and run with DATAMANCY_ACCEPT_SNAPSHOTS=1 to accept."
            : "Snapshot " + name + " differs:\n" + Diff(expected, actual);
        throw new Xunit.Sdk.XunitException(message);
    }

    private static string ReceivedPath(string path)
    {
        var directory = Path.GetDirectoryName(path)!;
        var file = Path.GetFileName(path);
        var dot = file.LastIndexOf('.');
        return Path.Combine(directory, dot <= 0 ? file + ".received" : file[..dot] + ".received" + file[dot..]);
    }

    private static string Diff(string expected, string actual)
    {
        var diff = InlineDiffBuilder.Diff(expected, actual);
        var lines = diff.Lines
            .Select((line, index) => (line, index))
            .Where(x => x.line.Type != ChangeType.Unchanged)
            .Take(40)
            .Select(x => (x.line.Type == ChangeType.Inserted ? "+ " : x.line.Type == ChangeType.Deleted ? "- " : "  ") + (x.index + 1) + ": " + x.line.Text);
        return string.Join("\n", lines);
    }
}
