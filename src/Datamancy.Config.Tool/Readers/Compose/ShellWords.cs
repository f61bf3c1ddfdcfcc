using System.Collections.Generic;
using System.Text;

namespace Datamancy.Config.Tool.Readers.Compose;

/// <summary>
/// Splits a command string into words as compose does (shlex): whitespace, single and double quotes, backslash
/// escapes. Returns null when the string uses shell features a word list cannot express (pipes, redirects, ;, &amp;&amp;).
/// </summary>
internal static class ShellWords
{
    public static IReadOnlyList<string>? Split(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'')
            {
                var end = text.IndexOf('\'', i + 1);
                if (end < 0)
                {
                    return null;
                }
                current.Append(text, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (c == '"')
            {
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\' or '$' or '`')
                    {
                        i++;
                    }
                    current.Append(text[i]);
                    i++;
                }
                if (i >= text.Length)
                {
                    return null;
                }
                inWord = true;
            }
            else if (c == '\\' && i + 1 < text.Length)
            {
                current.Append(text[++i]);
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }
            }
            else if (c is '|' or '&' or ';' or '<' or '>' or '`' or '(' or ')')
            {
                return null;
            }
            else
            {
                current.Append(c);
                inWord = true;
            }
        }
        if (inWord)
        {
            words.Add(current.ToString());
        }
        return words;
    }
}
