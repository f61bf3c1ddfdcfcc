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
            Token.Matches(value).Cast<Match>().Select(m => m.Groups[1].Value).Where(n => n.EndsWith("_subnet", System.StringComparison.Ordinal) && Subnet(n, stack) is null).Distinct();

        private static string? Subnet(string token, StackModel stack) => token switch
        {
            "frontend_subnet" => stack.Settings.More.FrontendSubnet,
            "backend_subnet" => stack.Settings.More.BackendSubnet,
            "database_subnet" => stack.Settings.More.DatabaseSubnet,
            _ => null,
        };

        /// <summary>The token names used in a value that are not known.</summary>
        public static IEnumerable<string> Unknown(string value) =>
            Token.Matches(value).Cast<Match>().Select(m => m.Groups[1].Value).Where(n => System.Array.IndexOf(Names, n) < 0);

        public static string Expand(string value, StackModel stack) =>
            value.IndexOf("{stack.", System.StringComparison.Ordinal) < 0 ? value : Token.Replace(value, match => match.Groups[1].Value switch
            {
                "domain" => stack.Domain,
                "base_dn" => BaseDn(stack.Domain),
                "portal_url" => "https://" + stack.PortalFqdn(),
                "name" => stack.Settings.Name,
                "frontend_subnet" or "backend_subnet" or "database_subnet" => Subnet(match.Groups[1].Value, stack) ?? match.Value,
                _ => match.Value,
            });

        public static string BaseDn(string domain) => string.Join(",", domain.Split('.').Select(label => "dc=" + label));
    }
}
