using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Datamancy.Config.Emit.Secrets;

namespace Datamancy.Config.Emit;

/// <summary>A secret past its maximum age (names and dates only).</summary>
public sealed record OverdueSecret(string Name, int MaxDays, DateTimeOffset Since);

/// <summary>
/// Fills the audit's "Secrets rotated" item from the rotation record: each secret's date and due date, status
/// pass when every secret is recorded and younger than its kind's maximum age (Stack *MaxAgeDays), fail otherwise.
/// Dates rather than ages keep the file stable between rotations; the status flips the day a secret falls due.
/// </summary>
public static class RotationAudit
{
    public const string AuditFile = "SECURITY-AUDIT.md";
    private const string Title = "Secrets rotated and stored securely";
    private const string NotRecorded = "no rotation record (run the secrets command)";
    private static readonly Regex Line = new("^- `(?<name>[A-Z0-9_]+)` \\((?<kind>[A-Za-z]+), max (?<days>[0-9]+) days\\): " + Regex.Escape(NotRecorded) + "$", RegexOptions.Multiline);

    /// <summary>The audit artifacts of the selected environments, each filled from the record beside its env file; warnings for overdue secrets.</summary>
    public static List<ArtifactFile> FillAll(string output, IEnumerable<ArtifactFile> artifacts, DateTimeOffset now, Action<string> warn)
    {
        var result = new List<ArtifactFile>();
        foreach (var artifact in artifacts)
        {
            var parts = artifact.Path.Split('/');
            if (parts.Length != 2 || parts[1] != AuditFile)
            {
                result.Add(artifact);
                continue;
            }
            var folder = System.IO.Path.Combine(output, parts[0]);
            IReadOnlyDictionary<string, RotationEntry> record;
            try
            {
                record = RotationRecord.Read(folder);
            }
            catch (SecretFileException refusal)
            {
                warn("Datamancy.Config.Emit : warning DMCE021: the rotation record was not read: " + refusal.Message);
                result.Add(artifact);
                continue;
            }
            var (content, overdue) = Apply(artifact.Content, record, now);
            foreach (var secret in overdue)
            {
                warn("Datamancy.Config.Emit : warning DMCE020: secret " + secret.Name + " (" + parts[0] + ") is older than its maximum age of " + secret.MaxDays
                    + " days (since " + Date(secret.Since) + "); rotate it with dotnet build -t:DatamancySecrets -p:DatamancyRotate=" + secret.Name);
            }
            result.Add(artifact with { Content = content });
        }
        return result;
    }

    public static (string Content, IReadOnlyList<OverdueSecret> Overdue) Apply(string audit, IReadOnlyDictionary<string, RotationEntry> record, DateTimeOffset now)
    {
        var overdue = new List<OverdueSecret>();
        if (record.Count == 0)
        {
            return (audit, overdue);
        }
        var missing = 0;
        var replaced = Line.Replace(audit, m =>
        {
            var name = m.Groups["name"].Value;
            var days = int.Parse(m.Groups["days"].Value, CultureInfo.InvariantCulture);
            var prefix = "- `" + name + "` (" + m.Groups["kind"].Value + ", max " + days + " days): ";
            if (!record.TryGetValue(name, out var entry))
            {
                missing++;
                return m.Value;
            }
            var due = entry.At.AddDays(days);
            var text = prefix + entry.Event + " " + Date(entry.At) + ", due " + Date(due);
            if (due <= now)
            {
                overdue.Add(new OverdueSecret(name, days, entry.At));
                return text + ": OVERDUE";
            }
            return text;
        });
        var status = missing == 0 && overdue.Count == 0 ? "pass" : "fail";
        replaced = replaced.Replace("| " + Title + " | fail |", "| " + Title + " | " + status + " |");
        var heading = "## " + Title + "\n\nStatus: **fail**";
        replaced = replaced.Replace(heading, "## " + Title + "\n\nStatus: **" + status + "**");
        return (replaced, overdue);
    }

    private static string Date(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
