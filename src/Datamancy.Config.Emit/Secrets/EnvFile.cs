using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>
/// Reads and writes the <c>NAME=value</c> env files compose reads. Every value is written in a form that Compose
/// v1 (python-dotenv) and Compose v2 (compose-go) read back as exactly the same string:
/// bare when it holds only <c>[A-Za-z0-9_+/=.,:@%-]</c>; single quotes (literal in both) when it holds no quote,
/// backslash or line break; double quotes with <c>\\</c>, <c>\"</c> and <c>\n</c> escapes when it holds no <c>$</c>.
/// A value that fits none of them (for example <c>$</c> together with a quote) is refused, never re-quoted wrongly.
/// </summary>
public static class EnvFile
{
    public static Dictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return values;
        }
        SecureFile.RequirePrivate(path);
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var equals = line.IndexOf('=');
            if (equals <= 0)
            {
                continue;
            }
            values[line[..equals].Trim()] = Unquote(line[(equals + 1)..]);
        }
        return values;
    }

    public static void Write(string path, string header, IEnumerable<KeyValuePair<string, string>> values)
    {
        // Quote first: a value that cannot be written leaves the old file untouched.
        var lines = values.Select(v => v.Key + "=" + Quote(v.Key, v.Value)).ToList();
        SecureFile.WriteAtomically(path, writer =>
        {
            foreach (var line in header.Split('\n'))
            {
                writer.WriteLine("# " + line);
            }
            foreach (var line in lines)
            {
                writer.WriteLine(line);
            }
        });
    }

    /// <summary>Why <paramref name="value"/> cannot be written so that every Compose reads it back exactly, or null.</summary>
    public static string? Unrepresentable(string value)
    {
        if (value.Any(c => char.IsControl(c) && c != '\n'))
        {
            return "it holds a control character other than a line break";
        }
        if (value.Contains("${", StringComparison.Ordinal))
        {
            return "it holds '${', which Compose interpolates even inside quotes";
        }
        if (value.EndsWith('\\'))
        {
            return "it ends with a backslash, which Compose reads as escaping the closing quote";
        }
        if (value.Contains('$') && (value.Contains('\n') || value.Contains('\'') || value.Contains('\\')))
        {
            return "it holds '$' together with a quote, backslash or line break, which Compose versions read differently";
        }
        return null;
    }

    /// <summary>The value as it is written after <c>NAME=</c>; refuses (naming <paramref name="name"/>, never the value) what cannot round-trip.</summary>
    public static string Quote(string name, string value)
    {
        if (Unrepresentable(value) is { } reason)
        {
            throw new SecretFileException("The value of " + name + " cannot be written to an env file: " + reason
                + ". Change it, or rotate it with -p:DatamancyRotate=" + name + ". Nothing was written.");
        }
        if (value.Length > 0 && value.All(IsBare))
        {
            return value;
        }
        if (value.IndexOfAny(new[] { '\'', '\\', '\n' }) < 0)
        {
            return "'" + value + "'";
        }
        return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
    }

    private static bool IsBare(char c) => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '+' or '/' or '=' or '.' or ',' or ':' or '@' or '%' or '-';

    public static string Unquote(string value)
    {
        if (value.Length >= 2 && value[0] == '\'' && value[^1] == '\'')
        {
            return value[1..^1];
        }
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            var inner = value[1..^1];
            var builder = new System.Text.StringBuilder();
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '\\' && i + 1 < inner.Length)
                {
                    var next = inner[++i];
                    builder.Append(next switch { 'n' => '\n', _ => next });
                }
                else
                {
                    builder.Append(inner[i]);
                }
            }
            return builder.ToString();
        }
        return value.Trim();
    }
}
