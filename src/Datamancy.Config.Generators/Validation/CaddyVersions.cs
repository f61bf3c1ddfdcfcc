using System;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Known-vulnerable Caddy versions.</summary>
    internal static class CaddyVersions
    {
        /// <summary>Caddy 2.9.0 through 2.11.1 let a client forge headers that forward_auth copies (GHSA-7r4p-vjf4-gxv4).</summary>
        public static bool IsHeaderForgeryVulnerable(string image, out string version) =>
            IsHeaderForgeryVulnerable(image, null, out version);

        /// <summary>As above, with the version a <c>[CaddyBuild]</c> declares taking the place of the image tag.</summary>
        public static bool IsHeaderForgeryVulnerable(string image, string? declaredVersion, out string version)
        {
            version = declaredVersion ?? ValueRules.ImageTag(image) ?? string.Empty;
            var core = version.TrimStart('v').Split('-')[0];
            if (!Version.TryParse(core.Split('.').Length == 2 ? core + ".0" : core, out var parsed))
            {
                return false;
            }
            return parsed >= new Version(2, 9, 0) && parsed <= new Version(2, 11, 1);
        }

        /// <summary>A Caddy release as <c>[CaddyBuild]</c> declares it: <c>2.10</c> or <c>2.10.2</c>, optionally <c>v</c>-prefixed.</summary>
        public static bool IsVersion(string text) =>
            System.Text.RegularExpressions.Regex.IsMatch(text, @"^v?2\.[0-9]{1,3}(\.[0-9]{1,3})?$", System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
