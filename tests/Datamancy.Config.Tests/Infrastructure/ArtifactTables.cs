using System.Text.RegularExpressions;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>A route row of network-map.md: what the map says a host does.</summary>
public sealed record MapRoute(string Host, string Access, string Upstream);

/// <summary>
/// Reads the Markdown tables of network-map.md by their column headers (not their positions), so a column
/// added later does not break the reading.
/// </summary>
public static class NetworkMap
{
    /// <summary>Service → role, from the table whose header has "Service" and "Role".</summary>
    public static Dictionary<string, string> Services(string map) =>
        Table(map, "Service", "Role").ToDictionary(r => r["Service"], r => r["Role"]);

    public static Dictionary<string, MapRoute> Routes(string map) =>
        Table(map, "Host", "Access", "Upstream").ToDictionary(r => r["Host"], r => new MapRoute(r["Host"], r["Access"], r["Upstream"]));

    /// <summary>The rows of the first table whose header holds every one of <paramref name="columns"/>.</summary>
    public static List<Dictionary<string, string>> Table(string markdown, params string[] columns)
    {
        var lines = markdown.Split('\n');
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            if (!lines[i].StartsWith('|'))
            {
                continue;
            }
            var header = Cells(lines[i]);
            if (!columns.All(header.Contains) || !lines[i + 1].StartsWith("|---"))
            {
                continue;
            }
            var rows = new List<Dictionary<string, string>>();
            for (var j = i + 2; j < lines.Length && lines[j].StartsWith('|'); j++)
            {
                var cells = Cells(lines[j]);
                rows.Add(header.Select((h, k) => (h, v: k < cells.Count ? cells[k] : string.Empty)).GroupBy(x => x.h).ToDictionary(g => g.Key, g => g.First().v));
            }
            return rows;
        }
        throw new InvalidOperationException("no table with columns " + string.Join(", ", columns));
    }

    private static List<string> Cells(string line) =>
        Regex.Split(line.Trim().Trim('|'), "(?<!\\\\)\\|").Select(c => c.Trim()).ToList();
}

/// <summary>One checklist section of SECURITY-AUDIT.md: its status and its bullet lines.</summary>
public sealed record AuditSection(string Title, string Status, IReadOnlyList<string> Bullets);

public static class Audit
{
    /// <summary>The first <c>## </c> section whose title contains <paramref name="keyword"/> (case-insensitive).</summary>
    public static AuditSection Section(string audit, string keyword)
    {
        var blocks = Regex.Split(audit, "^## ", RegexOptions.Multiline).Skip(1);
        foreach (var block in blocks)
        {
            var lines = block.Split('\n');
            if (!lines[0].Contains(keyword, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var status = lines.Select(l => Regex.Match(l, "^Status: \\*\\*(.+)\\*\\*")).FirstOrDefault(m => m.Success)?.Groups[1].Value ?? string.Empty;
            return new AuditSection(lines[0].Trim(), status, lines.Where(l => l.StartsWith("- ")).Select(l => l[2..]).ToList());
        }
        throw new InvalidOperationException("no audit section about " + keyword);
    }
}
