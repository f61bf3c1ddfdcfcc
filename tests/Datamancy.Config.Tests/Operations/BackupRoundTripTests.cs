using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Operations;

/// <summary>
/// The generated backup/backup.sh (the text the backup service runs) against real restic, on folders that stand
/// for the volumes: back up, restore elsewhere, compare bytes; retention; a wrong password fails loudly.
/// </summary>
public sealed class BackupRoundTripTests
{
    private const string Install = "apt-get install -y restic";

    private sealed class Stage : IDisposable
    {
        public readonly TempFolder Folder = new();
        public string Script => Path.Combine(Folder.Path, "backup.sh");
        public string Volumes => Path.Combine(Folder.Path, "volumes");
        public string Repository => Path.Combine(Folder.Path, "repository");
        public Dictionary<string, string?> Env(string password) => new()
        {
            ["RESTIC_REPOSITORY"] = Repository,
            ["RESTIC_PASSWORD"] = password,
            ["RESTIC_CACHE_DIR"] = Path.Combine(Folder.Path, "cache"),
            ["DATAMANCY_VOLUMES"] = Volumes,
            ["DATAMANCY_BACKUP_STATUS"] = Path.Combine(Folder.Path, "status"),
            ["DATAMANCY_RESTORE_TEST_DIR"] = Path.Combine(Folder.Path, "restore-test"),
        };
        public void Dispose() => Folder.Dispose();
    }

