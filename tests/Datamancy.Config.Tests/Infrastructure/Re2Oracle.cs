using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>
/// Google's RE2 (re2-wasm under node, from tests/tools/re2): the syntax Authelia's Go regexp shares. Answers, for each
/// pattern, whether RE2 compiles it and which of the given requests it matches. Missing locally: skipped; under CI=true: fails.
/// </summary>
public static class Re2Oracle
{
    public const string Install = "npm ci --prefix tests/tools/re2 (node 20 and the npm registry)";

    public sealed record Answer(bool Ok, string? Error, IReadOnlyList<string> Matches);

    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "tools", "re2");

    /// <summary>The node binary, after checking the module is installed.</summary>
    public static string Require()
    {
        var node = Tools.Require("node", "apt-get install -y nodejs");
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "re2-wasm")))
        {
            if (Tools.InCi)
            {
                throw new InvalidOperationException("re2-wasm is required in CI: " + Install);
            }
            Skip.If(true, "re2-wasm is not installed (" + Install + "); skipped outside CI.");
        }
        return node;
    }

    public static IReadOnlyList<Answer> Ask(string node, IReadOnlyList<(string Pattern, IReadOnlyList<string> Requests)> queries)
    {
        var info = new ProcessStartInfo(node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        info.ArgumentList.Add(Path.Combine(Folder, "check.js"));
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        foreach (var (pattern, requests) in queries)
        {
            process.StandardInput.WriteLine(JsonSerializer.Serialize(new { pattern, requests }));
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the RE2 oracle did not finish in 120 s");
        }
        Assert.True(process.ExitCode == 0, "the RE2 oracle failed: " + stderr.Result);
        var answers = stdout.Result.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var ok = root.GetProperty("ok").GetBoolean();
            return new Answer(ok, ok ? null : root.GetProperty("error").GetString(),
                ok ? root.GetProperty("matches").EnumerateArray().Select(m => m.GetString()!).ToList() : Array.Empty<string>());
        }).ToList();
        Assert.Equal(queries.Count, answers.Count);
        return answers;
    }
}
