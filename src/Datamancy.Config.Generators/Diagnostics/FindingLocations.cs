using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Diagnostics
{
    /// <summary>
    /// Resolves a finding's argument key (<c>ApiHost.DefaultAllowlist[1]</c>) to the most precise site recorded:
    /// the element, then the argument, then the attribute, then the class name. Used by the analyzers and the generator alike.
    /// </summary>
    internal static class FindingLocations
    {
        public static LocationInfo? Resolve(string siteKey, ServiceSites? owner)
        {
            if (owner is null)
            {
                return null;
            }
            var key = siteKey;
            while (key.Length > 0)
            {
                if (owner.Find(key) is { } location)
                {
                    return location;
                }
                var cut = System.Math.Max(key.LastIndexOf('.'), key.LastIndexOf('['));
                key = cut > 0 ? key.Substring(0, cut) : string.Empty;
            }
            return owner.Find("Class");
        }
    }
}
