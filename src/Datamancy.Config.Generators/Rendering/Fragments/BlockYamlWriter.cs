using System.Text;
using YamlDotNet.Core;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// The common case of <see cref="YamlFragmentWriter"/> without the emitter's per-scalar analysis: a block mapping or
    /// sequence whose every scalar is either double-quoted printable ASCII without <c>"</c> or <c>\</c> (nothing to
    /// escape), a single-quoted value of printable ASCII without <c>'</c> or edge spaces (Authelia's template filters), or
    /// plain from the key alphabet (<c>[A-Za-z0-9_][A-Za-z0-9_-]*</c>, the only plain values the renderers write: keys,
    /// integers, booleans), keys of at most <see cref="MaxKeyLength"/> characters and no sequence directly
    /// in a sequence. For such a tree YamlDotNet's emitter writes exactly this layout (two-space mappings, sequences
    /// indentless under their key, <c>{}</c>/<c>[]</c> for empty collections); anything else — an escape, a Unicode
    /// character, a long key, another style — is left to the emitter itself (<see cref="TryWrite"/> returns false), so
    /// the writer is never less strict than the emitter. <c>YamlFragmentTests</c> and <c>BlockYamlWriterTests</c>
    /// compare both byte for byte over every test stack, random hostile stacks and random trees.
    /// </summary>
    internal static class BlockYamlWriter
    {
        /// <summary>Longer keys are left to the emitter, which may write them as explicit (<c>? key</c>) keys.</summary>
        public const int MaxKeyLength = 100;

        /// <summary>Writes <paramref name="root"/> when it is in the subset described above; otherwise writes nothing and returns false.</summary>
        public static bool TryWrite(YamlIntent root, StringBuilder text)
        {
            if (root.Kind == YamlIntentKind.Scalar || root.Items.Count == 0 || !Fits(root, inSequence: false))
            {
                return false;
            }
            if (root.Kind == YamlIntentKind.Mapping)
            {
                Mapping(root, 0, inline: false, text);
            }
            else
            {
                Sequence(root, 0, text);
            }
            return true;
        }

        private static bool Fits(YamlIntent node, bool inSequence)
        {
            switch (node.Kind)
            {
                case YamlIntentKind.Scalar:
                    return IsSimpleScalar(node, key: false);
                case YamlIntentKind.Sequence:
                    if (inSequence && node.Items.Count > 0)
                    {
                        return false;
                    }
                    foreach (var item in node.Items)
                    {
                        if (!Fits(item, inSequence: true))
                        {
                            return false;
                        }
                    }
                    return true;
                default:
                    for (var i = 0; i < node.Items.Count; i += 2)
                    {
                        var key = node.Items[i];
                        if (key.Kind != YamlIntentKind.Scalar || key.Value.Length > MaxKeyLength || !IsSimpleScalar(key, key: true) || !Fits(node.Items[i + 1], inSequence: false))
                        {
                            return false;
                        }
                    }
                    return true;
            }
        }

        private static bool IsSimpleScalar(YamlIntent scalar, bool key)
        {
            var value = scalar.Value;
            if (value.Length == 0)
            {
                return false;
            }
            if (scalar.Style == ScalarStyle.DoubleQuoted)
            {
                foreach (var c in value)
                {
                    if (c < ' ' || c > '~' || c == '"' || c == '\\')
                    {
                        return false;
                    }
                }
                return true;
            }
            if (scalar.Style == ScalarStyle.SingleQuoted)
            {
                // A value only (the renderers quote no key so); no quote to double, no edge space for the emitter to weigh.
                if (key || value[0] == ' ' || value[value.Length - 1] == ' ')
                {
                    return false;
                }
                foreach (var c in value)
                {
                    if (c < ' ' || c > '~' || c == '\'')
                    {
                        return false;
                    }
                }
                return true;
            }
            if (scalar.Style == ScalarStyle.Plain)
            {
                if (!(value[0] is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
                {
                    return false;
                }
                foreach (var c in value)
                {
                    if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-'))
                    {
                        return false;
                    }
                }
                return true;
            }
            return false;
        }

        private static void Scalar(YamlIntent scalar, StringBuilder text)
        {
            if (scalar.Style == ScalarStyle.DoubleQuoted)
            {
                text.Append('"').Append(scalar.Value).Append('"');
            }
            else if (scalar.Style == ScalarStyle.SingleQuoted)
            {
                text.Append('\'').Append(scalar.Value).Append('\'');
            }
            else
            {
                text.Append(scalar.Value);
            }
        }

        /// <param name="inline">The first key goes on the current line (after a sequence's <c>- </c>).</param>
        private static void Mapping(YamlIntent mapping, int indent, bool inline, StringBuilder text)
        {
            for (var i = 0; i < mapping.Items.Count; i += 2)
            {
                if (i > 0 || !inline)
                {
                    text.Append(' ', indent);
                }
                Scalar(mapping.Items[i], text);
                var value = mapping.Items[i + 1];
                if (value.Kind == YamlIntentKind.Scalar)
                {
                    text.Append(": ");
                    Scalar(value, text);
                    text.Append('\n');
                }
                else if (value.Items.Count == 0)
                {
                    text.Append(value.Kind == YamlIntentKind.Mapping ? ": {}\n" : ": []\n");
                }
                else if (value.Kind == YamlIntentKind.Mapping)
                {
                    text.Append(":\n");
                    Mapping(value, indent + 2, inline: false, text);
                }
                else
                {
                    text.Append(":\n");
                    Sequence(value, indent, text); // a block sequence under a mapping key is indentless
                }
            }
        }

        private static void Sequence(YamlIntent sequence, int indent, StringBuilder text)
        {
            foreach (var item in sequence.Items)
            {
                text.Append(' ', indent).Append("- ");
                if (item.Kind == YamlIntentKind.Scalar)
                {
                    Scalar(item, text);
                    text.Append('\n');
                }
                else if (item.Items.Count == 0)
                {
                    text.Append(item.Kind == YamlIntentKind.Mapping ? "{}\n" : "[]\n");
                }
                else
                {
                    Mapping(item, indent + 2, inline: true, text); // Fits() leaves sequences in sequences to the emitter
                }
            }
        }
    }
}
