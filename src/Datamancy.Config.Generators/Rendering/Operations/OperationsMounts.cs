using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Backups;
using Datamancy.Config.Generators.Rendering.Directory;

namespace Datamancy.Config.Generators.Rendering.Operations
{
    /// <summary>
    /// What the backup plan and the directory bootstrap add to declared services: the Qdrant snapshots volume,
    /// the ClickHouse backup disk, and the directory's bootstrap LDIF, service account and <c>--copy-service</c>.
    /// </summary>
    internal static class OperationsMounts
    {
        public static IEnumerable<VolumeMount> For(StackModel stack, ServiceModel service)
        {
            if (DirectoryBootstrap.IsBootstrapped(stack, service))
            {
                yield return new VolumeMount(DirectoryBootstrap.HostFolder, DirectoryBootstrap.ImageFolder, true, Model.Backup.Never);
            }
            if (!HasDumpedData(service))
            {
                yield break;
            }
            switch (BackupPlan.EngineOf(service))
            {
                case DumpEngine.Qdrant:
                    yield return new VolumeMount(BackupPlan.DumpVolume(service), BackupPlan.ServerDumpMount(service)!, false, Model.Backup.Never);
                    break;
                case DumpEngine.ClickHouse:
                    yield return new VolumeMount("./" + DumpScript.ClickHouseConfigPath, DumpScript.ClickHouseConfigTarget, true, Model.Backup.Never);
                    break;
            }
        }

        /// <summary>The command compose gets: the declared one, plus <c>--copy-service</c> for a bootstrapped osixia directory.</summary>
        public static EquatableArray<string> Command(StackModel stack, ServiceModel service) =>
            DirectoryBootstrap.IsBootstrapped(stack, service) && !service.Command.Contains(DirectoryBootstrap.CopyService)
                ? service.Command.Concat(new[] { DirectoryBootstrap.CopyService }).ToEquatableArray()
                : service.Command;

        /// <summary>The directory's read-only service account for Authelia, created by the image at first start.</summary>
        public static IEnumerable<(string Key, string Value)> Environment(StackModel stack, ServiceModel service)
        {
            if (DirectoryBootstrap.IsBootstrapped(stack, service))
            {
                yield return ("LDAP_READONLY_USER", "true");
                yield return ("LDAP_READONLY_USER_USERNAME", DirectoryBootstrap.ServiceAccount);
            }
        }

        /// <summary>
        /// The engine's data volume is declared with a Daily or Weekly decision, so a dump stands for it (read from the
        /// declaration, not from the mounts, to avoid a cycle).
        /// </summary>
        public static bool HasDumpedData(ServiceModel service) =>
            service.Volumes.Any(v => !v.IsBind && !v.ReadOnly && v.Backup is Model.Backup.Daily or Model.Backup.Weekly
                && BackupPlan.IsDataVolume(service, v, BackupPlan.EngineOf(service)));
    }
}
