using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Backups;

namespace Datamancy.Config.Generators.Rendering.Operations
{
    /// <summary>How the backup plan covers one writable named volume of a service, as the audit's backup item reads it.</summary>
    internal enum BackupCoverage
    {
        /// <summary>The volume's backup is undecided (fails).</summary>
        NoDecision,

        /// <summary>Decided, and not backed up (<c>Never</c>).</summary>
        NotBackedUp,

        /// <summary>Backed up, but the backup service does not mount it (fails).</summary>
        NotCovered,

        /// <summary>A database server's files copied live instead of dumped (fails).</summary>
        LiveDatabaseFiles,

        /// <summary>Dumped by a dump service without a password secret (fails).</summary>
        DumpWithoutSecret,

        /// <summary>Backed up from a consistent dump.</summary>
        Dump,

        /// <summary>Backed up as files.</summary>
        Files,
    }

    /// <summary>One line of the audit's backup item: a service's writable named volume and how the backup plan covers it.</summary>
    /// <param name="Volume">The volume as the service mounts it.</param>
    /// <param name="Coverage">How it is covered.</param>
    /// <param name="DumpService">The dump service, for <see cref="BackupCoverage.Dump"/> and <see cref="BackupCoverage.DumpWithoutSecret"/>.</param>
    internal sealed record BackupAuditVolume(VolumeMount Volume, BackupCoverage Coverage, string? DumpService)
    {
        /// <summary>The coverage fails the item.</summary>
        public bool Fails => Coverage is BackupCoverage.NoDecision or BackupCoverage.NotCovered or BackupCoverage.LiveDatabaseFiles or BackupCoverage.DumpWithoutSecret;
    }

    /// <summary>
    /// The backup item's facts per service, computed once per model instance: the plan sums their failures into the
    /// item's status and hands each service its own, whose lines its audit part renders (<see cref="OperationsAudit.BackupPart"/>).
    /// </summary>
    internal static class BackupAuditFacts
    {
        /// <summary>The service's listed volumes in mount order (none for a service the backup plan generated).</summary>
        public static EquatableArray<BackupAuditVolume> Of(StackModel stack, ServiceModel service) =>
            StackMemo.Of(stack).BackupAudit.TryGetValue(service.Name, out var volumes) ? volumes : EquatableArray<BackupAuditVolume>.Empty;

        /// <summary>Some listed volume fails the item.</summary>
        public static bool AnyFails(StackModel stack) => StackMemo.Of(stack).BackupAudit.Values.Any(v => v.Any(b => b.Fails));

        /// <summary>The stack lists no volume at all.</summary>
        public static bool None(StackModel stack) => StackMemo.Of(stack).BackupAudit.Values.All(v => v.Count == 0);

        internal static Dictionary<string, EquatableArray<BackupAuditVolume>> Compute(StackModel stack)
        {
            var targets = new Dictionary<string, BackupTarget>(System.StringComparer.Ordinal);
            foreach (var target in BackupPlan.Targets(stack))
            {
                if (!targets.ContainsKey(target.Volume))
                {
                    targets[target.Volume] = target;
                }
            }
            var backupService = stack.Services.FirstOrDefault(s => s.TypeName == BackupPlan.GeneratedTypePrefix + "Backup");
            var mounted = new HashSet<string>(backupService?.Volumes.Where(v => v.ReadOnly && !v.IsBind).Select(v => v.Source) ?? Enumerable.Empty<string>());
            var dumps = new HashSet<string>(targets.Values.Where(t => t.IsDump).Select(t => t.Source), System.StringComparer.Ordinal);
            var byName = new Dictionary<string, ServiceModel>(System.StringComparer.Ordinal);
            foreach (var service in stack.Services)
            {
                if (!byName.ContainsKey(service.Name))
                {
                    byName[service.Name] = service; // the first of a name, as a linear search would find it
                }
            }
            var result = new Dictionary<string, EquatableArray<BackupAuditVolume>>(System.StringComparer.Ordinal);
            foreach (var s in stack.Ordered().Where(s => !BackupPlan.IsGenerated(s)))
            {
                // The dump folders the backup plan mounts on a database server are listed through the volume they stand for.
                result[s.Name] = ComposeRenderer.Mounts(stack, s)
                    .Where(v => !v.IsBind && !v.ReadOnly && !(v.Backup == Backup.Never && dumps.Contains(v.Source)))
                    .Select(v => Coverage(byName, s, v, targets, mounted))
                    .ToEquatableArray();
            }
            return result;
        }

        private static BackupAuditVolume Coverage(Dictionary<string, ServiceModel> byName, ServiceModel s, VolumeMount v, Dictionary<string, BackupTarget> targets, HashSet<string> mounted)
        {
            if (v.Backup == Backup.Undecided)
            {
                return new BackupAuditVolume(v, BackupCoverage.NoDecision, null);
            }
            if (!targets.TryGetValue(v.Source, out var target))
            {
                return new BackupAuditVolume(v, BackupCoverage.NotBackedUp, null);
            }
            if (!mounted.Contains(target.Source))
            {
                return new BackupAuditVolume(v, BackupCoverage.NotCovered, null);
            }
            if (s.Role == ServiceRole.Database && !target.IsDump)
            {
                return new BackupAuditVolume(v, BackupCoverage.LiveDatabaseFiles, null);
            }
            var dump = target.IsDump && target.DumpService is { } dumpService && byName.TryGetValue(dumpService, out var found) ? found : null;
            if (target.IsDump && target.Engine != DumpEngine.Qdrant && (dump is null || dump.Secrets.Count == 0))
            {
                return new BackupAuditVolume(v, BackupCoverage.DumpWithoutSecret, target.DumpService);
            }
            return new BackupAuditVolume(v, target.IsDump ? BackupCoverage.Dump : BackupCoverage.Files, target.DumpService);
        }
    }
}
