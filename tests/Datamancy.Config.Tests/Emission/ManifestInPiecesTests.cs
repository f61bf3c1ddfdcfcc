using CsCheck;
using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Emission;
using Datamancy.Config.Tests.Fuzzing;
using Xunit;

namespace Datamancy.Config.Tests.Emission;

/// <summary>
/// The manifest reaches Roslyn in pieces (<see cref="CodeWriter.InPieces"/>, read by <see cref="PiecesReader"/> while
/// the artifacts' own strings are escaped): it must be the same text, of the announced length, however it is read.
/// </summary>
public sealed class ManifestInPiecesTests
{
    private static string Whole(IEnumerable<string> values) => Write(new CodeWriter(), values).ToString();

    private static CodeWriter Write(CodeWriter w, IEnumerable<string> values)
    {
        w.Open("class C");
        foreach (var value in values)
        {
            w.Line("// next").Constant("const string X", value);
        }
        return w.Close();
    }

    /// <summary>Reads everything in blocks of <paramref name="block"/>, checking <c>Peek</c> before each block.</summary>
    private static string ReadInBlocks(TextReader reader, int block)
    {
        var text = new System.Text.StringBuilder();
        var buffer = new char[block];
        while (true)
        {
            var peeked = reader.Peek();
            var read = reader.ReadBlock(buffer, 0, block);
            Assert.Equal(read == 0 ? -1 : buffer[0], peeked);
            if (read == 0)
            {
                return text.ToString();
            }
            text.Append(buffer, 0, read);
        }
    }

    [Fact]
    public void Reads_the_text_the_writer_writes_whole_in_blocks_of_any_size()
    {
        var values = FuzzGen.HostileValues.Concat(new[] { "", "\"", "\\", "a\nb", "line\r\n\ttab \"q\" back\\slash", "é ü 雪", "nul\0 \uD800" }).ToList();
        var expected = Whole(values);
        foreach (var block in new[] { 1, 2, 3, 7, 64, 40960 })
        {
            var (reader, length) = Write(CodeWriter.InPieces(), values).Read();
            Assert.Equal(expected, ReadInBlocks(reader, block));
            Assert.Equal(expected.Length, length);
        }
    }

    [Fact]
    public void Reads_random_text_as_the_writer_writes_it()
    {
        var unit = Gen.Frequency((8, Gen.Char['\u0020', '\u007e']), (2, Gen.OneOf('\n', '\r', '\t', '"', '\\')), (1, Gen.Char));
        Gen.Select(unit.Array[0, 300].Select(c => new string(c)).Array[1, 4], Gen.Int[1, 17]).Sample((values, block) =>
        {
            var (reader, length) = Write(CodeWriter.InPieces(), values).Read();
            var expected = Whole(values);
            Assert.Equal(expected, ReadInBlocks(reader, block));
            Assert.Equal(expected.Length, length);
        }, iter: 500);
    }

    [Fact]
    public void The_manifest_Roslyn_gets_is_the_manifest_text()
    {
        var (first, _) = IncrementalityTests.Start();
        var rendered = (RenderedStack)first.Result.Results.Single().TrackedSteps[StepNames.Rendered].Single().Outputs.Single().Value;
        var files = CSharpEmitter.Files(rendered).ToList();
        // Every text the manifest carries is in a file of its own, as Roslyn's own formatter writes it.
        var contents = ManifestContent.Carried(ManifestContent.Of(rendered));
        Assert.Equal(contents.Count + 1, files.Count);
        Assert.All(contents, c => Assert.Contains("Content" + c.Index + " = " + CodeWriter.Literal(c.Content) + ";\n",
            files.Single(f => f.HintName == CSharpEmitter.ContentHintName(c.Index)).Text.ToString()));
        Assert.All(files, f => Assert.Equal(System.Text.Encoding.UTF8, f.Text.Encoding));
        var generated = first.Result.Results.Single().GeneratedSources.Where(s => s.HintName.StartsWith("Datamancy.Stack", StringComparison.Ordinal));
        Assert.Equal(files.Select(f => (f.HintName, f.Text.ToString())).OrderBy(f => f.HintName, StringComparer.Ordinal),
            generated.Select(s => (s.HintName, s.SourceText.ToString())).OrderBy(f => f.HintName, StringComparer.Ordinal));
    }
}
