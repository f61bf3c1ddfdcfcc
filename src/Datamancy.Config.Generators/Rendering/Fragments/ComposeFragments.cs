using System.Collections.Generic;
using System.Linq;
using System.Text;
using Datamancy.Config.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// The input of one service's compose fragment: the service's model and the stack facts its block reads (profiles,
    /// derived secrets, link networks, backup mounts, dependency conditions, the stack's default limits). The block's tree
    /// is built from it in the fragment's own step, so an edit to another service leaves this input equal (its fragment
    /// stays cached) unless that edit changes a fact this block reads.
    /// </summary>
    internal sealed record ServiceFragmentInput(ServiceModel Service, ComposeServiceFacts Facts)
    {
        /// <summary>The service's name, its key under <c>services:</c>.</summary>
        public string Name => Service.Name;
    }

    /// <summary>One service's rendered compose text, or the internal error that stopped it (<c>Type|Method</c>).</summary>
    internal sealed record ServiceFragment(string Name, string Text, string? Error);

    /// <summary>
    /// compose.yaml cut at its services: the text above them (header, <c>name</c>, <c>services:</c>), one fragment per
    /// service, and the text below them (<c>networks</c>, <c>volumes</c>). A stack without services is one piece
    /// (<see cref="Head"/>), as the emitter writes an empty mapping inline.
    /// </summary>
    internal sealed record ComposePlan(string Head, EquatableArray<ServiceFragmentInput> Services, string Tail);

    internal static class ComposeFragments
    {
        private const string ServicesKey = "services";

        /// <summary>The text above and below the services, and each service's fragment input (no service's tree is built here).</summary>
        public static ComposePlan Plan(StackModel stack)
        {
            var inputs = ComposeFacts.Inputs(stack);
            var (root, header) = ComposeRenderer.Document(stack, inputs, Yaml.Map());
            if (inputs.Count == 0)
            {
                return new ComposePlan(Yaml.Serialize(root, header), EquatableArray<ServiceFragmentInput>.Empty, string.Empty);
            }
            var above = new List<YamlIntent>();
            var below = new List<YamlIntent>();
            var seen = false;
            foreach (var entry in root.Children)
            {
                if (entry.Key is YamlScalarNode { Value: ServicesKey })
                {
                    seen = true;
                    continue;
                }
                var list = seen ? below : above;
                list.Add(YamlIntent.From(entry.Key));
                list.Add(YamlIntent.From(entry.Value));
            }
            var head = header + Part(above) + ServicesKey + ":\n";
            return new ComposePlan(head, inputs, Part(below));
        }

        /// <summary>The service's entry, built from its input and indented one level as it stands under <c>services:</c>.</summary>
        public static ServiceFragment Emit(ServiceFragmentInput input) =>
            new(input.Name, YamlFragmentWriter.Entry(YamlIntent.From(Yaml.Key(input.Name)), YamlIntent.From(ComposeServiceBlock.Tree(input.Service, input.Facts)), depth: 1), null);

        /// <summary>The fragments joined between the text above and below them.</summary>
        public static string Join(ComposePlan plan, IReadOnlyList<ServiceFragment> fragments)
        {
            var length = plan.Head.Length + plan.Tail.Length;
            foreach (var fragment in fragments)
            {
                length += fragment.Text.Length;
            }
            var text = new StringBuilder(length);
            text.Append(plan.Head);
            foreach (var fragment in fragments)
            {
                text.Append(fragment.Text);
            }
            return text.Append(plan.Tail).ToString();
        }

        /// <summary>Plans, emits every fragment and joins them in one call (the render-only path and the tests).</summary>
        public static string Render(ComposePlan plan) => Join(plan, plan.Services.Select(Emit).ToList());

        private static string Part(List<YamlIntent> entries) =>
            entries.Count == 0 ? string.Empty : YamlFragmentWriter.Document(new YamlIntent(YamlIntentKind.Mapping, string.Empty, ScalarStyle.Any, entries.ToEquatableArray()));
    }
}
