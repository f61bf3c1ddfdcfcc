using System.CommandLine;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>The command line as a user meets it: help, missing options, the summary line, secrets never printed.</summary>
public sealed class CommandLineTests
{
    private static (int Exit, string Out, string Error) Invoke(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = RootCommandFactory.Create().Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Import_has_help_listing_every_option()
    {
        var (exit, output, _) = Invoke("import", "--help");
        Assert.Equal(0, exit);
        foreach (var option in new[] { "--compose", "--caddyfile", "--authelia", "--env", "--domain", "--out", "--force", "--name", "--no-caddy" })
        {
            Assert.Contains(option, output);
        }
        Assert.Contains("import", Invoke("--help").Out);
    }

    [Fact]
    public void A_missing_required_option_is_an_error_on_stderr_with_a_non_zero_exit()
    {
        var (exit, _, error) = Invoke("import", "--compose", "compose.yml", "--out", "x");
        Assert.NotEqual(0, exit);
        Assert.Contains("--domain", error);
        Assert.DoesNotContain("   at ", error);
    }

    [Fact]
    public void A_successful_import_ends_with_a_summary_line_and_prints_no_secret_value()
    {
        using var folder = new TempFolder();
        folder.Write("compose.yml", "services:\n  db:\n    image: postgres:16.4-alpine\n    environment:\n      POSTGRES_PASSWORD: hunter2hunter2\n");
        folder.Write(".env", "POSTGRES_PASSWORD=sup3r-secret-value\n");
        var (exit, output, error) = Invoke("import", "-f", Path.Combine(folder.Path, "compose.yml"), "--env", Path.Combine(folder.Path, ".env"),
            "--domain", "example.com", "-o", Path.Combine(folder.Path, "Out"));
        Assert.True(exit == 0, error);
        Assert.StartsWith("Imported 1 services into ", output.TrimEnd().Split('\n').Last());
        var written = string.Join("\n", Directory.GetFiles(Path.Combine(folder.Path, "Out")).Select(File.ReadAllText));
        foreach (var text in new[] { output, error, written })
        {
            Assert.DoesNotContain("hunter2", text);
            Assert.DoesNotContain("sup3r", text);
        }
        Assert.Contains("[Secret(\"POSTGRES_PASSWORD\")]", written);
        Assert.Contains("`POSTGRES_PASSWORD` (db POSTGRES_PASSWORD, `compose.yml:5`)", written);
    }
}
