using System.Collections.Generic;
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

        private readonly List<(string Text, bool Escaped)>? _pieces;
        private long _piecesLength;

        /// <param name="capacity">The expected length, so a large file is not copied while it grows (0: the default).</param>
        public CodeWriter(int capacity = 0)
        {
            _builder = capacity > 0 ? new StringBuilder(capacity) : new StringBuilder();
        }

        private CodeWriter(List<(string Text, bool Escaped)> pieces)
        {
            _builder = new StringBuilder();
            _pieces = pieces;
        }

        /// <summary>
        /// A writer that keeps each plain <see cref="Constant(string, string)"/> value as it is, to be escaped while it
        /// is read (<see cref="Read"/>), so a large text is never copied into one buffer.
        /// </summary>
        public static CodeWriter InPieces() => new(new List<(string Text, bool Escaped)>());

        /// <summary>The text of a writer made by <see cref="InPieces"/>, as a reader, and its exact length.</summary>
        public (System.IO.TextReader Reader, long Length) Read()
        {
            if (_pieces is null)
            {
                throw new System.InvalidOperationException("Only a writer made by InPieces is read in pieces.");
            }
            Flush();
            return (new PiecesReader(_pieces), _piecesLength);
        }

        private void Flush()
        {
            if (_pieces is not null && _builder.Length > 0)
            {
                _pieces.Add((_builder.ToString(), false));
                _piecesLength += _builder.Length;
                _builder.Clear();
            }
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
        /// practice, Markdown's dashes and arrows included) is checked and measured in one pass, then copied between its
        /// escapes (found by a vectorised search) into a buffer grown once; anything else goes through Roslyn's formatter,
        /// so the output is the same.
        /// </summary>
        public CodeWriter Constant(string declaration, string value) => Constant(declaration, value, PlainLength(value));

        /// <inheritdoc cref="Constant(string, string)"/>
        /// <param name="plain">The value's <see cref="PlainLength"/>, when the caller counted it already.</param>
        public CodeWriter Constant(string declaration, string value, long plain)
        {
            var indent = _indent * 4;
            if (plain < 0)
            {
                _builder.Append(' ', indent).Append(declaration).Append(" = ").Append(Literal(value)).Append(";\n");
                return this;
            }
            var length = _builder.Length + indent + declaration.Length + 3 + plain;
            if (_pieces is null && length <= int.MaxValue)
            {
                _builder.EnsureCapacity((int)length);
            }
            _builder.Append(' ', indent).Append(declaration).Append(" = \"");
            if (_pieces is not null)
            {
                Flush();
                _pieces.Add((value, true));
                _piecesLength += plain - 4; // the quotes, semicolon and line break are written around it
                _builder.Append("\";\n");
                return this;
            }
            var start = 0;
            int next;
            while ((next = value.IndexOfAny(Escaped, start)) >= 0)
            {
                _builder.Append(value, start, next - start).Append(EscapeOf(value[next])!);
                start = next + 1;
            }
            _builder.Append(value, start, value.Length - start).Append("\";\n");
            return this;
        }

        /// <summary>
        /// At least the number of characters <see cref="Constant"/> writes for <paramref name="value"/> (quotes and
        /// semicolon included): exact for plain text, the length <see cref="Constant"/> reserves; for any other, six
        /// characters per UTF-16 unit, the longest escape Roslyn writes.
        /// </summary>
        public static long ConstantLength(string value)
        {
            var plain = PlainLength(value);
            return plain >= 0 ? plain : (value.Length * 6L) + 4;
        }

        /// <summary>The five characters the fast path escapes.</summary>
        internal static readonly char[] Escaped = { '\n', '\r', '\t', '"', '\\' };

        /// <summary>How the fast path writes <paramref name="c"/> when it is one of <see cref="Escaped"/>; else null.</summary>
        internal static string? EscapeOf(char c) => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '"' => "\\\"",
            '\\' => "\\\\",
            _ => null,
        };

        /// <summary>
        /// The exact length of the fast path's literal of <paramref name="value"/> (quotes and semicolon included), or -1
        /// when a character needs Roslyn's formatter. Plain characters are what <see cref="Literal"/> writes as itself or as
        /// one of the five escapes: printable ASCII, tab, CR, LF, and any other character outside the surrogates whose
        /// Unicode category Roslyn does not escape (it escapes controls, unassigned code points, line and paragraph
        /// separators and surrogates).
        /// </summary>
        public static long PlainLength(string value)
        {
            long length = 4;
            foreach (var c in value)
            {
                if (c >= ' ' && c <= '~')
                {
                    length += c is '"' or '\\' ? 2 : 1;
                }
                else if (c is '\n' or '\r' or '\t')
                {
                    length += 2;
                }
                else if (c < 0x80 || char.IsSurrogate(c) || NeedsEscaping(CharUnicodeInfo.GetUnicodeCategory(c)))
                {
                    return -1;
                }
                else
                {
                    length++;
                }
            }
            return length;
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
