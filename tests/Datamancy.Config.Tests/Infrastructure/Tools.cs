using System.Diagnostics;
using Xunit;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>
/// The real tools the artifacts are proven against. Missing locally: the test is skipped with a message.
/// Missing in CI (CI=true): the test fails, so a green run always means the tool ran.
/// </summary>
public static class Tools
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string Require(string name, string install)
    {
        var path = Find(name);
        if (path is not null)
        {
            return path;
        }
        if (InCi)
        {
            throw new InvalidOperationException(name + " is required in CI: " + install);
        }
        Skip.If(true, name + " is not installed (" + install + "); skipped outside CI.");
        return string.Empty;
    }

    /// <summary>The shared oracles folder; skipped with a message where it is absent.</summary>
    public static string RequireOracle(string file)
    {
        var path = Path.Combine(RepoPaths.Oracles, file);
        Skip.IfNot(File.Exists(path), "../shared/oracles/" + file + " is absent; schema and scanner checks need it.");
        return path;
    }

    public static string? Find(string name)
    {
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

    public static ProcessResult Run(string file, IEnumerable<string> arguments, string? workingDirectory = null, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        foreach (var pair in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[pair.Key] = pair.Value;
        }
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException(file + " did not finish in 120 s");
        }
        return new ProcessResult(process.ExitCode, stdout.Result, stderr.Result);
    }
}
