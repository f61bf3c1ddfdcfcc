using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Tool.Readers;

/// <summary>One variable an env file names: whether it has a value, and the comment above it.</summary>
internal sealed record EnvName(string Name, bool IsSet, bool CommentedOut, string? Comment, SourceRef Where);

/// <summary>
/// Reads the names of an env file. Values are never kept: the reader streams past them and records only whether a
/// non-blank value follows the '='. Datamancy's own templates (<c>.env.example</c>) carry a comment per name that says
/// how the secret is generated; that comment is kept.
/// </summary>
internal static class EnvFileReader
{
    private static readonly Regex Name = new("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant);

    public static List<EnvName> Read(string path, string display)
    {
        var info = new FileInfo(path);
        if (!info.Exists)
        {
            throw new ImportException(new SourceRef(display, 0), "the env file does not exist");
        }
        if (info.Length > InputFile.MaxBytes)
        {
            throw new ImportException(new SourceRef(display, 0), "the env file is larger than " + (InputFile.MaxBytes / 1024 / 1024) + " MB");
        }
        var names = new List<EnvName>();
        using var reader = new StreamReader(path);
        var line = 0;
        string? comment = null;
        while (true)
        {
            var head = ReadName(reader, out var atEnd);
            if (head is null)
            {
                break;
            }
            line++;
            var trimmed = head.Trim();
            var commentedOut = false;
            if (trimmed.StartsWith("#", StringComparison.Ordinal))
            {
                var body = trimmed.TrimStart('#').Trim();
                var eq = body.IndexOf('=');
                if (atEnd && eq > 0 && Name.IsMatch(body.Substring(0, eq).Trim()))
                {
                    commentedOut = true;
                    trimmed = body;
                }
                else
                {
                    // A comment line: the whole line was read as the "name" part (there was no '=').
                    comment = atEnd ? comment : body;
                    if (atEnd)
                    {
                        SkipRest(reader);
                    }
                    continue;
                }
            }
            if (!atEnd)
            {
                if (trimmed.Length > 0)
                {
                    throw new ImportException(new SourceRef(display, line), "expected NAME=value");
                }
                comment = null;
                continue;
            }
            if (trimmed.StartsWith("export ", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(7).Trim();
            }
            var name = trimmed.TrimEnd('=').Trim();
            if (!Name.IsMatch(name))
            {
                throw new ImportException(new SourceRef(display, line), "'" + Shorten(name) + "' is not a variable name");
            }
            var hasValue = SkipRest(reader);
            var isSet = !commentedOut && hasValue;
            names.Add(new EnvName(name, isSet, commentedOut, comment, new SourceRef(display, line)));
            comment = null;
        }
        return names;
    }

    /// <summary>Reads up to and including the first '=' (atEnd true) or to the end of the line (atEnd false).</summary>
    private static string? ReadName(StreamReader reader, out bool atEquals)
    {
        atEquals = false;
        if (reader.Peek() < 0)
        {
            return null;
        }
        var builder = new StringBuilder();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n')
            {
                return builder.ToString().TrimEnd('\r');
            }
            builder.Append((char)c);
            if (c == '=')
            {
                atEquals = true;
                return builder.ToString();
            }
            if (builder.Length > 4096)
            {
                break;
            }
        }
        return builder.ToString();
    }

    /// <summary>Skips the rest of the line; true when it held anything but blanks. Nothing of it is kept.</summary>
    private static bool SkipRest(StreamReader reader)
    {
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0 && c != '\n')
        {
            if (!char.IsWhiteSpace((char)c) && c != '"' && c != '\'')
            {
                any = true;
            }
        }
        return any;
    }

    private static string Shorten(string text) => text.Length > 40 ? text.Substring(0, 40) + "…" : text;
}
