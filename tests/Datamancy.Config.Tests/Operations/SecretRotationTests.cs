using System.Text.RegularExpressions;
using Datamancy.Config.Emit;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Operations;

/// <summary>The rotation record the secrets command keeps, and what the emission step makes of it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretRotationTests
{
    private static (string Tool, string Assembly, string Output) Compile(TempFolder folder, GeneratorRun run)
    {
        var assembly = Path.Combine(folder.Path, "Stack.dll");
        using (var stream = File.Create(assembly))
        {
            Assert.True(run.Output.Emit(stream).Success);
        }
        return (typeof(ManifestReader).Assembly.Location, assembly, Path.Combine(folder.Path, "artifacts"));
    }

    [Fact]
    public void Secrets_command_records_when_each_secret_was_created_and_rotated_never_a_value()
    {
        using var folder = new TempFolder();
        var run = TestStacks.Run("sample");
        var (tool, assembly, output) = Compile(folder, run);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        Assert.Equal(0, Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod" }).ExitCode);
        var prod = Path.Combine(output, "prod");
        var path = RotationRecord.PathIn(prod);
        Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(path));
        var record = RotationRecord.Read(prod);
        var names = run.Manifest!.Secrets.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
        Assert.Equal(names, record.Keys.OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(record.Values, e => Assert.Equal("created", e.Event));
        Assert.All(record.Values, e => Assert.InRange(e.At, before, DateTimeOffset.UtcNow.AddSeconds(1)));
        var text = File.ReadAllText(path);
        foreach (var value in EnvFile.Read(Path.Combine(prod, ".env")).Values.Where(v => v.Length >= 8))
        {
            Assert.DoesNotContain(value, text);
        }

        // Backdate the record, rotate one secret: it alone moves; the others keep their dates.
        File.WriteAllText(path, text.Replace(DateTimeOffset.UtcNow.UtcDateTime.ToString("yyyy-MM-dd"), "2020-01-01"));
        File.SetUnixFileMode(path, SecureFile.OwnerOnly);
        Assert.Equal(0, Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod", "--rotate", "POSTGRES_PASSWORD" }).ExitCode);
        var after = RotationRecord.Read(prod);
        Assert.Equal("rotated", after["POSTGRES_PASSWORD"].Event);
        Assert.True(after["POSTGRES_PASSWORD"].At > before);
        Assert.Equal(2020, after["RESTIC_PASSWORD"].At.Year);

        // A record that others can read is refused, like the env files.
        File.SetUnixFileMode(path, SecureFile.OwnerOnly | UnixFileMode.OtherRead);
        Assert.Throws<SecretFileException>(() => RotationRecord.Read(prod));
    }

    [Fact]
    public void Emission_warns_about_overdue_secrets_and_the_audit_lists_each_date()
    {
        using var folder = new TempFolder();
        var source = TestStacks.Minimal.Replace("AcmeEmail = \"ops@example.org\"", "AcmeEmail = \"ops@example.org\", PasswordMaxAgeDays = 30");
        var run = GeneratorHarness.Run(new[] { source });
        var (tool, assembly, output) = Compile(folder, run);

        // Before any record: the item fails and says why.
        Assert.Equal(0, Tools.Run("dotnet", new[] { tool, "--assembly", assembly, "--out", output, "--environments", "prod" }).ExitCode);
        var audit = File.ReadAllText(Path.Combine(output, "prod", "SECURITY-AUDIT.md"));
        Assert.Contains("| Secrets rotated and stored securely | fail |", audit);
        Assert.Contains("no rotation record", audit);

        // Fresh secrets: pass, each with its date and due date, no warning.
        Assert.Equal(0, Tools.Run("dotnet", new[] { tool, "secrets", "--assembly", assembly, "--out", output, "--environments", "prod" }).ExitCode);
        var fresh = Tools.Run("dotnet", new[] { tool, "--assembly", assembly, "--out", output, "--environments", "prod" });
        Assert.Equal(0, fresh.ExitCode);
        Assert.DoesNotContain("DMCE020", fresh.StandardError);
        audit = File.ReadAllText(Path.Combine(output, "prod", "SECURITY-AUDIT.md"));
        Assert.Contains("| Secrets rotated and stored securely | pass |", audit);
        var today = DateTimeOffset.UtcNow.UtcDateTime;
        Assert.Contains("`LDAP_ADMIN_PASSWORD` (Password, max 30 days): created " + today.ToString("yyyy-MM-dd") + ", due " + today.AddDays(30).ToString("yyyy-MM-dd"), audit);

        // Forty days later (backdated record): a warning per password secret, the item fails, the drift check sees the change.
        var prod = Path.Combine(output, "prod");
        var record = File.ReadAllText(RotationRecord.PathIn(prod));
        File.WriteAllText(RotationRecord.PathIn(prod), Regex.Replace(record, @"\d{4}-\d{2}-\d{2}T", today.AddDays(-40).ToString("yyyy-MM-dd") + "T"));
        var old = Tools.Run("dotnet", new[] { tool, "--assembly", assembly, "--out", output, "--environments", "prod" });
        Assert.Equal(0, old.ExitCode);
        Assert.Matches("warning DMCE020: secret LDAP_ADMIN_PASSWORD \\(prod\\) is older than its maximum age of 30 days", old.StandardError);
        Assert.DoesNotContain("AUTHELIA_SESSION_SECRET=", old.StandardError);
        audit = File.ReadAllText(Path.Combine(output, "prod", "SECURITY-AUDIT.md"));
        Assert.Contains("| Secrets rotated and stored securely | fail |", audit);
        Assert.Contains(": OVERDUE", audit);
        foreach (var value in EnvFile.Read(Path.Combine(prod, ".env")).Values.Where(v => v.Length >= 8))
        {
            Assert.DoesNotContain(value, old.StandardOutput + old.StandardError + audit);
        }
    }

    [Fact]
    public void Max_ages_out_of_range_are_diagnostics_on_the_argument()
    {
        var source = TestStacks.Minimal.Replace("AcmeEmail = \"ops@example.org\"", "AcmeEmail = \"ops@example.org\", KeyMaxAgeDays = 0, BackupKeepDaily = 0");
        var run = GeneratorHarness.Run(new[] { source });
        var errors = run.Errors.Select(d => d.GetMessage()).ToList();
        Assert.Contains(errors, m => m.Contains("KeyMaxAgeDays 0") && m.Contains("minimal"));
        Assert.Contains(errors, m => m.Contains("BackupKeepDaily 0"));
        Assert.Empty(run.Artifacts);
    }
}
