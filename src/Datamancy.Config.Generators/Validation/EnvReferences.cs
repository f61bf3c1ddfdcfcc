using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// <c>${NAME}</c> references in environment values. They are the one way an environment value
    /// reads a secret; every other <c>$</c> is a literal and is escaped as <c>$$</c> in compose.
    /// </summary>
    internal static class EnvReferences
    {
        private static readonly Regex Reference = new(@"\$\{([A-Z_][A-Z0-9_]*)\}", RegexOptions.CultureInvariant);

        public static IEnumerable<string> Names(string value)
        {
            foreach (Match match in Reference.Matches(value))
            {
                yield return match.Groups[1].Value;
            }
        }

        /// <summary>True when the value is built only from references to declared secrets and non-secret text around them.</summary>
        public static bool OnlyReferencesDeclared(string value, ISet<string> declared)
        {
            var any = false;
            foreach (var name in Names(value))
            {
                if (!declared.Contains(name))
                {
                    return false;
                }
                any = true;
            }
            return any;
        }

        /// <summary>
        /// Escapes every literal <c>$</c> for compose and writes each <c>${NAME}</c> reference through
        /// <paramref name="reference"/> (validation has already rejected references to undeclared secrets).
        /// </summary>
        public static string ForCompose(string value, System.Func<string, string> reference)
        {
            if (value.IndexOf('$') < 0)
            {
                return value; // nothing to escape and no reference: most values
            }
            var builder = new System.Text.StringBuilder();
            var last = 0;
            foreach (Match match in Reference.Matches(value))
            {
                builder.Append(value.Substring(last, match.Index - last).Replace("$", "$$"));
                builder.Append(reference(match.Groups[1].Value));
                last = match.Index + match.Length;
            }
            builder.Append(value.Substring(last).Replace("$", "$$"));
            return builder.ToString();
        }
    }
}
