using System;

namespace Datamancy.Config
{
    /// <summary>
    /// A container privilege that the hardened default denies. Each is an explicit exception:
    /// it needs a written <see cref="ElevatedAttribute.Justification"/> (otherwise the build fails with DMC3011),
    /// is rendered into compose.yaml only when justified, and is listed in SECURITY-AUDIT.md.
    /// </summary>
    public enum Elevation
    {
        /// <summary><c>privileged: true</c>: every kernel capability and every device.</summary>
        Privileged = 0,
        /// <summary><c>network_mode: host</c>: the host's network stack; the service leaves the stack's networks.</summary>
        HostNetwork = 1,
        /// <summary><c>pid: host</c>: sees and signals every process of the host.</summary>
        HostPid = 2,
        /// <summary><c>ipc: host</c>: the host's shared memory and semaphores.</summary>
        HostIpc = 3,
        /// <summary><c>userns_mode: host</c>: no user-namespace remapping.</summary>
        HostUserns = 4,
        /// <summary><c>cap_add</c>: Linux capabilities added back after <c>cap_drop: [ALL]</c>.</summary>
        CapAdd = 5,
        /// <summary><c>security_opt: seccomp:unconfined</c>: no system-call filter.</summary>
        SeccompUnconfined = 6,
    }

    /// <summary>
    /// Requests one privilege beyond the hardened default, with the reason. Example:
    /// <c>[Elevated(Elevation.CapAdd, "NET_ADMIN", Justification = "WireGuard configures its interface.")]</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ElevatedAttribute : Attribute
    {
        /// <summary>Requests a privilege.</summary>
        /// <param name="elevation">The privilege.</param>
        /// <param name="capabilities">For <see cref="Elevation.CapAdd"/> only: the Linux capabilities, for example <c>NET_ADMIN</c>.</param>
        public ElevatedAttribute(Elevation elevation, params string[] capabilities)
        {
            Elevation = elevation;
            Capabilities = capabilities;
        }

        /// <summary>The privilege.</summary>
        public Elevation Elevation { get; }

        /// <summary>The Linux capabilities added with <see cref="Elevation.CapAdd"/>.</summary>
        public string[] Capabilities { get; }

        /// <summary>Why the service cannot run without it; required.</summary>
        public string? Justification { get; set; }
    }
}
