namespace Datamancy.Config.Package.Tests.Infrastructure;

/// <summary>Folders of the repository under test.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string PackageProject => Path.Combine(Root, "src", "Datamancy.Config");

    public static string GettingStarted => Path.Combine(Root, "docs", "getting-started.md");

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
