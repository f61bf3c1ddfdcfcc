using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Tool.Readers.Compose;

/// <summary>
/// Compose interpolation, read but never resolved: <c>${NAME}</c>, <c>${NAME:-default}</c>, <c>${NAME-default}</c>,
/// <c>${NAME:?message}</c>, <c>${NAME?message}</c>, <c>${NAME:+alt}</c>, <c>$NAME</c>; <c>$$</c> is a literal dollar.
/// </summary>
internal static class Interpolation
{
    private static readonly Regex Reference = new(
        @"\$\$|\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:?[-?+])(?<arg>[^}]*))?\}|\$(?<bare>[A-Za-z_][A-Za-z0-9_]*)",
        RegexOptions.CultureInvariant);

    /// <summary>One reference in a value.</summary>
    internal sealed record Ref(string Name, string Operator, string Argument, int Index, int Length);

    public static IEnumerable<Ref> References(string value)
    {
        foreach (Match m in Reference.Matches(value))
        {
            if (m.Value == "$$")
            {
                continue;
            }
            var name = m.Groups["name"].Success ? m.Groups["name"].Value : m.Groups["bare"].Value;
            yield return new Ref(name, m.Groups["op"].Value, m.Groups["arg"].Value, m.Index, m.Length);
        }
    }

    /// <summary>The one reference the whole value consists of, if it is exactly one.</summary>
    public static Ref? Whole(string value)
    {
        foreach (var r in References(value))
        {
            return r.Index == 0 && r.Length == value.Length ? r : null;
        }
        return null;
    }

    public static bool HasReferences(string value)
    {
        foreach (var _ in References(value))
        {
            return true;
        }
        return false;
    }

    /// <summary>The literal text compose passes on: <c>$$</c> becomes <c>$</c> (only for values without references).</summary>
    public static string Unescape(string value) => value.Replace("$$", "$");
}
