using System.Diagnostics;
using Xunit;

namespace Datamancy.Config.Package.Tests.Infrastructure;

/// <summary>
/// A temporary working folder as in docs/getting-started.md: <c>feed/</c> with Datamancy.Config packed from
/// this repository (once per test run), and the users' projects beside it. Restores of those projects use a
/// packages folder of their own, so a package from an earlier run can never be picked up from the cache.
/// </summary>
public sealed class PackageWorkspace : IDisposable
{
    public const string PackageId = "Datamancy.Config";

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(8);

    public PackageWorkspace()
    {
        Root = Path.Combine(Path.GetTempPath(), "datamancy-package-" + Guid.NewGuid().ToString("N")[..12]);
        Feed = Path.Combine(Root, "feed");
        Directory.CreateDirectory(Root);
        ConsumerEnvironment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Root, "nuget-packages") };

        // The pack builds from the repository with the machine's own package cache: the generator's build
        // dependencies are there already; only the consumers are isolated.
        Pack = DotnetCli.Run(Root, null, PackTimeout, "pack", RepoPaths.PackageProject, "-c", "Release", "-o", Feed);
        if (!Pack.Succeeded)
        {
            throw new InvalidOperationException("dotnet pack failed:\n" + Pack);
        }
        var packages = Directory.GetFiles(Feed, "*.nupkg");
        if (packages.Length != 1)
        {
            throw new InvalidOperationException("expected exactly one package in the feed, found: " + string.Join(", ", packages.Select(Path.GetFileName)));
        }
        PackagePath = packages[0];
        var name = Path.GetFileNameWithoutExtension(PackagePath);
        if (!name.StartsWith(PackageId + ".", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("unexpected package " + name);
        }
        Version = name[(PackageId.Length + 1)..];
    }

    public string Root { get; }

    public string Feed { get; }

    public string PackagePath { get; }

    public string Version { get; }

    public CliResult Pack { get; }

    /// <summary>Variables for every command run in a user's project.</summary>
    public IReadOnlyDictionary<string, string> ConsumerEnvironment { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>The tests that share one packed feed run one after the other (2 cores, one SDK).</summary>
[CollectionDefinition(Name)]
public sealed class PackageCollection : ICollectionFixture<PackageWorkspace>
{
    public const string Name = "package";
}
