using System.Collections.Generic;
using System.IO;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>
    /// Reads a text made of pieces, some of them written as the inside of a C# string literal on the fly (the five
    /// fast-path escapes of <see cref="CodeWriter.Constant"/>), so a large manifest reaches Roslyn's
    /// chunked <c>SourceText</c> without ever being one string (<see cref="CodeWriter.InPieces"/>).
    /// </summary>
    internal sealed class PiecesReader : TextReader
    {
        private readonly IReadOnlyList<(string Text, bool Escaped)> _pieces;
        private int _piece;
        private int _position;
        private string? _pending;
        private int _pendingAt;

        public PiecesReader(IReadOnlyList<(string Text, bool Escaped)> pieces) => _pieces = pieces;

        public override int Peek()
        {
            if (_pending is not null)
            {
                return _pending[_pendingAt];
            }
            if (!Skip())
            {
                return -1;
            }
            var (text, escaped) = _pieces[_piece];
            var c = text[_position];
            return escaped && EscapeOf(c) is { } escape ? escape[0] : c;
        }

        public override int Read()
        {
            var buffer = new char[1];
            return Read(buffer, 0, 1) == 0 ? -1 : buffer[0];
        }

        public override int Read(char[] buffer, int index, int count)
        {
            var written = 0;
            while (written < count)
            {
                if (_pending is not null)
                {
                    buffer[index + written++] = _pending[_pendingAt++];
                    if (_pendingAt == _pending.Length)
                    {
                        _pending = null;
                        _pendingAt = 0;
                    }
                    continue;
                }
                if (!Skip())
                {
                    break;
                }
                var (text, escaped) = _pieces[_piece];
                var end = escaped ? text.IndexOfAny(Escaped, _position) : -1;
                if (end < 0)
                {
                    end = text.Length;
                }
                var run = System.Math.Min(end - _position, count - written);
                if (run > 0)
                {
                    text.CopyTo(_position, buffer, index + written, run);
                    _position += run;
                    written += run;
                }
                else
                {
                    _pending = EscapeOf(text[_position]);
                    _position++;
                }
            }
            return written;
        }

        /// <summary>The five characters escaped in an escaped piece.</summary>
        private static readonly char[] Escaped = { '\n', '\r', '\t', '"', '\\' };

        /// <summary>How an escaped piece writes <paramref name="c"/> when it is one of <see cref="Escaped"/>; else null.</summary>
        private static string? EscapeOf(char c) => c switch
        {
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            '"' => "\\\"",
            '\\' => "\\\\",
            _ => null,
        };

        /// <summary>Moves past finished pieces; false when none is left.</summary>
        private bool Skip()
        {
            while (_piece < _pieces.Count && _position >= _pieces[_piece].Text.Length)
            {
                _piece++;
                _position = 0;
            }
            return _piece < _pieces.Count;
        }
    }
}
