using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>A minimal indented writer for generated C#; always <c>\n</c> newlines.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder;
        private int _indent;

        /// <param name="capacity">The expected length, so a large file is not copied while it grows (0: the default).</param>
        public CodeWriter(int capacity = 0)
        {
            _builder = capacity > 0 ? new StringBuilder(capacity) : new StringBuilder();
        }

        public CodeWriter Line(string text = "")
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
            }
            _builder.Append(text).Append('\n');
            return this;
        }

        public CodeWriter Open(string text)
        {
            Line(text).Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close()
        {
            _indent--;
            return Line("}");
        }

        public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>
        /// <c>name = "value";</c> on its own line, the value written straight into the buffer exactly as
        /// <see cref="Literal"/> writes it: text whose only escapes are quote, backslash, tab, CR and LF (every artifact in
        /// practice, Markdown's dashes and arrows included) is escaped here in one pass without copies; anything else goes
        /// through Roslyn's formatter, so the output is the same.
        /// </summary>
        public CodeWriter Constant(string declaration, string value)
        {
            _builder.Append(' ', _indent * 4).Append(declaration).Append(" = ");
            if (!IsPlain(value))
            {
                _builder.Append(Literal(value)).Append(";\n");
                return this;
            }
            _builder.Append('"');
            var start = 0;
            for (var i = 0; i < value.Length; i++)
            {
                var escape = EscapeOf(value[i]);
                if (escape is not null)
                {
                    _builder.Append(value, start, i - start).Append(escape);
                    start = i + 1;
                }
            }
            _builder.Append(value, start, value.Length - start).Append("\";\n");
            return this;
        }

        /// <summary>
        /// At least the number of characters <see cref="Constant"/> writes for <paramref name="value"/> (quotes and
        /// semicolon included): exact for plain text; for any other, six characters per UTF-16 unit, the longest escape Roslyn writes.
        /// </summary>
        public static long ConstantLength(string value)
        {
            if (!IsPlain(value))
            {
                return (value.Length * 6L) + 4;
            }
            long length = 4;
            foreach (var c in value)
            {
                length += EscapeOf(c)?.Length ?? 1;
            }
            return length;
        }

        /// <summary>How the fast path writes <paramref name="c"/> when it is one of the five characters it escapes; else null.</summary>
        private static string? EscapeOf(char c) => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '"' => "\\\"",
            '\\' => "\\\\",
            _ => null,
        };

        /// <summary>
        /// True when every character is one <see cref="Literal"/> writes as itself or as one of the five escapes above:
        /// printable ASCII, tab, CR, LF, and any other character outside the surrogates whose Unicode category Roslyn
        /// does not escape (it escapes controls, unassigned code points, line and paragraph separators and surrogates).
        /// </summary>
        private static bool IsPlain(string value)
        {
            foreach (var c in value)
            {
                if (c < 0x80)
                {
                    if ((c < ' ' || c > '~') && c != '\n' && c != '\r' && c != '\t')
                    {
                        return false;
                    }
                }
                else if (char.IsSurrogate(c) || NeedsEscaping(CharUnicodeInfo.GetUnicodeCategory(c)))
                {
                    return false;
                }
            }
            return true;
        }

        private static bool NeedsEscaping(UnicodeCategory category) =>
            category is UnicodeCategory.Control or UnicodeCategory.OtherNotAssigned or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.LineSeparator or UnicodeCategory.Surrogate;

        /// <summary>A verbatim identifier, so a keyword or clashing name still compiles.</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        public override string ToString() => _builder.ToString();
    }
}
