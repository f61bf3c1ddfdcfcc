using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Datamancy.Config.Tool.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// Only the generator's exact shapes are taken for its additions: a hand-written restic service, a hand-written dump job
/// and networks that merely look per-link stay declared services and networks.
/// </summary>
public sealed class GeneratedPartsTests
{
    private const string Compose = """
        name: lookalikes
        services:
          caddy:
            image: caddy:2.8.4-alpine
            ports: ["443:443"]
            networks: [link.caddy]
          # Our own nightly restic run, not Datamancy's.
          backup:
            image: restic/restic:0.17.3
            entrypoint: ["/usr/bin/restic", "backup", "/data"]
            environment:
              RESTIC_REPOSITORY: /repository
            volumes:
              - app-data:/volumes/app-data:ro
            networks: [link.caddy]
          db-dump:
            image: postgres:16.4-alpine
            command: ["pg_dumpall"]
            environment:
              DUMP_HOST: db
              DATAMANCY_DUMPS: /dumps
            networks: [link.caddy]
          db:
            image: postgres:16.4-alpine
            volumes:
              - app-data:/var/lib/postgresql/data
            networks: [link.caddy]
        volumes:
          app-data: {}
        networks:
          link.caddy: {}
        """;

    [Fact]
    public void Lookalikes_stay_declared()
    {
        using var folder = new TempFolder();
        folder.Write("compose.yml", Compose);
        var result = ImportRun.Import(new ImportRequest(
            new[] { Path.Combine(folder.Path, "compose.yml") }, null, Array.Empty<string>(), null, "example.com", Path.Combine(folder.Path, "Out"), UseCaddy: false, PackageVersion: "0.1.0"));
        var all = string.Join("\n", ImportRun.Sources(result));
        Assert.Contains("[Service(\"backup\", \"restic/restic:0.17.3\"", all);
        Assert.Contains("Entrypoint = new[] { \"/usr/bin/restic\", \"backup\", \"/data\" }", all);
        Assert.Contains("[Service(\"db-dump\", \"postgres:16.4-alpine\"", all);
        Assert.Contains("[Env(\"DATAMANCY_DUMPS\", \"/dumps\")]", all);
        Assert.DoesNotContain("NetworkLayout.PerLink", all);
        Assert.DoesNotContain("Backup = Backup.", all);
    }
}
