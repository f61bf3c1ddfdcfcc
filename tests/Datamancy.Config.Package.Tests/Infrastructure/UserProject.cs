using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Package.Tests.Infrastructure;

/// <summary>
/// A user's project in the workspace, created the way docs/getting-started.md says: <c>dotnet new</c>, the
/// page's <c>nuget.config</c>, <c>dotnet add package Datamancy.Config</c>. Every command is logged.
/// </summary>
public sealed class UserProject
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);

    private readonly PackageWorkspace workspace;
    private readonly ITestOutputHelper log;

    private UserProject(PackageWorkspace workspace, string name, ITestOutputHelper log)
    {
        this.workspace = workspace;
        this.log = log;
        Name = name;
        Directory = Path.Combine(workspace.Root, name);
    }

    public string Name { get; }

    public string Directory { get; }

    public string ArtifactsPath => Path.Combine(Directory, "artifacts");

    /// <summary>Creates the project from a template and (unless told otherwise) adds the package from the local feed.</summary>
    public static UserProject Create(PackageWorkspace workspace, string template, string name, ITestOutputHelper log, bool addPackage = true)
    {
        var project = new UserProject(workspace, name, log);
        project.Expect(project.Run(workspace.Root, "new", template, "-o", name));
        project.Write("nuget.config", GettingStartedDoc.NugetConfig);
        if (!addPackage)
        {
            return project;
        }
        project.Expect(project.Dotnet("add", "package", PackageWorkspace.PackageId));
        var csproj = project.Read(name + ".csproj");
        Assert.Contains("Include=\"" + PackageWorkspace.PackageId + "\" Version=\"" + workspace.Version + "\"", csproj);
        return project;
    }

    public CliResult Dotnet(params string[] arguments) => Run(Directory, arguments);

    public CliResult Build(params string[] properties) => Dotnet(new[] { "build" }.Concat(properties).ToArray());

    /// <summary>A build with extra environment variables (MSBuild reads them as properties), the way CI or a shell profile sets them.</summary>
    public CliResult BuildWithEnvironment(IReadOnlyDictionary<string, string> variables, params string[] arguments)
    {
        var environment = workspace.ConsumerEnvironment.Concat(variables).ToDictionary(p => p.Key, p => p.Value);
        var result = DotnetCli.Run(Directory, environment, CommandTimeout, new[] { "build" }.Concat(arguments).ToArray());
        log.WriteLine(result.ToString());
        return result;
    }

    /// <summary>Asserts success and returns the result.</summary>
    public CliResult Expect(CliResult result)
    {
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string Read(string relative) => File.ReadAllText(Path.Combine(Directory, relative));

    /// <summary>Every artifact file below <paramref name="root"/> (default: ./artifacts), relative, '/'-separated, sorted.</summary>
    public IReadOnlyList<string> Artifacts(string? root = null)
    {
        root ??= ArtifactsPath;
        return System.IO.Directory.Exists(root)
            ? System.IO.Directory.GetFiles(root, "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
                .Order(StringComparer.Ordinal)
                .ToList()
            : Array.Empty<string>();
    }

    private CliResult Run(string workingDirectory, params string[] arguments)
    {
        var result = DotnetCli.Run(workingDirectory, workspace.ConsumerEnvironment, CommandTimeout, arguments);
        log.WriteLine(result.ToString());
        return result;
    }
}
