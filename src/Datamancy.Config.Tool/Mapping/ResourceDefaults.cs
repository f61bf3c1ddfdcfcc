using System.Collections.Generic;
using System.Linq;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>
/// The stack's default limits: compose gives every service the limits it has, so the limits most services share — when
/// they are not the descriptors' own defaults (512m, 1.0, 256) and more services share them than those — become
/// [Stack(DefaultMemory, DefaultCpus, DefaultPids)], and each service declares only what differs from them.
/// </summary>
internal static class ResourceDefaults
{
    public const string Memory = "512m";
    public const string Cpus = "1.0";
    public const int Pids = 256;

    public static void Infer(StackDraft stack, IEnumerable<ServiceDraft> services, ImportReport report)
    {
        var limited = services.Where(s => s.Limits is (not null, not null, not null) && !s.NoLimit).ToList();
        var shared = limited.GroupBy(s => s.Limits!.Value)
            .Select(g => (Limits: g.Key, Count: g.Count(), First: limited.IndexOf(g.First())))
            .OrderByDescending(g => g.Count).ThenBy(g => g.First).FirstOrDefault();
        var builtIn = limited.Count(s => s.Limits == (Memory, Cpus, Pids));
        var (memory, cpus, pids) = (Memory, Cpus, Pids);
        if (shared.Count >= 2 && shared.Count > builtIn && shared.Limits != (Memory, Cpus, Pids))
        {
            (memory, cpus, pids) = (shared.Limits.Memory!, shared.Limits.Cpus!, shared.Limits.Pids!.Value);
            stack.Defaults = (memory == Memory ? null : memory, cpus == Cpus ? null : cpus, pids == Pids ? null : pids);
            report.Decide(limited[shared.First].Where, shared.Count + " services share the limits memory " + memory + ", CPUs " + cpus + ", pids " + pids
                + ": imported as the stack's defaults (DefaultMemory, DefaultCpus, DefaultPids).");
        }
        foreach (var service in services.Where(s => s.Limits is not null && !s.NoLimit))
        {
            var (m, c, p) = service.Limits!.Value;
            service.Resources = (m is null || m == memory ? null : m, c is null || c == cpus ? null : c, p is null || p == pids ? null : p);
            if (service.Resources is (null, null, null))
            {
                service.Resources = null;
            }
        }
    }
}
