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

        /// <summary>Adds the entry only when <paramref name="value"/> is not null.</summary>
        public static YamlMappingNode With(this YamlMappingNode map, string key, YamlNode? value)
        {
            if (value is not null)
            {
                map.Add(new YamlScalarNode(key), value);
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
