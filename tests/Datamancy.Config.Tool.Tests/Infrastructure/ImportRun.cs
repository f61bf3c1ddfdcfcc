using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;

namespace Datamancy.Config.Tool.Tests.Infrastructure;

/// <summary>Runs the import in memory and then the generator over what it wrote, as `dotnet build` of the project would.</summary>
public static class ImportRun
{
    internal static ImportResult Import(ImportRequest request) => Importer.Build(request);

    /// <summary>The C# files of an import, in file-name order.</summary>
    internal static string[] Sources(ImportResult result) =>
        result.Files.Where(f => f.Key.EndsWith(".cs", StringComparison.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Value).ToArray();

    internal static GeneratorRun Build(ImportResult result) => GeneratorHarness.Run(Sources(result));

    /// <summary>Builds the import after the edits a user makes for what no imported file carries (<see cref="UserEdits"/>).</summary>
    internal static GeneratorRun BuildEdited(ImportResult result, IReadOnlyList<string> originalSources) =>
        GeneratorHarness.Run(UserEdits.Apply(Sources(result), originalSources));

    /// <summary>The <c>// TODO(import):</c> markers of an import that announce a build error until the user acts on it.</summary>
    internal static int Todos(ImportResult result) => Markers(result).Count(l => !l.Contains("the build warns", StringComparison.Ordinal));

    /// <summary>The markers that announce a warning (a privileged capability, DMC3003) rather than an error.</summary>
    internal static int Warned(ImportResult result) => Markers(result).Count(l => l.Contains("the build warns", StringComparison.Ordinal));

    private static IEnumerable<string> Markers(ImportResult result) =>
        Sources(result).SelectMany(s => s.Split('\n')).Where(l => l.StartsWith("// TODO(import):", StringComparison.Ordinal));

    /// <summary>Whether `caddy adapt` takes part (it must in CI).</summary>
    public static bool UseCaddy => Tools.Find("caddy") is not null || Tools.InCi;

    /// <summary>Writes a generator run's artifacts below <paramref name="folder"/>.</summary>
    public static void WriteArtifacts(GeneratorRun run, string folder)
    {
        foreach (var artifact in run.Artifacts)
        {
            var path = Path.Combine(folder, artifact.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, artifact.Content);
        }
    }
}