    private static (Stage Stage, List<string> Folders) Prepare(string script)
    {
        var stage = new Stage();
        File.WriteAllText(stage.Script, script);
        // Every folder the script backs up, as it names them: volume folders and dump folders.
        var folders = Regex.Matches(script, @"^  backup_volume '([^']+)' '([^']+)' (daily|weekly)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).Distinct().ToList();
        var random = new Random(14);
        foreach (var folder in folders)
        {
            var root = Path.Combine(stage.Volumes, folder);
            Directory.CreateDirectory(Path.Combine(root, "nested", "deeper"));
            var bytes = new byte[70_000 + random.Next(5000)];
            random.NextBytes(bytes);
            File.WriteAllBytes(Path.Combine(root, "nested", "deeper", "data.bin"), bytes);
            File.WriteAllText(Path.Combine(root, "all.sql"), "-- dump of " + folder + "\n");
            File.WriteAllBytes(Path.Combine(root, "empty"), Array.Empty<byte>());
        }
        return (stage, folders);
    }

    private static Tools.ProcessResult Sh(Stage stage, string password, params string[] args) =>
        Tools.Run("/bin/sh", new[] { stage.Script }.Concat(args), stage.Folder.Path, stage.Env(password));

    [SkippableFact]
    public void Generated_daily_and_weekly_backups_restore_byte_for_byte()
    {
        Tools.Require("restic", Install);
        var script = TestStacks.Run("sample").Artifact("prod/backup/backup.sh");
        var (stage, folders) = Prepare(script);
        using var _ = stage;
        Assert.Contains("postgres-dumps", folders);
        Assert.Contains("openldap-dumps", folders);
        Assert.Contains("authelia-data", folders);

        var daily = Sh(stage, "correct horse", "daily");
        Assert.True(daily.ExitCode == 0, daily.StandardError);
        var weekly = Sh(stage, "correct horse", "weekly");
        Assert.True(weekly.ExitCode == 0, weekly.StandardError);

        var volumes = Regex.Matches(script, @"^  backup_volume '([^']+)' '([^']+)' ", RegexOptions.Multiline).Select(m => (Folder: m.Groups[1].Value, Volume: m.Groups[2].Value)).ToList();
        Assert.Equal(folders.Count, volumes.Select(v => v.Folder).Distinct().Count());
        foreach (var (folder, volume) in volumes)
        {
            var target = Path.Combine(stage.Folder.Path, "restored", volume);
            var restore = Sh(stage, "correct horse", "restore", volume, target);
            Assert.True(restore.ExitCode == 0, volume + ": " + restore.StandardError);
            AssertSameTree(Path.Combine(stage.Volumes, folder), target);
        }
        var test = Sh(stage, "correct horse", "restore-test");
        Assert.True(test.ExitCode == 0, test.StandardError);
        Assert.Equal(volumes.Count, Regex.Matches(test.StandardOutput, "^restore test: volume ", RegexOptions.Multiline).Count);
    }

    [SkippableFact]
    public void A_wrong_repository_password_fails_loudly_and_writes_nothing()
    {
        Tools.Require("restic", Install);
        var (stage, _) = Prepare(TestStacks.Run("sample").Artifact("prod/backup/backup.sh"));
        using var __ = stage;
        Assert.Equal(0, Sh(stage, "right", "init").ExitCode);
        var before = Directory.GetFiles(stage.Repository, "*", SearchOption.AllDirectories).Length;
        var wrong = Sh(stage, "wrong", "daily");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("wrong password", wrong.StandardError);
        Assert.Contains("FAILED", wrong.StandardError);
        Assert.DoesNotContain("wrong", wrong.StandardOutput + wrong.StandardError.Replace("wrong password", string.Empty));
        Assert.Equal(before, Directory.GetFiles(stage.Repository, "*", SearchOption.AllDirectories).Length);
        var unset = Sh(stage, string.Empty, "daily");
        Assert.Equal(2, unset.ExitCode);
    }

    [SkippableFact]
    public void A_stale_database_dump_fails_the_backup()
    {
        Tools.Require("restic", Install);
        var (stage, _) = Prepare(TestStacks.Run("sample").Artifact("prod/backup/backup.sh"));
        using var __ = stage;
        foreach (var file in Directory.GetFiles(Path.Combine(stage.Volumes, "postgres-dumps"), "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddDays(-2));
        }
        var daily = Sh(stage, "pw", "daily");
        Assert.NotEqual(0, daily.ExitCode);
        Assert.Contains("postgres-dumps", daily.StandardError);
    }

    [SkippableFact]
    public void Retention_keeps_what_the_stack_settings_say()
    {
        var restic = Tools.Require("restic", Install);
        var source = TestStacks.Minimal.Replace("AcmeEmail = \"ops@example.org\"", "AcmeEmail = \"ops@example.org\", BackupKeepDaily = 3, BackupKeepWeekly = 2, BackupKeepMonthly = 1");
        var run = GeneratorHarness.Run(new[] { source });
        var script = run.Artifact("prod/backup/backup.sh");
        Assert.Contains("--keep-daily 3 --keep-weekly 2 --keep-monthly 1", script);
        var (stage, folders) = Prepare(script);
        using var __ = stage;
        Assert.Equal(0, Sh(stage, "pw", "init").ExitCode);
        var volume = Regex.Match(script, @"^  backup_volume '([^']+)' '([^']+)' daily$", RegexOptions.Multiline);
        // Thirty days of daily snapshots, as the service would have taken them (same host, tags and folder).
        var start = new DateTime(2026, 1, 1, 3, 0, 0, DateTimeKind.Utc);
        for (var day = 0; day < 30; day++)
        {
            var time = start.AddDays(day).ToString("yyyy-MM-dd HH:mm:ss");
            var backup = Tools.Run(restic, new[] { "backup", "--host", "datamancy", "--tag", "datamancy", "--tag", "volume:" + volume.Groups[2].Value, "--tag", "daily", "--time", time, "." },
                Path.Combine(stage.Volumes, volume.Groups[1].Value), stage.Env("pw"));
            Assert.True(backup.ExitCode == 0, backup.StandardError);
        }
        var forget = Sh(stage, "pw", "forget");
        Assert.True(forget.ExitCode == 0, forget.StandardError);
        var list = Tools.Run(restic, new[] { "snapshots", "--json", "--tag", "volume:" + volume.Groups[2].Value }, stage.Folder.Path, stage.Env("pw"));
        var kept = Regex.Matches(list.StandardOutput, "\"time\":\"(\\d{4}-\\d{2}-\\d{2})").Select(m => m.Groups[1].Value).OrderBy(d => d).ToList();
        // Each rule counts from the newest snapshot: 3 daily (Jan 28-30), 2 weekly (the newest of the ISO weeks of
        // Jan 30 and of Jan 25), 1 monthly (Jan 30); everything else is removed.
        Assert.Equal(new[] { "2026-01-25", "2026-01-28", "2026-01-29", "2026-01-30" }, kept);
    }

    private static void AssertSameTree(string expected, string actual)
    {
        var a = Directory.GetFiles(expected, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(expected, f)).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var b = Directory.GetFiles(actual, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(actual, f)).OrderBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(a, b);
        foreach (var file in a)
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(expected, file)), File.ReadAllBytes(Path.Combine(actual, file)));
        }
    }
}
