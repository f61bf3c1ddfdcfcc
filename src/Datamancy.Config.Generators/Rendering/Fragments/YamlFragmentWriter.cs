using System;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Text;
using Datamancy.Config.Generators.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// Writes a <see cref="YamlIntent"/> with YamlDotNet's own emitter — the same events, settings and quoting as
    /// <see cref="Yaml.Serialize"/> (every string double-quoted, plain only where the renderer chose plain) — without
    /// building the representation model first. A fragment is a one-entry mapping emitted as its own document and
    /// indented to the depth where the join puts it: block YAML indents every level by the same two spaces, so the
    /// text is byte for byte what the emitter writes for the same entry inside the whole document (the snapshot
    /// tests and <c>YamlFragmentTests</c> prove it).
    /// </summary>
    internal static class YamlFragmentWriter
    {
        private static readonly EmitterSettings Settings = EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n");

        [ThreadStatic]
        private static StringBuilder? _buffer;

        /// <summary>
        /// One document: the same text as <see cref="Yaml.Serialize"/> of the equivalent node, without the header. Trees
        /// with nothing to escape or analyse take <see cref="BlockYamlWriter"/>; every other tree the emitter itself.
        /// </summary>
        public static string Document(YamlIntent root)
        {
            var buffer = _buffer ??= new StringBuilder(4096);
            buffer.Clear();
            if (BlockYamlWriter.TryWrite(root, buffer))
            {
                return Take(buffer, buffer.Length);
            }
            return Emitted(root);
        }

        /// <summary>One document written by YamlDotNet's emitter, whatever the tree holds.</summary>
        public static string Emitted(YamlIntent root)
        {
            var buffer = _buffer ??= new StringBuilder(4096);
            buffer.Clear();
            using (var writer = new StringWriter(buffer, CultureInfo.InvariantCulture) { NewLine = "\n" })
            {
                var emitter = new Emitter(writer, Settings);
                emitter.Emit(new StreamStart());
                emitter.Emit(new DocumentStart());
                Emit(emitter, root);
                emitter.Emit(new DocumentEnd(isImplicit: false));
                emitter.Emit(new StreamEnd());
            }
            const string documentEnd = "...\n";
            var length = buffer.Length;
            if (length >= documentEnd.Length && buffer[length - 4] == '.' && buffer[length - 3] == '.' && buffer[length - 2] == '.' && buffer[length - 1] == '\n')
            {
                length -= documentEnd.Length;
            }
            return Take(buffer, length);
        }

        private static string Take(StringBuilder buffer, int length)
        {
            var text = buffer.ToString(0, length);
            if (buffer.Capacity > 1 << 20)
            {
                _buffer = null; // do not keep a huge buffer alive for the life of the compiler process
            }
            return text;
        }

        /// <summary>
        /// The mapping entry <paramref name="key"/>: <paramref name="value"/> as it reads at <paramref name="depth"/>
        /// levels inside a block mapping: every line indented by two spaces per level.
        /// </summary>
        public static string Entry(YamlIntent key, YamlIntent value, int depth)
        {
            var document = Document(new YamlIntent(YamlIntentKind.Mapping, string.Empty, ScalarStyle.Any, new EquatableArray<YamlIntent>(ImmutableArray.Create(key, value))));
            return Indent(document, depth * 2);
        }

        private static string Indent(string text, int spaces)
        {
            if (spaces == 0 || text.Length == 0)
            {
                return text;
            }
            var pad = new string(' ', spaces);
            var result = new StringBuilder(text.Length + (spaces * 64));
            var start = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('\n', start);
                var stop = end < 0 ? text.Length : end + 1;
                result.Append(pad).Append(text, start, stop - start);
                start = stop;
            }
            return result.ToString();
        }

        private static void Emit(IEmitter emitter, YamlIntent node)
        {
            switch (node.Kind)
            {
                case YamlIntentKind.Scalar:
                    emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, node.Value, node.Style, true, false));
                    break;
                case YamlIntentKind.Sequence:
                    emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Any));
                    foreach (var item in node.Items)
                    {
                        Emit(emitter, item);
                    }
                    emitter.Emit(new SequenceEnd());
                    break;
                default:
                    emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Any));
                    foreach (var item in node.Items)
                    {
                        Emit(emitter, item);
                    }
                    emitter.Emit(new MappingEnd());
                    break;
            }
        }
    }
}
