using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering.Kubernetes
{
    /// <summary>The Pod Security Standards levels, weakest first.</summary>
    internal enum PodSecurityLevel { Privileged = 0, Baseline = 1, Restricted = 2 }

    /// <summary>What a service's pod needs beyond <c>restricted</c> (and beyond <c>baseline</c>), and so the level it meets.</summary>
    internal sealed record PodSecurityProfile(ServiceModel Service, IReadOnlyList<string> BeyondRestricted, IReadOnlyList<string> BeyondBaseline)
    {
        public PodSecurityLevel Level =>
            BeyondBaseline.Count > 0 ? PodSecurityLevel.Privileged : BeyondRestricted.Count > 0 ? PodSecurityLevel.Baseline : PodSecurityLevel.Restricted;
    }

    /// <summary>
    /// Which Pod Security Standards level each pod meets, from the same facts the workload renderer writes: the namespace
    /// enforces the weakest level any pod needs, warns and audits at <c>restricted</c>, and the audit lists every exception.
    /// </summary>
    internal static class PodSecurity
    {
        /// <summary>The capabilities <c>baseline</c> allows a container to add (Pod Security Standards, "Capabilities").</summary>
        public static readonly string[] BaselineCapabilities =
            { "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT" };

        public static IEnumerable<Elevation> Elevations(ServiceModel service) =>
            service.Elevations.Where(ElevationRules.IsJustified).Select(e => e.Kind).Distinct();

        public static IReadOnlyList<string> AddedCapabilities(ServiceModel service) =>
            service.Elevations.Where(e => e.Kind == Elevation.CapAdd && ElevationRules.IsJustified(e)).SelectMany(e => e.Capabilities)
                .Select(c => c.StartsWith("CAP_", System.StringComparison.Ordinal) ? c.Substring(4) : c).Distinct().ToList();

        /// <summary>True when the pod can set <c>runAsNonRoot: true</c>: the descriptor sets a numeric, non-zero user.</summary>
        public static bool RunsAsNonRoot(ServiceModel service) => KubernetesValues.NumericUser(service.User) is { Uid: > 0 };

        public static PodSecurityProfile Of(ServiceModel service)
        {
            var restricted = new List<string>();
            var baseline = new List<string>();
            if (!RunsAsNonRoot(service))
            {
                restricted.Add(service.User is null
                    ? "no User is set, so the image may run as root (set User = \"uid:gid\" to run as non-root)"
                    : "User '" + service.User + "' is root or a name, which Kubernetes cannot verify as non-root (use a numeric uid)");
            }
            foreach (var capability in AddedCapabilities(service))
            {
                if (capability != "NET_BIND_SERVICE")
                {
                    (BaselineCapabilities.Contains(capability) ? restricted : baseline).Add("adds the capability " + capability);
                }
            }
            foreach (var elevation in Elevations(service))
            {
                switch (elevation)
                {
                    case Elevation.Privileged: baseline.Add("runs privileged"); break;
                    case Elevation.HostNetwork: baseline.Add("uses the host network"); break;
                    case Elevation.HostPid: baseline.Add("uses the host PID namespace"); break;
                    case Elevation.HostIpc: baseline.Add("uses the host IPC namespace"); break;
                    case Elevation.SeccompUnconfined: baseline.Add("runs without a seccomp profile (Unconfined)"); break;
                }
            }
            if (service.DockerSocket is not null)
            {
                baseline.Add("mounts the Docker socket as a hostPath volume");
            }
            return new PodSecurityProfile(service, restricted, baseline);
        }

        /// <summary>The level the namespace enforces: the weakest level any pod needs.</summary>
        public static PodSecurityLevel NamespaceLevel(StackModel stack) =>
            stack.Services.Select(s => Of(s).Level).DefaultIfEmpty(PodSecurityLevel.Restricted).Min();

        public static string Label(this PodSecurityLevel level) => level switch
        {
            PodSecurityLevel.Restricted => "restricted",
            PodSecurityLevel.Baseline => "baseline",
            _ => "privileged",
        };
    }
}
