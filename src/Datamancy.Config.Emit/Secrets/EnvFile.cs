using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>
/// Reads and writes the <c>NAME=value</c> env files compose reads. Values are quoted so compose reads
/// them literally: single quotes when a value holds <c>$</c> (digests), double quotes with <c>\n</c>
/// escapes for multi-line values (PEM keys), bare otherwise.
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

    public static void Write(string path, string header, IEnumerable<KeyValuePair<string, string>> values) =>
        SecureFile.WriteAtomically(path, writer =>
        {
            foreach (var line in header.Split('\n'))
            {
                writer.WriteLine("# " + line);
            }
            foreach (var (name, value) in values)
            {
                writer.WriteLine(name + "=" + Quote(value));
            }
        });

    public static string Quote(string value)
    {
        if (value.Contains('\n'))
        {
            return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n") + "\"";
        }
        return value.IndexOfAny(new[] { '$', ' ', '#', '"', '\\', '`' }) >= 0 ? "'" + value + "'" : value;
    }

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
