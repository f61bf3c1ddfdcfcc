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

        public CodeWriter()
        {
            _builder = new StringBuilder();
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
        /// <c>name = "value";</c> on its own line, the value exactly as <see cref="Literal"/> writes it: text whose only
        /// escapes are quote, backslash, tab, CR and LF (every artifact in practice, Markdown's dashes and arrows
        /// included) is escaped by <see cref="PiecesReader"/> (in a writer made by <see cref="InPieces"/>, only when it
        /// is read); anything else goes through Roslyn's formatter, so the output is the same.
        /// </summary>
        public CodeWriter Constant(string declaration, string value)
        {
            _builder.Append(' ', _indent * 4).Append(declaration).Append(" = ");
            var plain = PlainLength(value);
            if (plain < 0)
            {
                _builder.Append(Literal(value)).Append(";\n");
                return this;
            }
            _builder.Append('"');
            if (_pieces is not null)
            {
                Flush();
                _pieces.Add((value, true));
                _piecesLength += plain - 4; // the quotes, semicolon and line break are written around it
            }
            else
            {
                _builder.Append(new PiecesReader(new[] { (value, true) }).ReadToEnd());
            }
            _builder.Append("\";\n");
            return this;
        }

        /// <summary>
        /// The exact length of the fast path's literal of <paramref name="value"/> (quotes, semicolon and line break
        /// included), or -1 when a character needs Roslyn's formatter. Plain characters are what <see cref="Literal"/> writes as itself or as
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
