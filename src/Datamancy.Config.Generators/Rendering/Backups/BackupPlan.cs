using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Backups
{
    /// <summary>How a volume's data reaches the backup repository.</summary>
    internal enum DumpEngine
    {
        /// <summary>The volume's files, read as they are.</summary>
        Files,
        /// <summary><c>pg_dumpall</c> over the database network into a dumps volume.</summary>
        Postgres,
        /// <summary><c>mariadb-dump --all-databases --single-transaction</c> into a dumps volume.</summary>
        MariaDb,
        /// <summary>ClickHouse <c>BACKUP ALL ... TO File(...)</c>, written by the server below its data volume.</summary>
        ClickHouse,
        /// <summary>Qdrant's full-storage snapshot API (<c>POST /snapshots</c>) into a snapshots volume.</summary>
        Qdrant,
        /// <summary>An LDIF export of the directory (<c>ldapsearch</c> as the admin, operational attributes included).</summary>
        Directory,
    }

    /// <summary>
    /// One volume with a Daily or Weekly decision: what the backup service reads (<paramref name="Source"/>, a
    /// volume mounted at <c>/volumes/&lt;Source&gt;</c>, optionally a sub-folder of it) and how it gets there.
    /// </summary>
    internal sealed record BackupTarget(string Volume, string Service, Model.Backup Class, DumpEngine Engine, string Source, string SubPath, string? DumpService)
    {
        /// <summary>The restic tag that names the volume's snapshots.</summary>
        public string Tag => "volume:" + Volume;

        /// <summary>The folder the backup service reads, relative to its volumes root.</summary>
        public string Folder => SubPath.Length == 0 ? Source : Source + "/" + SubPath;

        public bool IsDump => Engine != DumpEngine.Files;
    }

    /// <summary>
    /// The backup plan of a stack, derived from the <c>Backup</c> decisions on its volumes: the one place the
    /// compose renderer, BACKUP.md, the audit and the tests learn what is backed up, how and when.
    /// </summary>
    internal static class BackupPlan
    {
        /// <summary>Type names of the services the generator adds; they carry no decisions of their own.</summary>
        public const string GeneratedTypePrefix = "Datamancy.Config.Generated.Operations.";

        public const string VolumesRoot = "/volumes";

        public static bool IsGenerated(ServiceModel service) => service.TypeName.StartsWith(GeneratedTypePrefix, System.StringComparison.Ordinal);

        /// <summary>
        /// Every volume to back up, in a stable order (service, then volume); computed once per model instance, as the
        /// audit's facts, BACKUP.md and backup.sh each read it on every model change.
        /// </summary>
        public static IReadOnlyList<BackupTarget> Targets(StackModel stack) => StackMemo.Of(stack).BackupTargets;

        internal static IReadOnlyList<BackupTarget> Compute(StackModel stack)
        {
            var targets = new List<BackupTarget>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            foreach (var service in stack.Ordered().Where(s => !IsGenerated(s)))
            {
                var engine = EngineOf(service);
                foreach (var volume in ComposeRenderer.Mounts(stack, service).Where(v => !v.IsBind && !v.ReadOnly))
                {
                    if (volume.Backup is not (Model.Backup.Daily or Model.Backup.Weekly) || !seen.Add(volume.Source))
                    {
                        continue;
                    }
                    // A database's live files are not copied: its dump stands for the volume that holds its data.
                    var dumped = engine != DumpEngine.Files && IsDataVolume(service, volume, engine);
                    targets.Add(dumped
                        ? new BackupTarget(volume.Source, service.Name, volume.Backup, engine, DumpSource(service, volume, engine), DumpSubPath(engine), DumpServiceName(service))
                        : new BackupTarget(volume.Source, service.Name, volume.Backup, DumpEngine.Files, volume.Source, string.Empty, null));
                }
            }
            return targets;
        }

        /// <summary>The engine whose documented dump mechanism the service's data needs; Files for ordinary services.</summary>
        public static DumpEngine EngineOf(ServiceModel service)
        {
            if (service.Role == ServiceRole.Directory)
            {
                return DumpEngine.Directory;
            }
            if (service.Role != ServiceRole.Database)
            {
                return DumpEngine.Files;
            }
            var name = ImageName(service.Image);
            if (name.StartsWith("postgres", System.StringComparison.Ordinal) || name.StartsWith("postgis", System.StringComparison.Ordinal) || name.StartsWith("pgvector", System.StringComparison.Ordinal))
            {
                return DumpEngine.Postgres;
            }
            if (name.StartsWith("mariadb", System.StringComparison.Ordinal) || name.StartsWith("mysql", System.StringComparison.Ordinal))
            {
                return DumpEngine.MariaDb;
            }
            if (name.StartsWith("clickhouse", System.StringComparison.Ordinal))
            {
                return DumpEngine.ClickHouse;
            }
            return name.StartsWith("qdrant", System.StringComparison.Ordinal) ? DumpEngine.Qdrant : DumpEngine.Files;
        }

        public static string DumpServiceName(ServiceModel service) => service.Name + "-dump";

        /// <summary>The volume that receives a database's dumps (ClickHouse writes below its own data volume).</summary>
        public static string DumpVolume(ServiceModel service) => service.Name + "-dumps";

        /// <summary>Where the database server itself must see the dumps volume (Qdrant's snapshots folder), or null.</summary>
        public static string? ServerDumpMount(ServiceModel service) => EngineOf(service) == DumpEngine.Qdrant ? "/qdrant/snapshots" : null;

        /// <summary>
        /// The volume that holds the engine's data at the image's documented path: its dump stands for it. Any other
        /// volume of the service (configuration, logs, a data folder moved elsewhere) is copied as files.
        /// </summary>
        public static bool IsDataVolume(ServiceModel service, VolumeMount volume, DumpEngine engine) =>
            DataPath(engine) is { } path && volume.Target.TrimEnd('/') == path;

        /// <summary>Where each engine's official image keeps its data.</summary>
        public static string? DataPath(DumpEngine engine) => engine switch
        {
            DumpEngine.Postgres => "/var/lib/postgresql/data",
            DumpEngine.MariaDb => "/var/lib/mysql",
            DumpEngine.ClickHouse => "/var/lib/clickhouse",
            DumpEngine.Qdrant => "/qdrant/storage",
            DumpEngine.Directory => DirectoryDataPath,
            _ => null,
        };

        public const string DirectoryDataPath = "/var/lib/ldap";

        private static string DumpSource(ServiceModel service, VolumeMount volume, DumpEngine engine) =>
            engine == DumpEngine.ClickHouse ? volume.Source : DumpVolume(service);

        private static string DumpSubPath(DumpEngine engine) => engine == DumpEngine.ClickHouse ? ClickHouseBackupFolder : string.Empty;

        /// <summary>ClickHouse writes its backups here, below the data volume (so the server owns the folder).</summary>
        public const string ClickHouseBackupFolder = "datamancy-backups";

        /// <summary>The repository-less image name: <c>ghcr.io/org/postgres:16</c> → <c>postgres</c>.</summary>
        public static string ImageName(string image)
        {
            var withoutDigest = image.Split('@')[0];
            var lastSlash = withoutDigest.LastIndexOf('/');
            var name = lastSlash < 0 ? withoutDigest : withoutDigest.Substring(lastSlash + 1);
            var colon = name.IndexOf(':');
            return (colon < 0 ? name : name.Substring(0, colon)).ToLowerInvariant();
        }
    }
}
