using System;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Known-vulnerable Caddy versions.</summary>
    internal static class CaddyVersions
    {
        /// <summary>Caddy 2.9.0 through 2.11.1 let a client forge headers that forward_auth copies (GHSA-7r4p-vjf4-gxv4).</summary>
        public static bool IsHeaderForgeryVulnerable(string image, out string version)
        {
            version = ValueRules.ImageTag(image) ?? string.Empty;
            var core = version.Split('-')[0];
            if (!Version.TryParse(core.Split('.').Length == 2 ? core + ".0" : core, out var parsed))
            {
                return false;
            }
            return parsed >= new Version(2, 9, 0) && parsed <= new Version(2, 11, 1);
        }
    }
}
