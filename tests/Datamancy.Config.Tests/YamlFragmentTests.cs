using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Tests.Fuzzing;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests;

/// <summary>
/// compose.yaml is written as one fragment per service, each emitted on its own by YamlDotNet's emitter and indented
/// into place. These tests prove the join is the document the emitter writes in one piece — byte for byte, for every
/// test stack and for random hostile stacks — and that the emitted YAML (compose and Authelia) parses back with
/// YamlDotNet to the renderer's tree node by node: the same keys in the same order, the same values, and every scalar in
/// the style the renderer chose (a double-quoted string cannot come back as a number, a boolean or a structure).
/// </summary>
public sealed class YamlFragmentTests
{
    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Compose_joined_from_fragments_is_the_whole_document_byte_for_byte(string name)
    {
        var run = TestStacks.Run(name);
        Assert.False(run.Manifest!.Blocked, name + " does not render");
        var whole = ComposeRenderer.RenderWhole(run.Model());
        Assert.Equal(whole, run.Artifact("prod/compose.yaml"));
        Assert.Equal(whole, run.Artifact("dev/compose.yaml"));
        Assert.Equal(whole, ComposeRenderer.Render(run.Model()));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Authelia_written_by_the_fragment_writer_is_what_the_representation_model_serializes(string name)
    {
        var run = TestStacks.Run(name);
        var model = run.Model();
        if (model.WithRole(Datamancy.Config.Generators.Model.ServiceRole.Sso) is null)
        {
            return;
        }
        var (root, header) = AutheliaRenderer.Tree(model);
        Assert.Equal(Yaml.Serialize(root, header), run.Artifact("prod/authelia/configuration.yml"));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Emitted_yaml_parses_back_to_the_renderers_tree_node_by_node(string name)
    {
        var run = TestStacks.Run(name);
        var model = run.Model();
        var (compose, composeHeader) = ComposeRenderer.Tree(model);
        SameDocument(compose, composeHeader, run.Artifact("prod/compose.yaml"));
        if (model.WithRole(Datamancy.Config.Generators.Model.ServiceRole.Sso) is not null)
        {
            var (authelia, autheliaHeader) = AutheliaRenderer.Tree(model);
            SameDocument(authelia, autheliaHeader, run.Artifact("prod/authelia/configuration.yml"));
        }
    }

    [Fact]
    public void Random_hostile_stacks_join_to_the_whole_document_and_parse_back_to_their_tree()
    {
        var count = Seeded.Setting("DATAMANCY_FUZZ_ITERATIONS", 300) / 3;
        var compared = 0;
        for (var i = 0; i < count; i++)
        {
            var stack = FuzzTests.StackAt(i % 2 == 0 ? FuzzGen.Hostile : FuzzGen.Clean, Seeded.Seed + 16, i);
            var run = GeneratorOnlyHarness.RunGeneratorOnly(stack.ToSource());
            if (run.Manifest!.Blocked)
            {
                continue;
            }
            var model = run.Model();
            var text = run.Artifact("prod/compose.yaml");
            Assert.True(ComposeRenderer.RenderWhole(model) == text, "seed " + Seeded.Seed + ", iteration " + i + ": the joined compose.yaml differs from the whole document");
            var (root, header) = ComposeRenderer.Tree(model);
            SameDocument(root, header, text);
            compared++;
        }
        Assert.True(compared > count / 20, "too few rendered stacks to compare: " + compared);
    }

    [Fact]
    public void The_comparison_notices_a_changed_style_value_or_order()
    {
        var intent = new YamlMappingNode { { Yaml.Key("a"), Yaml.Str("1") }, { Yaml.Key("b"), Yaml.Int(2) } };
        SameDocument(intent, "", "a: \"1\"\nb: 2\n");
        Assert.ThrowsAny<Exception>(() => SameDocument(intent, "", "a: 1\nb: 2\n"));
        Assert.ThrowsAny<Exception>(() => SameDocument(intent, "", "a: \"2\"\nb: 2\n"));
        Assert.ThrowsAny<Exception>(() => SameDocument(intent, "", "b: 2\na: \"1\"\n"));
        Assert.ThrowsAny<Exception>(() => SameDocument(intent, "", "a: \"1\"\nb: [2]\n"));
    }

    private static void SameDocument(YamlNode intent, string header, string text)
    {
        Assert.StartsWith(header, text, StringComparison.Ordinal);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        Same(intent, Assert.Single(stream.Documents).RootNode, "");
    }

    private static void Same(YamlNode intent, YamlNode parsed, string path)
    {
        switch (intent)
        {
            case YamlScalarNode scalar:
                var back = Assert.IsType<YamlScalarNode>(parsed);
                Assert.True(scalar.Value == back.Value, path + ": '" + back.Value + "' instead of '" + scalar.Value + "'");
                Assert.True(scalar.Style == back.Style, path + ": " + back.Style + " instead of " + scalar.Style);
                break;
            case YamlSequenceNode sequence:
                var items = Assert.IsType<YamlSequenceNode>(parsed);
                Assert.True(sequence.Children.Count == items.Children.Count, path + ": " + items.Children.Count + " items instead of " + sequence.Children.Count);
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    Same(sequence.Children[i], items.Children[i], path + "[" + i + "]");
                }
                break;
            case YamlMappingNode mapping:
                var entries = Assert.IsType<YamlMappingNode>(parsed).Children.ToList();
                var expected = mapping.Children.ToList();
                Assert.True(expected.Count == entries.Count, path + ": " + entries.Count + " entries instead of " + expected.Count);
                for (var i = 0; i < expected.Count; i++)
                {
                    var key = ((YamlScalarNode)expected[i].Key).Value;
                    Same(expected[i].Key, entries[i].Key, path + "/" + key + " (key)");
                    Same(expected[i].Value, entries[i].Value, path + "/" + key);
                }
                break;
            default:
                throw new ArgumentException(intent.NodeType.ToString());
        }
    }
}
