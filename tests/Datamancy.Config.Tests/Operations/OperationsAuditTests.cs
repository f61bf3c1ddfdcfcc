using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Operations;

/// <summary>The audit items operations decide: evaluated pass or fail from the descriptors, each with its list.</summary>
public sealed class OperationsAuditTests
{
    private static string Section(string audit, string title)
    {
        var start = audit.IndexOf("## " + title + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, title + " is missing");
        var end = audit.IndexOf("\n## ", start + 3, StringComparison.Ordinal);
        return end < 0 ? audit[start..] : audit[start..end];
    }

    private static string Status(string section) => Regex.Match(section, @"Status: \*\*(\w+)\*\*").Groups[1].Value;

    private static string Audit(string extra, string stackArguments = "")
    {
        var source = TestStacks.Minimal.Replace("AcmeEmail = \"ops@example.org\"", "AcmeEmail = \"ops@example.org\"" + stackArguments) + "\n" + extra;
        var run = GeneratorHarness.Run(new[] { source });
        Assert.Empty(run.Errors);
        return run.Artifact("prod/SECURITY-AUDIT.md");
    }

    [Fact]
    public void Sample_evaluates_every_item_with_no_manual_check_left()
    {
        var audit = TestStacks.Run("sample").Artifact("prod/SECURITY-AUDIT.md");
        Assert.DoesNotContain("needs manual check", audit);
        Assert.Equal("pass", Status(Section(audit, "Volumes backed up on a schedule")));
        Assert.Equal("pass", Status(Section(audit, "Images up to date")));
        Assert.Equal("pass", Status(Section(audit, "Second factor (TOTP) on SSO hosts")));
        // Before the emission step reads a rotation record, the rotation item fails and says why.
        Assert.Equal("fail", Status(Section(audit, "Secrets rotated and stored securely")));
        Assert.Contains("`postgres-data` (postgres /var/lib/postgresql/data): daily, from a consistent dump (`postgres-dump`)", audit);
    }

    [Fact]
    public void A_volume_without_a_decision_fails_the_backup_item_with_its_name()
    {
        var audit = Audit("""
            [Service("notes", "ghcr.io/example/notes:1.2.3", Port = 8080, Networks = Network.Backend)]
            [Volume("notes-data", "/data")]
            [Healthcheck("true")]
            public partial class Notes;
            """);
        var section = Section(audit, "Volumes backed up on a schedule");
        Assert.Equal("fail", Status(section));
        Assert.Contains("`notes-data` (notes /data): undecided: NO DECISION", section);
    }

    [Fact]
    public void A_database_without_a_known_dump_mechanism_fails_and_a_known_one_passes()
    {
        const string Mongo = """
            [Service("mongo", "mongo:7.0.14", Port = 27017, Role = ServiceRole.Database, Networks = Network.Database)]
            [Volume("mongo-data", "/data/db", Backup = Backup.Daily)]
            [Healthcheck("mongosh", "--eval", "1")]
            public partial class Mongo;
            """;
        var section = Section(Audit(Mongo), "Volumes backed up on a schedule");
        Assert.Equal("fail", Status(section));
        Assert.Contains("no dump mechanism known for `mongo:7.0.14`", section);

        var mariadb = Audit("""
            [Service("mariadb", "mariadb:11.4.4", Port = 3306, Role = ServiceRole.Database, Networks = Network.Database)]
            [Secret("MARIADB_ROOT_PASSWORD")]
            [Volume("mariadb-data", "/var/lib/mysql", Backup = Backup.Weekly)]
            [Healthcheck("healthcheck.sh", "--connect")]
            public partial class MariaDb;
            """);
        Assert.Equal("pass", Status(Section(mariadb, "Volumes backed up on a schedule")));
        Assert.Contains("weekly, from a consistent dump (`mariadb-dump`)", mariadb);
    }

    [Fact]
    public void A_database_dump_without_its_password_secret_fails()
    {
        var section = Section(Audit("""
            [Service("pg", "postgres:16.4-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]
            [Volume("pg-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
            [Healthcheck("pg_isready")]
            public partial class Pg;
            """), "Volumes backed up on a schedule");
        Assert.Equal("fail", Status(section));
        Assert.Contains("dump service `pg-dump` has no password secret", section);
    }

    [Fact]
    public void A_database_volume_outside_the_images_data_folder_is_not_covered_by_the_dump()
    {
        var section = Section(Audit("""
            [Service("pg", "postgres:16.4-alpine", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]
            [Secret("POSTGRES_PASSWORD")]
            [Volume("pg-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
            [Volume("pg-archive", "/archive", Backup = Backup.Weekly)]
            [Healthcheck("pg_isready")]
            public partial class Pg;
            """), "Volumes backed up on a schedule");
        Assert.Equal("fail", Status(section));
        Assert.Contains("`pg-data` (pg /var/lib/postgresql/data): daily, from a consistent dump (`pg-dump`)", section);
        Assert.Contains("`pg-archive` (pg /archive): weekly: live database files copied, not the image's data folder `/var/lib/postgresql/data`", section);
    }

    [Fact]
    public void One_factor_hosts_are_listed_with_their_reason()
    {
        const string Wiki = """
            [Service("wiki", "ghcr.io/example/wiki:2.0.1", Port = 3000, Networks = Network.Frontend)]
            [UiHost("wiki", Policy = AuthPolicy.OneFactor)]
            [Healthcheck("true")]
            public partial class Wiki;
            """;
        var declared = Section(Audit(Wiki), "Second factor (TOTP) on SSO hosts");
        Assert.Equal("pass", Status(declared));
        Assert.Contains("wiki.example.org: one_factor: declared on the host", declared);
        Assert.Contains("whoami.example.org: two_factor (TOTP)", declared);

        var blanket = Section(Audit(string.Empty, ", DefaultPolicy = AuthPolicy.OneFactor"), "Second factor (TOTP) on SSO hosts");
        Assert.Equal("fail", Status(blanket));
        Assert.Contains("whoami.example.org: one_factor: the stack's `DefaultPolicy` is OneFactor", blanket);
    }

    [Fact]
    public void An_unpinned_image_fails_the_images_item_by_name()
    {
        var audit = Audit("""
            [Service("latest", "nginx:latest", Port = 80, Networks = Network.Backend)]
            [Healthcheck("true")]
            public partial class Latest;
            """);
        var section = Section(audit, "Images up to date");
        Assert.Equal("fail", Status(section));
        Assert.Contains("latest: `nginx:latest` NOT pinned to a version", section);
        Assert.Contains("renovate.json", section);
    }

    [SkippableFact]
    public void Generated_scripts_parse_as_posix_shell_for_every_stack()
    {
        var dash = Tools.Require("dash", "apt-get install -y dash");
        foreach (var name in TestStacks.Names)
        {
            foreach (var artifact in TestStacks.Run(name).Artifacts.Where(a => a.Path.EndsWith(".sh", StringComparison.Ordinal)))
            {
                using var folder = new TempFolder();
                var result = Tools.Run(dash, new[] { "-n", folder.Write("script.sh", artifact.Content) });
                Assert.True(result.ExitCode == 0, name + "/" + artifact.Path + ": " + result.StandardError);
            }
        }
    }
}
