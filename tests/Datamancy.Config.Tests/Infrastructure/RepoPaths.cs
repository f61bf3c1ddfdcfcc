namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>Folders of the repository and of the shared oracles beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Snapshots => Path.Combine(Root, "tests", "Datamancy.Config.Tests", "Snapshots");

    public static string Sample => Path.Combine(Root, "samples", "Datamancy.Stack");

    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Oracles => Path.Combine(Shared, "oracles");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Datamancy.Config.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Datamancy.Config.sln not found above " + AppContext.BaseDirectory);
    }
}
