using System.Globalization;
using System.Text;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// The peer's input: as many <c>[JsonSerializable]</c> types as the synthetic stack has services, each with about
/// as many members as a descriptor has arguments (eight, of the same kinds: strings, a number, a flag, lists, a
/// map), ten types per file, one <c>JsonSerializerContext</c> naming them all, and the same file of unrelated code.
/// </summary>
public static class PeerStack
{
    /// <summary>The context file.</summary>
    public const string ContextFile = "PeerContext.cs";

    /// <summary>The source files of <paramref name="types"/> serializable types.</summary>
    public static IReadOnlyList<(string Path, string Text)> Create(int types)
    {
        var files = new List<(string, string)>();
        var context = new StringBuilder("using System.Text.Json.Serialization;\n\nnamespace Peer;\n\n");
        for (var first = 0; first < types; first += SyntheticStack.ServicesPerFile)
        {
            var text = new StringBuilder("using System.Collections.Generic;\n\nnamespace Peer;\n\n");
            for (var i = first; i < Math.Min(first + SyntheticStack.ServicesPerFile, types); i++)
            {
                var name = TypeName(i);
                text.Append("public sealed class ").Append(name).Append("\n{\n")
                    .Append("    public string Name { get; set; } = \"app").Append(i.ToString(CultureInfo.InvariantCulture)).Append("\";\n")
                    .Append("    public string Image { get; set; } = \"example/app:1.0\";\n")
                    .Append("    public int Port { get; set; } = 8080;\n")
                    .Append("    public bool ReadOnly { get; set; } = true;\n")
                    .Append("    public string? Healthcheck { get; set; }\n")
                    .Append("    public List<string> Networks { get; set; } = new();\n")
                    .Append("    public List<string> Secrets { get; set; } = new();\n")
                    .Append("    public Dictionary<string, string> Environment { get; set; } = new();\n")
                    .Append("}\n\n");
                context.Append("[JsonSerializable(typeof(").Append(name).Append("))]\n");
            }
            files.Add(("Types" + (first / SyntheticStack.ServicesPerFile).ToString("D4", CultureInfo.InvariantCulture) + ".cs", text.ToString()));
        }
        context.Append("internal partial class PeerContext : JsonSerializerContext\n{\n}\n");
        files.Add((ContextFile, context.ToString()));
        files.Add((SyntheticStack.UnrelatedFile, SyntheticStack.UnrelatedSource));
        return files;
    }

    private static string TypeName(int i) => "Settings" + i.ToString("D5", CultureInfo.InvariantCulture);
}
