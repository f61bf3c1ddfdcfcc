using System.Text.RegularExpressions;

namespace Datamancy.Config.Tests.Kics;

/// <summary>The "Scanner exceptions" section of a rendered SECURITY-AUDIT.md: (query, service) → reason.</summary>
public static class AuditExceptions
{
    private static readonly Regex Line = new(@"^- \*\*(?<query>[^*]+)\*\* on `(?<service>[^`]+)`: (?<reason>.+)$", RegexOptions.CultureInvariant);

    public static IReadOnlyList<(string Query, string Service, string Reason)> Read(string audit)
    {
        var lines = audit.Split('\n');
        var start = Array.IndexOf(lines, "## Scanner exceptions");
        if (start < 0)
        {
            throw new FormatException("SECURITY-AUDIT.md has no 'Scanner exceptions' section");
        }
        return lines.Skip(start + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => Line.Match(l)).Where(m => m.Success)
            .Select(m => (m.Groups["query"].Value, m.Groups["service"].Value, m.Groups["reason"].Value))
            .ToList();
    }
}
