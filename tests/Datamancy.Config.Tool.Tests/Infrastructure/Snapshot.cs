using Datamancy.Config.Tests.Infrastructure;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Datamancy.Config.Tool.Tests.Infrastructure;

/// <summary>
/// Snapshots of what the import writes, under tests/Datamancy.Config.Tool.Tests/Snapshots. A mismatch writes
/// NAME.received.EXT beside the snapshot and fails with a diff; DATAMANCY_ACCEPT_SNAPSHOTS=1 accepts.
/// </summary>
public static class Snapshot
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Datamancy.Config.Tool.Tests", "Snapshots");

    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(Folder, name);
        var dot = name.LastIndexOf('.');
        var received = Path.Combine(Folder, dot < 0 ? name + ".received" : name[..dot] + ".received" + name[dot..]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (Environment.GetEnvironmentVariable("DATAMANCY_ACCEPT_SNAPSHOTS") == "1")
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
        var diff = expected is null
            ? "no snapshot yet"
            : string.Join("\n", InlineDiffBuilder.Diff(expected, actual).Lines.Select((l, i) => (l, i)).Where(x => x.l.Type != ChangeType.Unchanged).Take(30)
                .Select(x => (x.l.Type == ChangeType.Inserted ? "+ " : "- ") + (x.i + 1) + ": " + x.l.Text));
        throw new Xunit.Sdk.XunitException("Snapshot " + name + " differs (" + received + "; DATAMANCY_ACCEPT_SNAPSHOTS=1 accepts):\n" + diff);
    }
}
