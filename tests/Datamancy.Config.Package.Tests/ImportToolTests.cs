using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Package.Tests;

/// <summary>
/// docs/import.md as a new user follows it: the Datamancy.Config.Tool package packed from this repository, installed
/// with `dotnet tool install`, `datamancy import` over a multi-file compose stack with a Caddyfile and two Authelia
/// files in one command, and `dotnet build` of the written project against the packed Datamancy.Config: the old
/// stack's problems appear as the usual diagnostics at their lines.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class ImportToolTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private readonly PackageWorkspace workspace;
    private readonly ITestOutputHelper log;

    public ImportToolTests(PackageWorkspace workspace, ITestOutputHelper log)
    {
        this.workspace = workspace;
        this.log = log;
    }

    [Fact]
    public void The_packed_tool_imports_a_stack_in_one_command_and_the_build_reports_its_real_problems()
    {
        var toolFeed = Path.Combine(workspace.Root, "tool-feed");
        Expect(DotnetCli.Run(workspace.Root, null, Timeout, "pack", Path.Combine(RepoPaths.Root, "src", "Datamancy.Config.Tool"), "-c", "Release", "-o", toolFeed));
        var package = Assert.Single(Directory.GetFiles(toolFeed, "*.nupkg"));
        Assert.Equal("Datamancy.Config.Tool." + workspace.Version + ".nupkg", Path.GetFileName(package));

        var tools = Path.Combine(workspace.Root, "tools");
        Expect(DotnetCli.Run(workspace.Root, workspace.ConsumerEnvironment, Timeout, "tool", "install", "Datamancy.Config.Tool",
            "--tool-path", tools, "--add-source", toolFeed, "--version", workspace.Version));
        var datamancy = Path.Combine(tools, OperatingSystem.IsWindows() ? "datamancy.exe" : "datamancy");
        Assert.True(File.Exists(datamancy), "the tool's command 'datamancy' was not installed");

        var help = Tool(datamancy, workspace.Root, "import", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--authelia", help.Output);

        var stack = Path.Combine(RepoPaths.Root, "tests", "Datamancy.Config.Tool.Tests", "Stacks", "static");
        var project = Path.Combine(workspace.Root, "Team");
        var import = Tool(datamancy, workspace.Root, "import",
            "--compose", Path.Combine(stack, "compose.yml"), "--compose", Path.Combine(stack, "compose.override.yml"),
            "--caddyfile", Path.Combine(stack, "Caddyfile"),
            "--authelia", Path.Combine(stack, "authelia", "bootstrap.yml"), "--authelia", Path.Combine(stack, "authelia", "configuration.yml"),
            "--env", Path.Combine(stack, ".env"), "--domain", "team.example.org", "--out", project);
        Assert.True(import.ExitCode == 0, import.ToString());
        Assert.StartsWith("Imported 8 services into ", import.Output.TrimEnd().Split('\n').Last());
        foreach (var file in new[] { "Team.csproj", "Stack.cs", "Core.cs", "Apps.cs", "Data.cs", "IMPORT-REPORT.md" })
        {
            Assert.True(File.Exists(Path.Combine(project, file)), file + " was not written");
        }

        File.WriteAllText(Path.Combine(project, "nuget.config"), GettingStartedDoc.NugetConfig);
        var build = DotnetCli.Run(project, workspace.ConsumerEnvironment, Timeout, "build");
        log.WriteLine(build.ToString());
        // The public admin UI and its published port fail the build, at the attribute in Apps.cs, with help links;
        // the report written by the import announced exactly these.
        Assert.False(build.Succeeded);
        Assert.Matches(@"Apps\.cs\(\d+,\d+\): error " + DiagnosticIds.UiWithoutSso + @": Service 'adminer'", build.Output);
        Assert.Matches(@"Apps\.cs\(\d+,\d+\): error " + DiagnosticIds.PortPublishedWithoutJustification + @": Service 'adminer'", build.Output);
        Assert.Contains("warning " + DiagnosticIds.VolumeWithoutBackup, build.Output);
        var report = File.ReadAllText(Path.Combine(project, "IMPORT-REPORT.md"));
        Assert.Contains("error " + DiagnosticIds.UiWithoutSso + ": Service 'adminer'", report);
        Assert.Contains("error " + DiagnosticIds.PortPublishedWithoutJustification + ": Service 'adminer'", report);
    }

    private CliResult Tool(string datamancy, string directory, params string[] arguments)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var info = new System.Diagnostics.ProcessStartInfo(datamancy) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        using var process = System.Diagnostics.Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit((int)Timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("datamancy " + string.Join(' ', arguments));
        }
        process.WaitForExit();
        var result = new CliResult("datamancy " + string.Join(' ', arguments), process.ExitCode, stdout.Result + stderr.Result, started.Elapsed);
        log.WriteLine(result.ToString());
        return result;
    }

    private CliResult Expect(CliResult result)
    {
        log.WriteLine(result.ToString());
        Assert.True(result.Succeeded, result.ToString());
        return result;
    }
}
