using System.Collections.Generic;
using System.Text;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// What an SSO bypass (an Authelia <c>resources</c> regex) may be. Authelia matches it against the path
    /// <em>and query</em> of every request to the host, with Go's RE2, and a match switches SSO off. So a bypass:
    /// <list type="number">
    /// <item>starts with <c>^/</c> followed by a literal first path segment (letters, digits, <c>_</c>, <c>~</c>,
    /// <c>-</c>, escaped <c>\.</c>), ended by <c>/</c>, <c>\?</c> or the end <c>$</c>: nothing before the segment
    /// can be a wildcard, and the segment cannot run on (<c>^/webhook</c> would also open <c>/webhooks-admin</c>);</item>
    /// <item>has no alternation outside a group (<c>^/hooks/|.*</c> re-opens the root);</item>
    /// <item>uses only syntax that means the same in .NET and RE2: no lookarounds, atomic, named or conditional groups,
    /// inline options, backreferences, <c>\p{…}</c>, <c>\Z</c>, <c>\G</c>, class subtraction or possessive quantifiers;</item>
    /// <item>matches none of the probe requests outside its segment (<c>/</c>, <c>/admin</c>, <c>/admin?webhook</c>,
    /// the segment with a suffix, the segment inside another path or the query, and pseudo-random paths).</item>
    /// </list>
    /// The first three are decided on the text; the probes prove the rest and name the paths a pattern would open.
    /// </summary>
    internal static class BypassRules
    {
        /// <summary>Why a pattern is refused: its syntax is not portable (an invalid value), or it opens more than its segment.</summary>
        internal enum Problem { None, Syntax, Scope }

        internal readonly struct Verdict
        {
            public Verdict(Problem problem, string reason, IReadOnlyList<string> opened)
            {
                Kind = problem;
                Reason = reason;
                Opened = opened;
            }

            public Problem Kind { get; }
            public string Reason { get; }

            /// <summary>Probe requests outside the pattern's segment that it matches (empty for syntax problems).</summary>
            public IReadOnlyList<string> Opened { get; }
        }

        private const int MaxRepeat = 1000; // RE2's limit on {n,m}

        private static readonly Verdict Accepted = new(Problem.None, string.Empty, System.Array.Empty<string>());

        public static Verdict Check(string pattern)
        {
            if (!ValueRules.IsSafeText(pattern))
            {
                return new Verdict(Problem.Syntax, "control, line-break and invisible characters are not allowed", System.Array.Empty<string>());
            }
            if (pattern.Contains("{{") || pattern.Contains("}}"))
            {
                return new Verdict(Problem.Syntax, "'{{' and '}}' are not allowed: Authelia templates its configuration", System.Array.Empty<string>());
            }
            if (PortableSyntax(pattern) is { } syntax)
            {
                return new Verdict(Problem.Syntax, syntax, System.Array.Empty<string>());
            }
            Regex regex;
            try
            {
                regex = new Regex(pattern, RegexOptions.CultureInvariant, System.TimeSpan.FromMilliseconds(100));
            }
            catch (System.ArgumentException e)
            {
                return new Verdict(Problem.Syntax, "it is not a valid regular expression (" + FirstSentence(e.Message) + ")", System.Array.Empty<string>());
            }
            var segment = LiteralFirstSegment(pattern, out var shape);
            var opened = Probe(regex, segment, segment ?? LongestWord(pattern));
            if (shape is not null)
            {
                return new Verdict(Problem.Scope, shape, opened);
            }
            if (opened.Count > 0)
            {
                return new Verdict(Problem.Scope, "it matches requests outside '/" + segment + "/'", opened);
            }
            return Accepted;
        }

        /// <summary>The literal first path segment (unescaped), or null with the reason in <paramref name="shape"/>; also checks top-level alternation.</summary>
        private static string? LiteralFirstSegment(string pattern, out string? shape)
        {
            shape = null;
            if (!pattern.StartsWith("^/", System.StringComparison.Ordinal))
            {
                shape = "it must start with '^/' and a literal first path segment (Authelia matches path and query, so an unanchored pattern also matches inside other paths and the query)";
                return null;
            }
            var segment = new StringBuilder();
            var i = 2;
            while (i < pattern.Length)
            {
                var c = pattern[i];
                if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '~' or '-')
                {
                    segment.Append(c);
                    i++;
                }
                else if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] == '.')
                {
                    segment.Append('.');
                    i += 2;
                }
                else
                {
                    break;
                }
            }
            var rest = pattern.Substring(i);
            if (segment.Length == 0 || segment.ToString() is "." or "..")
            {
                shape = "the first path segment after '^/' must be literal (letters, digits, '_', '~', '-', '\\.'), with no wildcard, class or group before it";
                return null;
            }
            // A quantifier on the segment's last character would make it optional or repeatable: ^/ab?/ opens /a/.
            var ended = rest.Length == 0 ? false
                : rest[0] == '/' || rest == "$" || rest.StartsWith("\\?", System.StringComparison.Ordinal);
            if (!ended)
            {
                shape = "the first path segment '" + segment + "' must be followed by '/', '\\?' or the end '$' (otherwise it also opens '/" + segment + "-anything')";
            }
            else if (TerminatorIsQuantified(rest))
            {
                shape = "the '" + (rest[0] == '/' ? "/" : "\\?") + "' that ends the first path segment '" + segment
                    + "' must not be optional or repeatable ('*', '?', '{…}'; '+' is allowed): otherwise it also opens '/" + segment + "-anything/'";
            }
            else if (HasTopLevelAlternation(pattern))
            {
                shape = "'|' outside a group re-opens the host: the other side is not anchored to '^/" + segment + "'; put alternatives inside a group, e.g. '^/" + segment + "/(a|b)'";
            }
            return segment.ToString();
        }

        /// <summary>Whether the '/' or '\?' after the segment carries a quantifier that lets it match zero times (or needs one).</summary>
        private static bool TerminatorIsQuantified(string rest)
        {
            var next = rest[0] == '/' ? 1 : 2;
            return next < rest.Length && rest[next] is '*' or '?' or '{';
        }

        private static bool HasTopLevelAlternation(string pattern)
        {
            var depth = 0;
            var inClass = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\')
                {
                    i++;
                }
                else if (inClass)
                {
                    inClass = c != ']';
                }
                else if (c == '[')
                {
                    inClass = true;
                    if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                    {
                        i++;
                    }
                }
                else if (c == '(')
                {
                    depth++;
                }
                else if (c == ')')
                {
                    depth--;
                }
                else if (c == '|' && depth == 0)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Null when every construct means the same in .NET and in Go's RE2; otherwise why not.</summary>
        internal static string? PortableSyntax(string pattern)
        {
            var inClass = false;
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c == '\\')
                {
                    if (i + 1 >= pattern.Length)
                    {
                        return "it ends with a lone '\\'";
                    }
                    var e = pattern[++i];
                    if (e is 'p' or 'P')
                    {
                        return "'\\" + e + "{…}' classes differ between .NET and RE2 (\\p{IsGreek} is .NET-only); list the characters instead";
                    }
                    if (e is 'Z' or 'G' or 'A' or 'k' or 'K' or 'e' or 'c' or 'x' or 'u' or 'Q' or 'E' or 'a' or 'f' or 'v' or 'b' or 'B' || e is >= '0' and <= '9')
                    {
                        return "'\\" + e + "' is not portable between .NET and Go's RE2 (Authelia): backreferences, \\Z, \\G, \\k, \\x, \\u, \\Q…\\E and word boundaries are refused";
                    }
                    if (char.IsLetter(e) && e is not ('d' or 'D' or 'w' or 'W' or 's' or 'S' or 'z' or 'n' or 't' or 'r'))
                    {
                        return "'\\" + e + "' is not an escape both .NET and RE2 know";
                    }
                    continue;
                }
                if (c is '`' or ' ')
                {
                    return "'" + c + "' never appears unencoded in a request path or query (and would break the audit's Markdown)";
                }
                if (inClass)
                {
                    if (c == '[')
                    {
                        return "'[' inside a class: .NET reads '-[…]' as class subtraction, RE2 reads '[:alpha:]' as a POSIX class; escape it as '\\['";
                    }
                    inClass = c != ']';
                    continue;
                }
                switch (c)
                {
                    case '[':
                        inClass = true;
                        if (i + 1 < pattern.Length && pattern[i + 1] == '^')
                        {
                            i++;
                        }
                        if (i + 1 < pattern.Length && pattern[i + 1] == ']')
                        {
                            return "a class starting with ']' is read differently by .NET and RE2; escape it as '\\]'";
                        }
                        break;
                    case '(':
                        if (i + 1 < pattern.Length && pattern[i + 1] == '?' && !(i + 2 < pattern.Length && pattern[i + 2] == ':'))
                        {
                            return "'(?" + (i + 2 < pattern.Length ? pattern[i + 2].ToString() : string.Empty)
                                + "' is refused: lookarounds, atomic groups ('(?>'), named and conditional groups, comments and inline options are .NET-only or differ in RE2; use '(…)' or '(?:…)'";
                        }
                        break;
                    case '{':
                        var close = pattern.IndexOf('}', i);
                        var body = close < 0 ? string.Empty : pattern.Substring(i + 1, close - i - 1);
                        if (!IsRepeat(body))
                        {
                            return "'{' must be a repeat such as '{2}' or '{1,3}' (at most " + MaxRepeat + "); escape a literal brace as '\\{'";
                        }
                        i = close;
                        if (i + 1 < pattern.Length && pattern[i + 1] == '+')
                        {
                            return "possessive quantifiers ('{…}+') are not regular expressions in .NET or RE2";
                        }
                        break;
                    case '*':
                    case '+':
                    case '?':
                        if (i + 1 < pattern.Length && pattern[i + 1] == '+')
                        {
                            return "possessive quantifiers ('" + c + "+') are not regular expressions in .NET or RE2";
                        }
                        break;
                }
            }
            return inClass ? "a character class is not closed" : null;
        }

        private static bool IsRepeat(string body)
        {
            var parts = body.Split(',');
            if (parts.Length > 2 || parts[0].Length == 0)
            {
                return false;
            }
            foreach (var part in parts)
            {
                if (part.Length > 4)
                {
                    return false;
                }
                foreach (var d in part)
                {
                    if (d is < '0' or > '9')
                    {
                        return false;
                    }
                }
                if (part.Length > 0 && int.Parse(part, System.Globalization.CultureInfo.InvariantCulture) > MaxRepeat)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>The probe requests (path and query, as Authelia matches them) outside <c>/segment</c> that the pattern matches.</summary>
        private static List<string> Probe(Regex regex, string? segment, string? word)
        {
            var opened = new List<string>();
            foreach (var request in Probes(word))
            {
                if (segment is not null && FirstSegment(request) == segment)
                {
                    continue;
                }
                bool matches;
                try
                {
                    matches = regex.IsMatch(request);
                }
                catch (RegexMatchTimeoutException)
                {
                    matches = true; // a pattern this slow on a short path is not a narrow path rule
                }
                if (matches)
                {
                    opened.Add(request);
                }
            }
            return opened;
        }

        /// <summary>For a pattern without a literal first segment: its longest run of letters and digits, to build probes around it.</summary>
        private static string? LongestWord(string pattern)
        {
            string? best = null;
            foreach (Match match in Regex.Matches(pattern, "[A-Za-z0-9_-]+"))
            {
                if (best is null || match.Value.Length > best.Length)
                {
                    best = match.Value;
                }
            }
            return best;
        }

        private static string FirstSegment(string request)
        {
            var path = request.Split('?')[0];
            var end = path.IndexOf('/', 1);
            return end < 0 ? path.Substring(1) : path.Substring(1, end - 1);
        }

        internal static IEnumerable<string> Probes(string? segment)
        {
            var fixedProbes = new[]
            {
                "/", "/admin", "/admin?webhook", "/admin/", "/login", "/index.html", "/api", "/api/v1/users", "/settings/security",
                "/.well-known/openid-configuration", "/?a=b", "//", "/%2e%2e/admin", "/admin?next=/webhook/", "/a/b/c/d",
                "/static/app.js", "/users/1?tab=keys", "/logout", "/oauth2/callback?code=x", "/-", "/_", "/~", "/.", "/..",
            };
            foreach (var probe in fixedProbes)
            {
                yield return probe;
            }
            if (segment is not null)
            {
                yield return "/" + segment + "x";
                yield return "/" + segment + "-admin";
                yield return "/" + segment + ".bak";
                yield return "/" + segment + "x/";
                yield return "/" + segment + "-admin/x.y/";
                yield return "/" + segment + "x?y=/";
                yield return "/x" + segment + "/";
                yield return "/admin/" + segment + "/";
                yield return "/admin?" + segment;
                yield return "/admin?r=/" + segment + "/";
                yield return "//" + segment + "/";
                yield return "/admin#/" + segment + "/";
            }
            // Pseudo-random paths, the same on every build.
            var state = 0x2545F491u;
            const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~";
            for (var n = 0; n < 64; n++)
            {
                var builder = new StringBuilder();
                var segments = 1 + (int)(Next(ref state) % 4);
                for (var s = 0; s < segments; s++)
                {
                    builder.Append('/');
                    var length = 1 + (int)(Next(ref state) % 10);
                    for (var k = 0; k < length; k++)
                    {
                        builder.Append(alphabet[(int)(Next(ref state) % (uint)alphabet.Length)]);
                    }
                }
                if (Next(ref state) % 3 == 0)
                {
                    builder.Append("?q=").Append(segment ?? "x");
                }
                yield return builder.ToString();
            }
        }

        private static uint Next(ref uint state)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            return state;
        }

        private static string FirstSentence(string message)
        {
            var dot = message.IndexOf(". ", System.StringComparison.Ordinal);
            return ServiceRules.Shown(dot < 0 ? message : message.Substring(0, dot));
        }
    }
}
