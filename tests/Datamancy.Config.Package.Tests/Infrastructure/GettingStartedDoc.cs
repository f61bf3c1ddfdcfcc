using System.Text.RegularExpressions;

namespace Datamancy.Config.Package.Tests.Infrastructure;

/// <summary>
/// The files of <c>docs/getting-started.md</c>: each fenced block preceded by <c>&lt;!-- test: NAME --&gt;</c>.
/// The walkthrough test uses them as they are, so the page shows exactly what is tested.
/// </summary>
public static class GettingStartedDoc
{
    private static readonly Regex Block = new(@"<!-- test: (?<name>[^ ]+) -->\r?\n```[a-z]*\r?\n(?<body>.*?)\r?\n```", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> Blocks = new(Load);

    public static string NugetConfig => Get("nuget.config");

    public static string Descriptor => Get("Stack.cs");

    public static string BrokenLine => Get("break");

    public static string FixedLine => Get("fix");

    public static string Get(string name) =>
        Blocks.Value.TryGetValue(name, out var body) ? body : throw new InvalidOperationException("docs/getting-started.md has no block marked '<!-- test: " + name + " -->'.");

    private static IReadOnlyDictionary<string, string> Load()
    {
        var text = File.ReadAllText(RepoPaths.GettingStarted);
        return Block.Matches(text).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["body"].Value.Replace("\r\n", "\n") + "\n");
    }
}
