using System.Diagnostics;
using System.Text;

namespace Datamancy.Config.Package.Tests.Infrastructure;

/// <summary>What one <c>dotnet</c> command did.</summary>
public sealed record CliResult(string Command, int ExitCode, string Output, TimeSpan Elapsed)
{
    public bool Succeeded => ExitCode == 0;

    public override string ToString() => "$ " + Command + "  (exit " + ExitCode + ", " + Elapsed.TotalSeconds.ToString("0.0") + " s)\n" + Output;
}

/// <summary>
/// Runs the <c>dotnet</c> CLI as a user's shell would: a clean environment without the variables the test
/// host inherits from the outer build, no MSBuild nodes or compiler server left running afterwards, and a
/// time limit after which the whole process tree is killed.
/// </summary>
public static class DotnetCli
{
    private static readonly string Dotnet = FindDotnet();

    public static CliResult Run(string workingDirectory, IReadOnlyDictionary<string, string>? environment, TimeSpan timeout, params string[] arguments)
    {
        var info = new ProcessStartInfo(Dotnet)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || key.StartsWith("_MSBUILD", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) || key.Equals("DOTNET_HOST_PATH", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        info.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        // Leave nothing running: no reusable MSBuild nodes, no VBCSCompiler server.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["UseSharedCompilation"] = "false";
        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            info.Environment[pair.Key] = pair.Value;
        }

        var output = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit((int)timeout.TotalMilliseconds))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException("dotnet " + string.Join(' ', arguments) + " did not finish in " + timeout.TotalSeconds + " s:\n" + output);
        }
        process.WaitForExit();
        return new CliResult("dotnet " + string.Join(' ', arguments), process.ExitCode, output.ToString(), clock.Elapsed);
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    /// <summary>The same dotnet that runs the tests, so the package is tested with the SDK CI uses.</summary>
    private static string FindDotnet()
    {
        var root = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        foreach (var candidate in new[] { root is null ? null : Path.Combine(root, "dotnet"), Environment.ProcessPath })
        {
            if (candidate is not null && Path.GetFileNameWithoutExtension(candidate) == "dotnet" && File.Exists(candidate))
            {
                return candidate;
            }
        }
        return "dotnet";
    }
}
