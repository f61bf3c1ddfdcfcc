using System.Collections.Generic;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Privileges beyond the hardened default (<c>[Elevated]</c>): each needs a written justification,
    /// and its arguments must make sense for the privilege.
    /// </summary>
    internal static class ElevationRules
    {
        private static readonly Regex LinuxCapability = new("^[A-Z][A-Z_]{1,31}\\z", RegexOptions.CultureInvariant);

        public static void Check(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            var seen = new HashSet<Elevation>();
            for (var i = 0; i < s.Elevations.Count; i++)
            {
                var e = s.Elevations[i];
                var key = SiteKeys.Of("Elevated", i, "Elevation");
                if (!System.Enum.IsDefined(typeof(Elevation), e.Kind))
                {
                    invalid(key, "Elevation " + (int)e.Kind, "use a member of the Elevation enum");
                    continue;
                }
                if (!seen.Add(e.Kind))
                {
                    invalid(key, "Elevation." + e.Kind, "it is already requested; use one [Elevated] per privilege");
                }
                if (e.Kind == Elevation.CapAdd && e.Capabilities.Count == 0)
                {
                    invalid(key, "Elevation.CapAdd", "name the Linux capabilities to add, for example [Elevated(Elevation.CapAdd, \"NET_ADMIN\", Justification = \"...\")]");
                }
                if (e.Kind != Elevation.CapAdd && e.Capabilities.Count > 0)
                {
                    invalid(SiteKeys.Element(SiteKeys.Of("Elevated", i, "Capabilities"), 0), "capabilities of Elevation." + e.Kind, "capabilities are only given with Elevation.CapAdd");
                }
                for (var c = 0; c < e.Capabilities.Count; c++)
                {
                    if (!LinuxCapability.IsMatch(e.Capabilities[c]) || e.Capabilities[c].StartsWith("CAP_", System.StringComparison.Ordinal))
                    {
                        invalid(SiteKeys.Element(SiteKeys.Of("Elevated", i, "Capabilities"), c), "capability '" + ServiceRules.Shown(e.Capabilities[c]) + "'",
                            "use a Linux capability name without the CAP_ prefix, such as 'NET_ADMIN'");
                    }
                }
                if (e.Kind == Elevation.HostNetwork && s.Ports.Count > 0)
                {
                    invalid(key, "Elevation.HostNetwork", "a service on the host network cannot publish ports; remove [Publish]");
                }
                if (e.Justification is { } text && !ValueRules.IsSafeText(text))
                {
                    invalid(SiteKeys.Of("Elevated", i, "Justification"), "Justification", "control, line-break and invisible characters are not allowed");
                }
                else if (!ValueRules.IsJustification(e.Justification))
                {
                    findings.Add(Finding.For(Descriptors.ElevationWithoutJustification, s, key, s.Name, ComposeForm(e)));
                }
            }
        }

        /// <summary>How the privilege reads in compose.yaml, for messages and the audit.</summary>
        public static string ComposeForm(ElevationModel e) => e.Kind switch
        {
            Elevation.Privileged => "privileged: true",
            Elevation.HostNetwork => "network_mode: host",
            Elevation.HostPid => "pid: host",
            Elevation.HostIpc => "ipc: host",
            Elevation.HostUserns => "userns_mode: host",
            Elevation.CapAdd => "cap_add: [" + string.Join(", ", e.Capabilities) + "]",
            Elevation.SeccompUnconfined => "security_opt: seccomp:unconfined",
            _ => "Elevation " + (int)e.Kind,
        };

        public static bool IsJustified(ElevationModel e) => ValueRules.IsJustification(e.Justification);
    }
}
