using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Renders <c>exposure.json</c>: what the internet can reach, from the model, in a machine-readable form the
    /// emission step compares between builds (EXPOSURE-CHANGES.md) instead of re-parsing Caddyfiles. One object per
    /// routed host (kind, SSO mode, policy, groups, bypass rules, allowlist variable and default, second factors), the
    /// published ports, docker socket mounts and privileges beyond the hardened default. Keys and arrays are in a stable order.
    /// </summary>
    internal static class ExposureRenderer
    {
        public const string FileName = "exposure.json";

        /// <summary>The whole file, put together from the same pieces the pipeline renders one by one (<see cref="Fragments.ExposureParts"/>).</summary>
        public static string Render(StackModel stack) => Fragments.TextParts.Render(Fragments.ExposureParts.Plan(stack));

        /// <summary>A JSON object on one line, members in the given order.</summary>
        internal static string Object(params (string Key, string Json)[] members) =>
            "{ " + string.Join(", ", members.Select(m => Str(m.Key) + ": " + m.Json)) + " }";

        /// <summary>A JSON array of strings on one line.</summary>
        internal static string Array(IEnumerable<string> values) => "[" + string.Join(", ", values.Select(Str)) + "]";

        /// <summary>A JSON string: quotes, backslashes and every control or non-ASCII character escaped.</summary>
        internal static string Str(string value)
        {
            var b = new StringBuilder("\"");
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': b.Append("\\\""); break;
                    case '\\': b.Append("\\\\"); break;
                    default:
                        if (c < 0x20 || c > 0x7e)
                        {
                            b.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            b.Append(c);
                        }
                        break;
                }
            }
            return b.Append('"').ToString();
        }
    }
}
