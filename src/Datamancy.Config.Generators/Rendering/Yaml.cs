using System.Collections.Generic;
using System.Globalization;
using System.IO;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Builds YAML with YamlDotNet's representation model. Every string is double-quoted by the
    /// emitter, so no value can be read back as another type (<c>no</c>, <c>0755</c>, <c>1e3</c>) or change the structure.
    /// </summary>
    internal static class Yaml
    {
        public static YamlScalarNode Str(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

        /// <summary>
        /// An Authelia template action (<c>{{ env "NAME" }}</c>), single-quoted so its inner double quotes
        /// reach the template engine unescaped; the engine runs on the raw text before YAML parsing.
        /// </summary>
        public static YamlScalarNode Template(string action) => new(action) { Style = ScalarStyle.SingleQuoted };

        public static YamlScalarNode Int(int value) => new(value.ToString(CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };

        public static YamlScalarNode Bool(bool value) => new(value ? "true" : "false") { Style = ScalarStyle.Plain };

        public static YamlSequenceNode Seq(IEnumerable<YamlNode> items) => new(items);

        public static YamlSequenceNode Strs(IEnumerable<string> items)
        {
            var sequence = new YamlSequenceNode();
            foreach (var item in items)
            {
                sequence.Add(Str(item));
            }
            return sequence;
        }

        public static YamlMappingNode Map() => new();

        /// <summary>
        /// A mapping key. Keys are as strict as values: a key is plain only when it is a string under YAML 1.1 (PyYAML,
        /// docker-compose 1.x) and YAML 1.2 (Compose v2, Authelia) alike — a letter or '_' first, then letters, digits,
        /// '_' or '-', and not one of the boolean or null words (<c>no</c>, <c>ON</c>, <c>y</c>, <c>null</c>…).
        /// Every other key (<c>0123</c>, <c>1e3</c>, <c>~</c>, <c>no</c>) is double-quoted, so it stays the string it is
        /// and two names never collapse into one key.
        /// </summary>
        public static YamlScalarNode Key(string key) =>
            new(key) { Style = IsPlainSafe(key) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted };

        private static readonly HashSet<string> ReservedWords = new(System.StringComparer.OrdinalIgnoreCase)
        {
            "y", "n", "yes", "no", "true", "false", "on", "off", "null",
        };

        private static bool IsPlainSafe(string key)
        {
            if (key.Length == 0 || !(key[0] is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_') || ReservedWords.Contains(key))
            {
                return false;
            }
            foreach (var c in key)
            {
                if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_' or '-'))
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>Adds the entry only when <paramref name="value"/> is not null.</summary>
        public static YamlMappingNode With(this YamlMappingNode map, string key, YamlNode? value)
        {
            if (value is not null)
            {
                map.Add(Key(key), value);
            }
            return map;
        }

        /// <summary>Serializes one document with <c>\n</c> newlines and no line folding.</summary>
        public static string Serialize(YamlNode root, string header)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            var emitter = new Emitter(writer, EmitterSettings.Default.WithBestWidth(int.MaxValue).WithNewLine("\n"));
            new YamlStream(new YamlDocument(root)).Save(emitter, assignAnchors: false);
            var text = writer.ToString();
            const string documentEnd = "...\n";
            if (text.EndsWith(documentEnd, System.StringComparison.Ordinal))
            {
                text = text.Substring(0, text.Length - documentEnd.Length);
            }
            return header + text;
        }
    }
}
