using System.Text.Json.Nodes;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>
/// The Pod Security Standards (kubernetes.io/docs/concepts/security/pod-security-standards), written from the published
/// controls, independent of the generator: <see cref="Check"/> returns each control a pod template breaks, per level.
/// </summary>
public static class PodSecurityStandard
{
    public const string Privileged = "privileged";
    public const string Baseline = "baseline";
    public const string Restricted = "restricted";

    private static readonly HashSet<string> BaselineCapabilities = new(StringComparer.Ordinal)
        { "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT" };

    private static readonly HashSet<string> SafeSysctls = new(StringComparer.Ordinal)
    {
        "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies",
        "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
        "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes",
    };

    private static readonly HashSet<string> SeLinuxTypes = new(StringComparer.Ordinal) { "", "container_t", "container_init_t", "container_kvm_t", "container_engine_t" };

    private static readonly HashSet<string> RestrictedVolumeSources = new(StringComparer.Ordinal)
        { "configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret" };

    /// <summary>The controls a pod template breaks: (level the control belongs to, what).</summary>
    public static List<(string Level, string Control)> Check(JsonObject template)
    {
        var found = new List<(string, string)>();
        var annotations = template["metadata"]?["annotations"] as JsonObject;
        var spec = (JsonObject)template["spec"]!;
        var pod = spec["securityContext"] as JsonObject;
        var containers = new[] { "containers", "initContainers", "ephemeralContainers" }.SelectMany(k => spec[k].Objects()).ToList();
        void Baseline(string control) => found.Add((PodSecurityStandard.Baseline, control));
        void Restricted(string control) => found.Add((PodSecurityStandard.Restricted, control));

        // Baseline
        if (True(pod?["windowsOptions"]?["hostProcess"]) || containers.Any(c => True(c["securityContext"]?["windowsOptions"]?["hostProcess"]))) Baseline("HostProcess");
        foreach (var field in new[] { "hostNetwork", "hostPID", "hostIPC" })
        {
            if (True(spec[field])) Baseline("Host Namespaces: " + field);
        }
        if (containers.Any(c => True(c["securityContext"]?["privileged"]))) Baseline("Privileged Containers");
        foreach (var add in containers.SelectMany(c => Strings(c["securityContext"]?["capabilities"]?["add"])))
        {
            if (!BaselineCapabilities.Contains(add)) Baseline("Capabilities: adds " + add);
        }
        if (spec["volumes"].Objects().Any(v => v["hostPath"] is not null)) Baseline("HostPath Volumes");
        if (containers.SelectMany(c => c["ports"].Objects()).Any(p => p["hostPort"] is JsonNode h && h.Number() != 0)) Baseline("Host Ports");
        var appArmor = new[] { pod?["appArmorProfile"]?["type"] }.Concat(containers.Select(c => c["securityContext"]?["appArmorProfile"]?["type"]));
        if (appArmor.Any(t => t is not null && (string)t! is not ("RuntimeDefault" or "Localhost"))) Baseline("AppArmor");
        if (annotations is not null && annotations.Any(a => a.Key.StartsWith("container.apparmor.security.beta.kubernetes.io/", StringComparison.Ordinal)
            && (string)a.Value! != "runtime/default" && !((string)a.Value!).StartsWith("localhost/", StringComparison.Ordinal))) Baseline("AppArmor annotation");
        foreach (var options in new[] { pod?["seLinuxOptions"] }.Concat(containers.Select(c => c["securityContext"]?["seLinuxOptions"])).OfType<JsonObject>())
        {
            if (options["type"] is JsonNode type && !SeLinuxTypes.Contains((string)type!)) Baseline("SELinux type");
            if (!string.IsNullOrEmpty((string?)options["user"]) || !string.IsNullOrEmpty((string?)options["role"])) Baseline("SELinux user or role");
        }
        if (containers.Any(c => c["securityContext"]?["procMount"] is JsonNode m && (string)m! != "Default")) Baseline("/proc Mount Type");
        var seccompTypes = new[] { pod?["seccompProfile"]?["type"] }.Concat(containers.Select(c => c["securityContext"]?["seccompProfile"]?["type"]));
        if (seccompTypes.Any(t => t is not null && (string)t! == "Unconfined")) Baseline("Seccomp: Unconfined");
        foreach (var sysctl in pod?["sysctls"].Objects() ?? Enumerable.Empty<JsonObject>())
        {
            if (!SafeSysctls.Contains((string)sysctl["name"]!)) Baseline("Sysctls: " + (string)sysctl["name"]!);
        }

        // Restricted
        foreach (var volume in spec["volumes"].Objects())
        {
            var sources = volume.Select(p => p.Key).Where(k => k != "name").ToList();
            if (sources.Any(s => !RestrictedVolumeSources.Contains(s))) Restricted("Volume Types: " + string.Join(",", sources));
        }
        foreach (var container in containers)
        {
            var name = (string?)container["name"];
            var context = container["securityContext"] as JsonObject;
            if (!(context?["allowPrivilegeEscalation"] is JsonNode ape && ape.GetValueKind() == System.Text.Json.JsonValueKind.False)) Restricted("Privilege Escalation: " + name);
            var podNonRoot = True(pod?["runAsNonRoot"]);
            var containerNonRoot = context?["runAsNonRoot"];
            if (containerNonRoot is not null ? !True(containerNonRoot) : !podNonRoot) Restricted("Running as Non-root: " + name);
            if (IsZero(context?["runAsUser"])) Restricted("Running as Non-root user: " + name);
            var containerSeccomp = (string?)context?["seccompProfile"]?["type"];
            var podSeccomp = (string?)pod?["seccompProfile"]?["type"];
            var effective = containerSeccomp ?? podSeccomp;
            if (effective is not ("RuntimeDefault" or "Localhost")) Restricted("Seccomp: " + name);
            var drops = Strings(context?["capabilities"]?["drop"]);
            if (!drops.Contains("ALL")) Restricted("Capabilities: " + name + " does not drop ALL");
            foreach (var add in Strings(context?["capabilities"]?["add"]))
            {
                if (add != "NET_BIND_SERVICE") Restricted("Capabilities: " + name + " adds " + add);
            }
        }
        if (IsZero(pod?["runAsUser"])) Restricted("Running as Non-root user: pod");
        return found;
    }

    /// <summary>The strictest level the template meets.</summary>
    public static string Level(JsonObject template)
    {
        var broken = Check(template);
        return broken.Any(b => b.Level == Baseline) ? Privileged : broken.Any(b => b.Level == Restricted) ? Baseline : Restricted;
    }

    public static int Rank(string level) => level switch { Restricted => 2, Baseline => 1, _ => 0 };

    private static bool True(JsonNode? node) => node is not null && node.GetValueKind() == System.Text.Json.JsonValueKind.True;

    private static bool IsZero(JsonNode? node) => node is not null && node.GetValueKind() == System.Text.Json.JsonValueKind.Number && node.Number() == 0;

    private static List<string> Strings(JsonNode? node) => node is JsonArray array ? array.Select(n => (string)n!).ToList() : new List<string>();
}
