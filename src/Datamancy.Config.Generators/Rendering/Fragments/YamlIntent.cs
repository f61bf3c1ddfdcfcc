using System;
using System.Collections.Immutable;
using Datamancy.Config.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>What a YAML node is: a scalar, a sequence or a mapping.</summary>
    internal enum YamlIntentKind
    {
        Scalar,
        Sequence,
        Mapping,
    }

    /// <summary>
    /// A YAML tree compared by value: what a renderer means to write, before the emitter writes it. It is the key of a
    /// cached render fragment, so two fragments are equal exactly when they would be emitted to equal text. A mapping
    /// keeps its entries as key, value, key, value… in <see cref="Items"/>, in order.
    /// </summary>
    internal sealed record YamlIntent(YamlIntentKind Kind, string Value, ScalarStyle Style, EquatableArray<YamlIntent> Items)
    {
        /// <summary>The intent of a tree built with YamlDotNet's representation model (no anchors, no tags: the renderers set neither).</summary>
        public static YamlIntent From(YamlNode node)
        {
            switch (node)
            {
                case YamlScalarNode scalar:
                    return new YamlIntent(YamlIntentKind.Scalar, scalar.Value ?? string.Empty, scalar.Style, EquatableArray<YamlIntent>.Empty);
                case YamlSequenceNode sequence:
                    var children = ImmutableArray.CreateBuilder<YamlIntent>(sequence.Children.Count);
                    foreach (var child in sequence.Children)
                    {
                        children.Add(From(child));
                    }
                    return new YamlIntent(YamlIntentKind.Sequence, string.Empty, ScalarStyle.Any, new EquatableArray<YamlIntent>(children.MoveToImmutable()));
                case YamlMappingNode mapping:
                    var items = ImmutableArray.CreateBuilder<YamlIntent>(mapping.Children.Count * 2);
                    foreach (var entry in mapping.Children)
                    {
                        items.Add(From(entry.Key));
                        items.Add(From(entry.Value));
                    }
                    return new YamlIntent(YamlIntentKind.Mapping, string.Empty, ScalarStyle.Any, new EquatableArray<YamlIntent>(items.MoveToImmutable()));
                default:
                    throw new ArgumentException("Unsupported YAML node " + node.NodeType, nameof(node));
            }
        }

        /// <summary>Number of entries of a mapping, items of a sequence.</summary>
        public int Count => Kind == YamlIntentKind.Mapping ? Items.Count / 2 : Items.Count;
    }
}
