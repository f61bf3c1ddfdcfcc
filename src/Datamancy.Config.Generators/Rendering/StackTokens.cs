using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// <c>{stack.domain}</c>-style tokens in environment values, replaced when rendering so that an
    /// application's URLs follow the one domain setting (and its MSBuild override).
    /// </summary>
    internal static class StackTokens
    {
        private static readonly Regex Token = new(@"\{stack\.([a-z_]+)\}", RegexOptions.CultureInvariant);

        public static readonly string[] Names = { "domain", "base_dn", "portal_url", "name", "frontend_subnet", "backend_subnet", "database_subnet" };

        /// <summary>The subnet tokens a value uses whose network has no fixed subnet (<c>[Stack(FrontendSubnet = ...)]</c>).</summary>
        public static IEnumerable<string> UnsetSubnets(string value, StackModel stack) =>
            value.IndexOf("_subnet}", System.StringComparison.Ordinal) < 0 ? Enumerable.Empty<string>() : Token.Matches(value).Cast<Match>().Select(m => m.Groups[1].Value).Where(n => n.EndsWith("_subnet", System.StringComparison.Ordinal) && Subnet(n, stack) is null).Distinct();

        /// <summary>The value may hold a token (most hold none, and the rules read every value).</summary>
        private static bool HasToken(string value) => value.IndexOf("{stack.", System.StringComparison.Ordinal) >= 0;

        private static string? Subnet(string token, StackModel stack) => token switch
        {
            "frontend_subnet" => stack.Settings.More.FrontendSubnet,
            "backend_subnet" => stack.Settings.More.BackendSubnet,
            "database_subnet" => stack.Settings.More.DatabaseSubnet,
            _ => null,
        };

        /// <summary>The token names used in a value that are not known.</summary>
        public static IEnumerable<string> Unknown(string value) =>
            !HasToken(value) ? Enumerable.Empty<string>() : Token.Matches(value).Cast<Match>().Select(m => m.Groups[1].Value).Where(n => System.Array.IndexOf(Names, n) < 0);

        /// <summary>
        /// The value with every known token replaced (an unknown one, or an unset subnet, stays as written): what
        /// <c>Token.Replace</c> does, by one scan, as every environment value of every service passes through here.
        /// </summary>
        public static string Expand(string value, StackModel stack)
        {
            const string open = "{stack.";
            var at = value.IndexOf(open, System.StringComparison.Ordinal);
            if (at < 0)
            {
                return value;
            }
            var text = new System.Text.StringBuilder(value.Length + 32);
            var copied = 0;
            while (at >= 0)
            {
                var end = at + open.Length;
                while (end < value.Length && (value[end] is >= 'a' and <= 'z' || value[end] == '_'))
                {
                    end++;
                }
                if (end > at + open.Length && end < value.Length && value[end] == '}')
                {
                    var token = value.Substring(at + open.Length, end - at - open.Length);
                    text.Append(value, copied, at - copied).Append(Value(token, stack) ?? value.Substring(at, end + 1 - at));
                    copied = end + 1;
                    at = value.IndexOf(open, copied, System.StringComparison.Ordinal);
                }
                else
                {
                    at = value.IndexOf(open, at + 1, System.StringComparison.Ordinal);
                }
            }
            return text.Append(value, copied, value.Length - copied).ToString();
        }

        private static string? Value(string token, StackModel stack) => token switch
        {
            "domain" => stack.Domain,
            "base_dn" => BaseDn(stack.Domain),
            "portal_url" => "https://" + stack.PortalFqdn(),
            "name" => stack.Settings.Name,
            "frontend_subnet" or "backend_subnet" or "database_subnet" => Subnet(token, stack),
            _ => null,
        };

        public static string BaseDn(string domain) => string.Join(",", domain.Split('.').Select(label => "dc=" + label));
    }
}
