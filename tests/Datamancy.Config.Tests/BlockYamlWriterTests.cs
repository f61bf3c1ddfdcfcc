using System.Text;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Tests.Fuzzing;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.Core;

namespace Datamancy.Config.Tests;

/// <summary>
/// <see cref="BlockYamlWriter"/> writes the common YAML trees without YamlDotNet's per-scalar analysis; it must write
/// exactly what the emitter writes, and decline every tree it cannot prove it writes the same way (the emitter then
/// writes it). Random trees of hostile scalars, every style and nesting check both halves of that promise.
/// </summary>
public sealed class BlockYamlWriterTests
{
    private static readonly string[] Words =
    {
        "a", "image", "read_only", "link.a.b", "x-y", "_k", "9", "42", "-1", "true", "no", "${A:?A is not set; see .env.example}",
        "a b", " lead", "trail ", "a: b", "#x", "- a", "[a]", "{a}", "*a", "&a", "!a", "%a", "@a", "`a", "a,b", "?", ":", "|", ">",
        new string('k', 99), new string('k', 100), new string('k', 101), new string('k', 200),
    };

    private static string Value(Random random) =>
        random.Next(3) switch
        {
            0 => FuzzGen.HostileValues[random.Next(FuzzGen.HostileValues.Length)],
            _ => Words[random.Next(Words.Length)],
        };

    private static YamlIntent Scalar(Random random, bool key)
    {
        var style = random.Next(10) switch
        {
            < 6 => ScalarStyle.DoubleQuoted,
            < 9 => ScalarStyle.Plain,
            _ => key ? ScalarStyle.DoubleQuoted : ScalarStyle.SingleQuoted,
        };
        var value = Value(random);
        // A plain key the emitter cannot write plain would make it throw or change style; keep plain keys to what Yaml.Key allows.
        if (key && style == ScalarStyle.Plain && !(value.Length > 0 && char.IsAsciiLetter(value[0]) && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
        {
            style = ScalarStyle.DoubleQuoted;
        }
        return new YamlIntent(YamlIntentKind.Scalar, value, style, EquatableArray<YamlIntent>.Empty);
    }

    private static YamlIntent Node(Random random, int depth)
    {
        var kind = depth == 0 ? 0 : random.Next(3);
        if (kind == 0)
        {
            return Scalar(random, key: false);
        }
        var count = random.Next(5) == 0 ? 0 : random.Next(1, 5);
        var items = new List<YamlIntent>();
        for (var i = 0; i < count; i++)
        {
            if (kind == 2)
            {
                var key = Scalar(random, key: true);
                if (items.Where((_, index) => index % 2 == 0).Any(k => k.Value == key.Value))
                {
                    continue; // the emitter does not check duplicate keys, but a mapping with one is not what any renderer writes
                }
                items.Add(key);
            }
            items.Add(Node(random, depth - 1));
        }
        return new YamlIntent(kind == 1 ? YamlIntentKind.Sequence : YamlIntentKind.Mapping, string.Empty, ScalarStyle.Any, items.ToEquatableArray());
    }

    [Fact]
    public void Random_trees_are_written_as_the_emitter_writes_them_or_left_to_it()
    {
        var count = Seeded.Setting("DATAMANCY_FUZZ_ITERATIONS", 3000);
        var fast = 0;
        for (var i = 0; i < count; i++)
        {
            var random = new Random(unchecked((int)Seeded.Seed) + i);
            var tree = Node(random, 1 + random.Next(4));
            if (tree.Kind == YamlIntentKind.Scalar)
            {
                continue;
            }
            string emitted;
            var text = new StringBuilder();
            try
            {
                emitted = YamlFragmentWriter.Emitted(tree);
            }
            catch (YamlException)
            {
                // The emitter refuses some strings (an orphaned surrogate): the writer must not accept what it refuses.
                Assert.False(BlockYamlWriter.TryWrite(tree, text));
                Assert.ThrowsAny<YamlException>(() => YamlFragmentWriter.Document(tree));
                continue;
            }
            if (BlockYamlWriter.TryWrite(tree, text))
            {
                fast++;
                Assert.True(emitted == text.ToString(), "seed " + Seeded.Seed + ", tree " + i + ":\nemitter:\n" + emitted + "\nwriter:\n" + text);
            }
            else
            {
                Assert.Equal(0, text.Length); // declined before writing anything
            }
            Assert.Equal(emitted, YamlFragmentWriter.Document(tree));
        }
        Assert.True(fast > count / 20, "the writer took too few trees to test it: " + fast + " of " + count);
    }

    [Fact]
    public void Every_scalar_that_needs_the_emitters_analysis_is_left_to_it()
    {
        static YamlIntent One(string value, ScalarStyle style) => new(YamlIntentKind.Mapping, string.Empty, ScalarStyle.Any,
            new[] { new YamlIntent(YamlIntentKind.Scalar, "k", ScalarStyle.Plain, EquatableArray<YamlIntent>.Empty), new YamlIntent(YamlIntentKind.Scalar, value, style, EquatableArray<YamlIntent>.Empty) }.ToEquatableArray());
        foreach (var value in new[] { "", "a\"b", "a\\b", "a\nb", "a\tb", "\u00e9", "\u2028", "\u0085", "a\u0000" })
        {
            Assert.False(BlockYamlWriter.TryWrite(One(value, ScalarStyle.DoubleQuoted), new StringBuilder()), value);
        }
        foreach (var value in new[] { "-1", "a b", "a:b", ".x", "a.b" })
        {
            Assert.False(BlockYamlWriter.TryWrite(One(value, ScalarStyle.Plain), new StringBuilder()), value);
        }
        foreach (var value in new[] { "", "a'b", " lead", "trail ", "a\tb", "\u00e9" })
        {
            Assert.False(BlockYamlWriter.TryWrite(One(value, ScalarStyle.SingleQuoted), new StringBuilder()), value);
        }
        var single = new StringBuilder();
        Assert.True(BlockYamlWriter.TryWrite(One("{{ env \"X\" }}", ScalarStyle.SingleQuoted), single));
        Assert.Equal(YamlFragmentWriter.Emitted(One("{{ env \"X\" }}", ScalarStyle.SingleQuoted)), single.ToString());
        Assert.True(BlockYamlWriter.TryWrite(One("${A:-} #not a comment: here", ScalarStyle.DoubleQuoted), new StringBuilder()));
    }
}
