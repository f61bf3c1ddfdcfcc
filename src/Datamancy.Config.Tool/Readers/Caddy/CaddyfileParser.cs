using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Datamancy.Config.Tool.Readers.Caddy;

/// <summary>
/// A parser for the Caddyfile subset stacks use: global options, snippets, site blocks, nested blocks, quotes,
/// comments and <c>{$VAR:default}</c> placeholders (kept as written, never resolved). Every node keeps its line.
/// </summary>
internal static class CaddyfileParser
{
    /// <summary>The standard directives of Caddy 2.6–2.11 (anything else is a plugin or a typo).</summary>
    public static readonly HashSet<string> Directives = new(StringComparer.Ordinal)
    {
        "abort", "acme_server", "basicauth", "basic_auth", "bind", "encode", "error", "file_server", "forward_auth", "fs",
        "handle", "handle_errors", "handle_path", "header", "import", "invoke", "log", "log_append", "log_skip", "log_name",
        "map", "method", "metrics", "php_fastcgi", "push", "redir", "request_body", "request_header", "respond",
        "reverse_proxy", "rewrite", "root", "route", "skip_log", "templates", "tls", "tracing", "try_files", "uri", "vars",
        "copy_response", "copy_response_headers", "intercept",
    };

    private sealed record Token(string Text, int Line, bool Quoted);

    public static CaddyConfig Parse(InputFile file)
    {
        var tokens = Tokenize(file);
        var config = new CaddyConfig();
        var position = 0;
        var first = true;
        while (position < tokens.Count)
        {
            var line = tokens[position].Line;
            var header = ReadLine(tokens, ref position);
            var hasBlock = position < tokens.Count && tokens[position].Text == "{" && !tokens[position].Quoted;
            if (header.Count == 0 && hasBlock && first)
            {
                position++;
                config.Global = new CaddyNode(Array.Empty<string>(), file.At(line));
                ReadBlock(file, tokens, ref position, config.Global);
                first = false;
                continue;
            }
            first = false;
            if (!hasBlock)
            {
                throw new ImportException(file.At(line), "expected '{' after '" + string.Join(" ", header) + "': only site blocks and snippets with braces are supported");
            }
            position++;
            var node = new CaddyNode(header.SelectMany(h => h.Split(new[] { ',' }, StringSplitOptions.RemoveEmptyEntries)).Select(h => h.Trim()).Where(h => h.Length > 0).ToList(), file.At(line));
            ReadBlock(file, tokens, ref position, node);
            if (header.Count == 1 && header[0].StartsWith("(", StringComparison.Ordinal) && header[0].EndsWith(")", StringComparison.Ordinal))
            {
                config.Snippets[header[0].Substring(1, header[0].Length - 2)] = node;
            }
            else
            {
                config.Sites.Add(node);
            }
        }
        return config;
    }

    /// <summary>Checks every directive in site blocks and snippets against <see cref="Directives"/>.</summary>
    public static void CheckDirectives(CaddyConfig config)
    {
        foreach (var block in config.Sites.Concat(config.Snippets.Values))
        {
            foreach (var child in block.Children)
            {
                CheckDirective(child);
            }
        }
    }

    private static void CheckDirective(CaddyNode node)
    {
        if (node.Name.StartsWith("@", StringComparison.Ordinal))
        {
            return;
        }
        if (!Directives.Contains(node.Name))
        {
            throw new ImportException(node.Where, "unknown Caddyfile directive '" + node.Name + "' (not a standard Caddy directive; plugins are not supported)");
        }
        if (node.Name is "route" or "handle" or "handle_path" or "handle_errors")
        {
            foreach (var child in node.Children)
            {
                CheckDirective(child);
            }
        }
    }

    private static List<string> ReadLine(List<Token> tokens, ref int position)
    {
        var result = new List<string>();
        if (position >= tokens.Count)
        {
            return result;
        }
        var line = tokens[position].Line;
        while (position < tokens.Count && tokens[position].Line == line && !(tokens[position].Text is "{" or "}" && !tokens[position].Quoted))
        {
            result.Add(tokens[position].Text);
            position++;
        }
        return result;
    }

    private static void ReadBlock(InputFile file, List<Token> tokens, ref int position, CaddyNode parent)
    {
        while (position < tokens.Count)
        {
            var token = tokens[position];
            if (token.Text == "}" && !token.Quoted)
            {
                position++;
                return;
            }
            var line = token.Line;
            var words = ReadLine(tokens, ref position);
            var node = new CaddyNode(words, file.At(line));
            parent.Children.Add(node);
            if (position < tokens.Count && tokens[position].Text == "{" && !tokens[position].Quoted && tokens[position].Line == line)
            {
                position++;
                ReadBlock(file, tokens, ref position, node);
            }
            else if (words.Count == 0)
            {
                throw new ImportException(file.At(line), "unexpected '" + token.Text + "'");
            }
        }
        throw new ImportException(parent.Where, "block opened here is never closed with '}'");
    }

    private static List<Token> Tokenize(InputFile file)
    {
        var tokens = new List<Token>();
        var text = file.Text;
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '#')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '"')
            {
                var start = line;
                var builder = new StringBuilder();
                i++;
                while (i < text.Length && text[i] != '"')
                {
                    if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"')
                    {
                        i++;
                    }
                    if (text[i] == '\n')
                    {
                        line++;
                    }
                    builder.Append(text[i]);
                    i++;
                }
                if (i >= text.Length)
                {
                    throw new ImportException(file.At(start), "unterminated quoted string");
                }
                i++;
                tokens.Add(new Token(builder.ToString(), start, true));
            }
            else if (c == '`')
            {
                var end = text.IndexOf('`', i + 1);
                if (end < 0)
                {
                    throw new ImportException(file.At(line), "unterminated backtick string");
                }
                var value = text.Substring(i + 1, end - i - 1);
                tokens.Add(new Token(value, line, true));
                line += value.Count(ch => ch == '\n');
                i = end + 1;
            }
            else
            {
                var builder = new StringBuilder();
                while (i < text.Length && !char.IsWhiteSpace(text[i]))
                {
                    if (text[i] == '{' && i + 1 < text.Length && text[i + 1] == '$')
                    {
                        // An env placeholder is one token even when its default holds spaces.
                        var end = text.IndexOf('}', i);
                        if (end < 0 || text.IndexOf('\n', i, end - i) >= 0)
                        {
                            throw new ImportException(file.At(line), "unterminated {$…} placeholder");
                        }
                        builder.Append(text, i, end - i + 1);
                        i = end + 1;
                        continue;
                    }
                    builder.Append(text[i]);
                    i++;
                }
                tokens.Add(new Token(builder.ToString(), line, false));
            }
        }
        return tokens;
    }
}
