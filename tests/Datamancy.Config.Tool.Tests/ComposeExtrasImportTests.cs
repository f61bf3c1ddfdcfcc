using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Datamancy.Config.Tool.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// The compose keys of a long-lived stack the descriptors express since issue 12 (Stacks/extras: a photo library built from
/// a fork, a one-off migration job, replicated workers with a GPU): each becomes its attribute, what the descriptors cannot
/// hold is reported with its line, and importing the artifacts the imported project builds gives the same artifacts again.
/// </summary>
public sealed class ComposeExtrasImportTests
{
    private const string Reason = "Reviewed after the import: needed as declared.";

    private static ImportRequest Extras(string output, string? folder = null) => new(
        new[] { Path.Combine(folder ?? Stack, "compose.yml") }, Path.Combine(folder ?? Stack, "Caddyfile"), Array.Empty<string>(),
        Path.Combine(folder ?? Stack, ".env"), "media.example.net", output, UseCaddy: false, PackageVersion: "0.1.0");

    private static string Stack => Path.Combine(RealisticStackTests.Stacks, "extras");

    [Fact]
    public void Each_key_becomes_its_attribute()
    {
        using var folder = new TempFolder();
        var result = ImportRun.Import(Extras(Path.Combine(folder.Path, "Media")));
        var apps = result.Files["Apps.cs"];
        foreach (var expected in new[]
        {
            "[Service(\"photos\", \"registry.media.example.net/photos-server:1.118.2\", Port = 3001, Networks = Network.Frontend | Network.Backend, Profiles = new[] { \"media\" }, StopGracePeriod = \"1m\", ShmSize = \"256m\")]",
            "[Build(\"./photos\", Dockerfile = \"Dockerfile.server\", Target = \"release\", Args = new[] { \"UPSTREAM_VERSION=1.118.2\", \"BUILD_LABEL=heic$patch\" })]",
            "[Setting(\"PHOTOS_LOG_LEVEL\", \"log\")]",
            "[Setting(\"PHOTOS_WORKERS\", \"4\")]",
            "[Secret(\"PHOTOS_MAP_TOKEN\", Optional = true)]",
            "[Volume(\"./library\", \"/usr/src/app/upload\", SourceVariable = \"PHOTOS_LIBRARY\")]",
            "[EnvFile(\"./photos/photos.env\")]",
            "[NetworkAlias(\"photos-api\")]",
            "[ExtraHost(\"nas.lan\", \"192.168.1.20\")]",
            "[Dns(\"192.168.1.1\")]",
            "[Ulimit(\"nofile\", 65536, 65536)]",
            "[Logging(\"json-file\", Options = new[] { \"max-size=10m\", \"max-file=3\" })]",
            "[Tmpfs(\"/tmp\", Size = \"64m\")]",
            "[Gpu(Count = 1, Capabilities = new[] { \"gpu\" })]",
            "[Healthcheck(\"curl -fsS http://127.0.0.1:3001/api/server/ping || exit 1\", Shell = true)]",
            "[DependsOn(typeof(Migrate), Condition = DependencyCondition.CompletedSuccessfully)]",
            "[Service(\"migrate\", \"registry.media.example.net/photos-server:1.118.2\", Command = new[] { \"node\", \"dist/main.js\", \"migrate\" }, Profiles = new[] { \"media\" }, ReadOnlyRootFilesystem = true)]",
            "[Job]",
            "[Service(\"worker\", \"registry.media.example.net/photos-worker:1.118.2\", Command = new[] { \"node\", \"dist/worker.js\" }, Profiles = new[] { \"media\" }, Entrypoint = new[] { \"/usr/local/bin/tini\", \"--\" }, Replicas = 3)]",
            "[Job(RestartOnFailure = true)]",
        })
        {
            Assert.Contains(expected + "\n", apps);
        }
        Assert.Contains("Hairpin = true", result.Files["Stack.cs"]);
        // Justifications only the user can write: one TODO marker each, and the build reports each until it is written.
        Assert.Equal(ImportRun.Todos(result), ImportRun.Build(result).Errors.Count());
        // What the descriptors cannot hold is reported at its line, with the reason.
        var notExpressible = result.Report.NotExpressible.Select(n => n.Where.Line + " " + n.What).ToList();
        Assert.Equal(new[] { "92 'sysctls' of 'worker'" }, notExpressible);
    }

    [Fact]
    public void Importing_what_the_imported_project_builds_gives_the_same_artifacts()
    {
        using var folder = new TempFolder();
        var first = ImportRun.Import(Extras(Path.Combine(folder.Path, "Media")));
        var built = GeneratorHarness.Run(UserEdits.Justify(ImportRun.Sources(first), Reason));
        Assert.Empty(built.Errors);
        var emitted = Path.Combine(folder.Path, "emitted");
        ImportRun.WriteArtifacts(built, emitted);
        var prod = Path.Combine(emitted, "prod");
        var second = ImportRun.Import(new ImportRequest(
            new[] { Path.Combine(prod, "compose.yaml") }, Path.Combine(prod, "Caddyfile"), Array.Empty<string>(), Path.Combine(prod, ".env.example"),
            "media.example.net", Path.Combine(folder.Path, "Again"), UseCaddy: false, PackageVersion: "0.1.0"));
        var rebuilt = GeneratorHarness.Run(UserEdits.Justify(ImportRun.Sources(second), Reason));
        Assert.Empty(rebuilt.Errors);
        Assert.Empty(second.Report.NotExpressible);
        Assert.Equal(built.Artifacts.Select(a => a.Path).Order(StringComparer.Ordinal), rebuilt.Artifacts.Select(a => a.Path).Order(StringComparer.Ordinal));
        foreach (var artifact in built.Artifacts)
        {
            Assert.Equal(artifact.Content, rebuilt.Artifacts.Single(a => a.Path == artifact.Path).Content);
        }
    }
}
