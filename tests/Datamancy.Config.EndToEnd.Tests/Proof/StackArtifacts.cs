using System.Collections.Concurrent;

namespace Datamancy.Config.EndToEnd.Tests.Proof;

/// <summary>
/// The artifacts one proof runs on: the local Caddyfile under test, and the network map and compose file
/// that state what the descriptors promise (which host routes where, with which access; the allowlist defaults).
/// </summary>
public sealed record StackArtifacts(string Name, string LocalCaddyfile, string NetworkMap, string Compose)
{
    /// <summary>Names an artifacts folder (built with <c>-p:DatamancyEnvironments="dev;prod;local"</c>) to prove as well.</summary>
    public const string FolderVariable = "DATAMANCY_PROOF_ARTIFACTS";

    private const string FolderPrefix = "folder:";

    private static readonly ConcurrentDictionary<string, StackArtifacts> Loaded = new();

    /// <summary>The test stacks, plus the folder named by <see cref="FolderVariable"/> when it is set.</summary>
    public static IEnumerable<string> Names()
    {
        foreach (var name in Datamancy.Config.Tests.TestStacks.Names)
        {
            yield return name;
        }
        if (Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder)
        {
            yield return FolderPrefix + Path.GetFullPath(folder);
        }
    }

    public static StackArtifacts Load(string name) => Loaded.GetOrAdd(name, n => n.StartsWith(FolderPrefix, StringComparison.Ordinal)
        ? FromFolder(n, n[FolderPrefix.Length..])
        : FromTestStack(n));

    private static StackArtifacts FromTestStack(string name)
    {
        var run = Datamancy.Config.Tests.TestStacks.Run(name);
        return new StackArtifacts(name, run.Artifact("local/Caddyfile"), run.Artifact("prod/network-map.md"), run.Artifact("prod/compose.yaml"));
    }

    private static StackArtifacts FromFolder(string name, string folder)
    {
        string Read(params string[] parts)
        {
            var path = Path.Combine(new[] { folder }.Concat(parts).ToArray());
            return File.Exists(path)
                ? File.ReadAllText(path)
                : throw new FileNotFoundException(path + " is missing: build the stack with -p:DatamancyEnvironments=\"dev;prod;local\"", path);
        }
        return new StackArtifacts(name, Read("local", "Caddyfile"), Read("prod", "network-map.md"), Read("prod", "compose.yaml"));
    }

    public override string ToString() => Name;
}
