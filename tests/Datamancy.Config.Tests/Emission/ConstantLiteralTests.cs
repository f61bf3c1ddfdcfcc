using CsCheck;
using Datamancy.Config.Generators.Emission;
using Datamancy.Config.Tests.Fuzzing;
using Xunit;

namespace Datamancy.Config.Tests.Emission;

/// <summary>
/// The manifest writes artifact text with <see cref="CodeWriter.Constant"/> (escaped by <see cref="PiecesReader"/>)
/// instead of Roslyn's <c>SymbolDisplay.FormatLiteral</c>: the generated C# must be the same text, character for
/// character, for any value.
/// </summary>
public sealed class ConstantLiteralTests
{
    private static string ViaConstant(string value) => new CodeWriter().Constant("public const string X", value).ToString();

    private static string ViaLiteral(string value) => new CodeWriter().Line("public const string X = " + CodeWriter.Literal(value) + ";").ToString();

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("line\nbreak\r\n\ttab \"quoted\" back\\slash")]
    [InlineData("\\\"\\n")]
    [InlineData("nul\0 bell\a vt\v ff\f bs\b del\u007f")]
    [InlineData("non-ASCII é ü 雪 \U0001F600 lone \uD800 surrogate, NEL \u0085, LS \u2028, PS \u2029, BOM \uFEFF")]
    public void Writes_what_Roslyn_writes(string value) => Assert.Equal(ViaLiteral(value), ViaConstant(value));

    [Fact]
    public void Writes_what_Roslyn_writes_for_hostile_and_random_text()
    {
        foreach (var hostile in FuzzGen.HostileValues)
        {
            Assert.Equal(ViaLiteral(hostile), ViaConstant(hostile));
        }
        // Mostly printable ASCII and line breaks (the fast path), sometimes any UTF-16 unit (the fallback).
        var unit = Gen.Frequency((8, Gen.Char['\u0020', '\u007e']), (2, Gen.OneOf('\n', '\r', '\t', '"', '\\')), (1, Gen.Char));
        unit.Array[0, 200].Select(chars => new string(chars)).Sample(value => Assert.Equal(ViaLiteral(value), ViaConstant(value)), iter: 2000);
    }

    /// <summary>
    /// A manifest in pieces announces its length from <see cref="CodeWriter.PlainLength"/>: exactly what
    /// <see cref="CodeWriter.Constant"/> writes for text on the fast path (every printable ASCII, tab, CR and LF text
    /// is), and -1 for text only Roslyn's formatter writes.
    /// </summary>
    [Fact]
    public void Predicts_the_length_it_writes()
    {
        const string declaration = "public const string X = ";
        void Check(string value)
        {
            var written = ViaConstant(value).Length - declaration.Length;
            var predicted = CodeWriter.PlainLength(value);
            if (predicted >= 0)
            {
                Assert.Equal(written, predicted);
            }
            else
            {
                Assert.Contains(value, c => c is not (>= ' ' and <= '~' or '\n' or '\r' or '\t'));
            }
            if (value.All(c => c is >= ' ' and <= '~' or '\n' or '\r' or '\t'))
            {
                Assert.Equal(written, predicted);
            }
        }
        foreach (var hostile in FuzzGen.HostileValues.Append("line\nbreak\r\n\ttab \"quoted\" back\\slash").Append("nul\0 \U0001F600 \uD800 \u2028"))
        {
            Check(hostile);
        }
        var unit = Gen.Frequency((8, Gen.Char['\u0020', '\u007e']), (2, Gen.OneOf('\n', '\r', '\t', '"', '\\')), (1, Gen.Char));
        unit.Array[0, 200].Select(chars => new string(chars)).Sample(Check, iter: 2000);
    }

    [Fact]
    public void Indents_like_every_other_line()
    {
        var writer = new CodeWriter().Open("class C").Constant("const string X", "a\"b");
        Assert.Equal("class C\n{\n    const string X = \"a\\\"b\";\n", writer.ToString());
    }
}
