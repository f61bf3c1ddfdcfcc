using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Emit;

/// <summary>
/// The names the generator can produce, and the filesystem checks every write and delete goes through.
/// A path from the manifest or from the index of written files is used only when it has this shape:
/// an environment folder, then plain file names (the only dot files are <c>*.example</c> templates),
/// never a file the secrets command owns, never through a symbolic link.
/// </summary>
public static class ArtifactPaths
{
    /// <summary>Files the secrets command writes next to the artifacts: never produced, overwritten or removed by emission.</summary>
    public static readonly string[] SecretsFiles = { ".env", ".env.bootstrap", "oidc-clients.env", ".gitignore", ".datamancy-secrets.lock" };

    private static readonly Regex Environment = new(@"^[a-z][a-z0-9-]{0,31}\z", RegexOptions.CultureInvariant);

    private static readonly Regex Segment = new(@"^(?:[A-Za-z0-9_][A-Za-z0-9._-]{0,99}|\.[A-Za-z0-9_][A-Za-z0-9._-]{0,98}\.example)\z", RegexOptions.CultureInvariant);

    /// <summary>True for an environment folder name (<c>dev</c>, <c>prod</c>, <c>local</c>, <c>staging</c>…).</summary>
    public static bool IsEnvironment(string name) => Environment.IsMatch(name);

    /// <summary>True when <paramref name="relative"/> is a name the generator can produce.</summary>
    public static bool IsArtifactPath(string relative)
    {
        var segments = relative.Split('/');
        return segments.Length is >= 2 and <= 6
            && IsEnvironment(segments[0])
            && segments.Skip(1).All(s => Segment.IsMatch(s) && !s.Contains(".tmp-", StringComparison.Ordinal))
            && !SecretsFiles.Contains(segments[^1], StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The full path of an artifact below <paramref name="root"/>. Refuses a name the generator cannot produce and any
    /// folder on the way that is a symbolic link (a linked environment folder would write or delete outside the root).
    /// </summary>
    public static string Resolve(string root, string relative)
    {
        if (!IsArtifactPath(relative))
        {
            throw new InvalidDataException("Refusing artifact path '" + Shown(relative) + "': not a name the generator produces.");
        }
        var full = Path.GetFullPath(Path.Combine(root, relative));
        if (!full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new InvalidDataException("Refusing artifact path outside the output folder: " + Shown(relative));
        }
        var current = root;
        foreach (var segment in relative.Split('/'))
        {
            current = Path.Combine(current, segment);
            RefuseLink(current, relative);
        }
        return full;
    }

    /// <summary>Refuses an existing path that is a symbolic link (file or folder).</summary>
    public static void RefuseLink(string path, string shownAs)
    {
        var info = new FileInfo(path);
        if ((info.Exists || Directory.Exists(path)) && info.LinkTarget is not null)
        {
            throw new InvalidDataException("Refusing to follow the symbolic link " + path + " (for " + Shown(shownAs) + "): replace it with a real folder or file.");
        }
    }

    /// <summary>A name for a message: control characters made visible, cut short.</summary>
    public static string Shown(string value)
    {
        var text = string.Concat(value.Take(120).Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
            or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
            ? "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture) : c.ToString()));
        return value.Length > 120 ? text + "…" : text;
    }
}
