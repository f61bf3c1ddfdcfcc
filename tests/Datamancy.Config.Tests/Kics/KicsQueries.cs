using System.Globalization;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Tests.Kics;

/// <summary>A finding: which query fired on which service, and on what.</summary>
public sealed record KicsFinding(string Query, string Service, string Detail)
{
    public override string ToString() => Query + " on " + Service + ": " + Detail;
}

/// <summary>
/// The 22 KICS docker-compose queries of <c>../shared/oracles/kics-docker-compose-queries.json</c>, each implemented
/// from its <c>detection</c> note over the parsed YAML. Where we read more than the rego does, it is said at the query.
/// </summary>
public static class KicsQueries
{
    /// <summary>KICS common_lib.isOSDir: a path that starts with one of these, or is "/".</summary>
    private static readonly string[] OsDirectories =
        { "/bin", "/sbin", "/boot", "/cdrom", "/dev", "/etc", "/home", "/lib", "/media", "/proc", "/root", "/run", "/seLinux", "/srv", "/usr", "/var", "/sys" };

    private static readonly string[] PropagationModes = { "shared", "rshared", "slave", "rslave" };

    public static readonly IReadOnlyDictionary<string, Func<ComposeDocument, ComposeService, IEnumerable<string>>> All =
        new Dictionary<string, Func<ComposeDocument, ComposeService, IEnumerable<string>>>(StringComparer.Ordinal)
        {
            // The rego reads the short syntax; the generated file uses the long one, so its bind source is read too.
            ["Docker Socket Mounted In Container"] = (_, s) => s.VolumeSources.Where(v => v.Contains("docker.sock", StringComparison.Ordinal)),
            // A bind's host path, or the driver_opts device/mountpoint of a named volume the service mounts.
            ["Volume Has Sensitive Host Directory"] = (c, s) => s.VolumeSources.Where(IsOsDirectory)
                .Concat(c.Volumes.Where(v => s.VolumeSources.Contains(v.Name))
                    .SelectMany(v => new[] { "device", "mountpoint" }.Select(k => ComposeDocument.Text(ComposeDocument.Get(v.Definition, "driver_opts", k))))
                    .OfType<string>().Where(IsOsDirectory)),
            ["Volume Mounted In Multiple Containers"] = (_, s) => s.VolumeEntries.Where(v =>
                    (v.Short is not null && v.Short.Split(':').Skip(2).Any(m => m.Split(',').Any(PropagationModes.Contains)))
                    || ComposeDocument.Get(v.Long, "bind", "propagation") is not null)
                .Select(v => v.Short ?? ComposeDocument.Text(ComposeDocument.Get(v.Long, "source")) ?? "(volume)"),
            ["No New Privileges Not Set"] = (_, s) => ComposeDocument.Texts(s.Get("security_opt")).Where(o => o is not "no-new-privileges:true" and not "no-new-privileges"),
            ["Privileged Containers Enabled"] = (_, s) => s.Text("privileged") == "true" ? new[] { "privileged: true" } : Array.Empty<string>(),
            ["Healthcheck Not Set"] = (_, s) => !s.Has("healthcheck") ? new[] { "no healthcheck" }
                : s.Text("healthcheck", "disable") == "true" ? new[] { "healthcheck.disable: true" }
                : ComposeDocument.Texts(s.Get("healthcheck", "test")).SequenceEqual(new[] { "NONE" }) ? new[] { "healthcheck.test: [NONE]" }
                : Array.Empty<string>(),
            ["Cgroup Not Default"] = (_, s) => s.Text("cgroup_parent") is { Length: > 0 } parent ? new[] { "cgroup_parent: " + parent } : Array.Empty<string>(),
            ["Restart Policy On Failure Not Set To 5"] = (_, s) =>
                (s.Text("restart") is { } restart && restart.Contains(':', StringComparison.Ordinal) && restart.Split(':')[1] != "5" ? new[] { "restart: " + restart } : Array.Empty<string>())
                .Concat(s.Text("deploy", "restart_policy", "condition") == "on-failure" && s.Text("deploy", "restart_policy", "max_attempts") != "5" ? new[] { "deploy.restart_policy on-failure without max_attempts 5" } : Array.Empty<string>()),
            ["Container Traffic Not Bound To Host Interface"] = (_, s) => s.PortEntries.Where(p => !p.Contains('.', StringComparison.Ordinal)),
            ["Privileged Ports Mapped In Container"] = (_, s) => ComposeDocument.Texts(s.Get("cap_drop")).Contains("NET_BIND_SERVICE")
                ? Array.Empty<string>()
                : s.PortEntries.Where(p => PortNumbers(p).Any(n => n < 1024)),
            ["Container Capabilities Unrestricted"] = (_, s) => (s.Has("cap_add") ? new[] { "cap_add present" } : Array.Empty<string>())
                .Concat(s.Has("cap_drop") ? Array.Empty<string>() : new[] { "cap_drop absent" }),
            ["Default Seccomp Profile Disabled"] = (_, s) => ComposeDocument.Texts(s.Get("security_opt")).Where(o => o.Replace('=', ':') == "seccomp:unconfined"),
            ["Host Namespace is Shared"] = (_, s) => s.Text("pid") == "host" ? new[] { "pid: host" } : Array.Empty<string>(),
            // Compose files without 'version' follow the Compose spec (version 3 semantics): deploy.resources.limits.
            ["Memory Not Limited"] = (_, s) => s.Text("deploy", "resources", "limits", "memory") is { Length: > 0 } ? Array.Empty<string>() : new[] { "deploy.resources.limits.memory missing" },
            // The rego gates on version < 3; read for every file here, which is stricter.
            ["Pids Limit Not Set"] = (_, s) => s.Text("pids_limit") is { } pids && pids != "-1" ? Array.Empty<string>() : new[] { "pids_limit " + (s.Text("pids_limit") ?? "missing") },
            ["Security Opt Not Set"] = (_, s) => s.Has("security_opt") ? Array.Empty<string>() : new[] { "security_opt absent" },
            ["Shared Host IPC Namespace"] = (_, s) => s.Text("ipc") == "host" ? new[] { "ipc: host" } : Array.Empty<string>(),
            ["Shared Host Network Namespace"] = (_, s) => s.Text("network_mode") == "host" ? new[] { "network_mode: host" } : Array.Empty<string>(),
            ["Shared Host User Namespace"] = (_, s) => s.Text("userns_mode") == "host" ? new[] { "userns_mode: host" } : Array.Empty<string>(),
            ["Networks Not Set"] = (_, s) => s.Has("networks") ? Array.Empty<string>() : new[] { "networks absent" },
            ["Cpus Not Limited"] = (_, s) => s.Text("deploy", "resources", "limits", "cpus") is { Length: > 0 } || s.Text("cpus") is { Length: > 0 } ? Array.Empty<string>() : new[] { "cpus limit missing" },
            // Short syntax as in the rego; for the long syntax, the same named volume mounted by a second service.
            ["Shared Volumes Between Containers"] = (c, s) => s.VolumeEntries.Select(v => v.Short).OfType<string>()
                    .Where(v => c.Volumes.Any(n => n.Name == v.Split(':')[0]) || c.Services.Any(o => o.Name != s.Name && o.VolumeEntries.Any(e => e.Short == v)))
                .Concat(s.VolumeEntries.Where(v => ComposeDocument.Text(ComposeDocument.Get(v.Long, "type")) == "volume")
                    .Select(v => ComposeDocument.Text(ComposeDocument.Get(v.Long, "source"))).OfType<string>()
                    .Where(name => c.Services.Any(o => o.Name != s.Name && o.VolumeEntries.Any(e => e.Long is not null
                        && ComposeDocument.Text(ComposeDocument.Get(e.Long, "type")) == "volume" && ComposeDocument.Text(ComposeDocument.Get(e.Long, "source")) == name)))),
        };

    /// <summary>Every finding of every query on every service.</summary>
    public static IReadOnlyList<KicsFinding> Scan(string composeYaml)
    {
        var compose = new ComposeDocument(composeYaml);
        return All.SelectMany(q => compose.Services.SelectMany(s => q.Value(compose, s).Select(detail => new KicsFinding(q.Key, s.Name, detail)))).ToList();
    }

    private static bool IsOsDirectory(string path) => path == "/" || OsDirectories.Any(d => path.StartsWith(d, StringComparison.Ordinal));

    /// <summary>The host and container port numbers of a ports entry ("[ip:]host:container[/proto]", ranges as "a-b").</summary>
    private static IEnumerable<int> PortNumbers(string entry)
    {
        var withoutInterpolation = Regex.Replace(entry, @"\$\{[^}]*\}", "ip");
        var parts = withoutInterpolation.Split('/')[0].Split(':');
        return parts.Skip(Math.Max(0, parts.Length - 2))
            .SelectMany(p => p.Split('-'))
            .Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>();
    }
}
