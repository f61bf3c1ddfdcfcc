using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Backups
{
    /// <summary>
    /// The services the backup plan adds to the stack before rendering: the restic backup service and one dump
    /// service per database (and the directory). They are ordinary service models, so compose, the env templates,
    /// the secrets command, the network map and the audit's scanner exceptions treat them like declared ones.
    /// </summary>
    internal static class BackupServices
    {
        /// <summary>The official restic image, pinned.</summary>
        public const string ResticImage = "restic/restic:0.17.3";
        /// <summary>The curl image that calls Qdrant's snapshot API, pinned.</summary>
        public const string CurlImage = "curlimages/curl:8.11.1";
        public const string ServiceName = "backup";
        public const string PasswordSecret = "RESTIC_PASSWORD";
        public const string RepositoryPath = "/repository";
        public const string RepositoryHostPath = "./backup-repository";
        public const string ScriptsHostPath = "./backup";

        /// <summary>The stack plus the backup services; unchanged when nothing is backed up.</summary>
        public static StackModel Extend(StackModel stack)
        {
            if (stack.Services.Any(BackupPlan.IsGenerated))
            {
                return stack;
            }
            var targets = BackupPlan.Targets(stack);
            if (targets.Count == 0)
            {
                return stack;
            }
            var taken = new HashSet<string>(stack.Services.Select(s => s.Name), System.StringComparer.Ordinal);
            var added = new List<ServiceModel> { Backup(stack, targets, Unique(ServiceName, taken)) };
            var dumped = new HashSet<string>(targets.Where(t => t.IsDump).Select(t => t.Service), System.StringComparer.Ordinal);
            foreach (var database in stack.Ordered().Where(s => dumped.Contains(s.Name)))
            {
                added.Add(Dump(database, Unique(BackupPlan.DumpServiceName(database), taken)));
            }
            return stack with { Services = stack.Services.Concat(added).ToEquatableArray() };
        }

        private static string Unique(string name, HashSet<string> taken)
        {
            var candidate = taken.Contains(name) ? "datamancy-" + name : name;
            taken.Add(candidate);
            return candidate;
        }

        private static ServiceModel Backup(StackModel stack, IReadOnlyList<BackupTarget> targets, string name)
        {
            var volumes = new List<VolumeMount>
            {
                new(ScriptsHostPath, BackupScript.MountDirectory, true, Model.Backup.Never),
                new(RepositoryHostPath, RepositoryPath, false, Model.Backup.Never),
            };
            volumes.AddRange(targets.Select(t => t.Source).Distinct().OrderBy(s => s, System.StringComparer.Ordinal)
                .Select(source => new VolumeMount(source, BackupPlan.VolumesRoot + "/" + source, true, Model.Backup.Never)));
            return new ServiceModel(
                BackupPlan.GeneratedTypePrefix + "Backup", name, ResticImage, 0, Network.Backend, Profile.Full, ServiceRole.App, null,
                new[] { "schedule" }.ToEquatableArray(),
                new[] { new EnvVar("RESTIC_REPOSITORY", RepositoryPath), new EnvVar("RESTIC_CACHE_DIR", "/tmp/restic-cache") }.ToEquatableArray(),
                new[] { new SecretRef(PasswordSecret, PasswordSecret, SecretKind.Password, 64) }.ToEquatableArray(),
                volumes.ToEquatableArray(),
                new HealthcheckModel(new[] { "/bin/sh", BackupScript.MountDirectory + "/backup.sh", "health" }.ToEquatableArray(), "5m", "30s", 1, "1m"),
                EquatableArray<Dependency>.Empty,
                new ResourceLimits("1g", "1.0", 256),
                EquatableArray<PublishedPort>.Empty,
                null, null, null, null,
                new[]
                {
                    new ElevationModel(Elevation.CapAdd, new[] { "DAC_READ_SEARCH" }.ToEquatableArray(),
                        "the backup service reads every backed-up volume (mounted read-only) whatever the owner of its files"),
                }.ToEquatableArray(),
                ServiceExtras.None with { Entrypoint = new[] { "/bin/sh", BackupScript.MountDirectory + "/backup.sh" }.ToEquatableArray() },
                null,
                EquatableArray<Acknowledgement>.Empty);
        }

        private static ServiceModel Dump(ServiceModel database, string name)
        {
            var engine = BackupPlan.EngineOf(database);
            var env = new List<EnvVar> { new("DUMP_HOST", database.Name) };
            var secrets = new List<SecretRef>();
            var volumes = new List<VolumeMount> { new(ScriptsHostPath, BackupScript.MountDirectory, true, Model.Backup.Never) };
            var dumps = DumpScript.DumpsDirectory;
            var image = database.Image;
            string? user = null;
            void Password(string variable, params string[] declared)
            {
                var secret = database.Secrets.FirstOrDefault(s => declared.Contains(s.Variable));
                if (secret is not null)
                {
                    secrets.Add(new SecretRef(secret.Name, variable, secret.Kind, secret.Length, secret.Prefix));
                }
            }
            string Setting(string variable, string fallback) => database.Environment.FirstOrDefault(e => e.Name == variable)?.Value ?? fallback;
            switch (engine)
            {
                case DumpEngine.Postgres:
                    env.Add(new EnvVar("DUMP_USER", Setting("POSTGRES_USER", "postgres")));
                    Password("PGPASSWORD", "POSTGRES_PASSWORD");
                    break;
                case DumpEngine.MariaDb:
                    env.Add(new EnvVar("DUMP_USER", "root"));
                    Password("MYSQL_PWD", "MARIADB_ROOT_PASSWORD", "MYSQL_ROOT_PASSWORD");
                    break;
                case DumpEngine.ClickHouse:
                    env.Add(new EnvVar("DUMP_USER", Setting("CLICKHOUSE_USER", "default")));
                    Password("CLICKHOUSE_PASSWORD", "CLICKHOUSE_PASSWORD");
                    var data = database.Volumes.First(v => !v.IsBind && !v.ReadOnly && BackupPlan.IsDataVolume(database, v, engine));
                    volumes.Add(new VolumeMount(data.Source, "/var/lib/clickhouse", false, Model.Backup.Never));
                    dumps = "/var/lib/clickhouse/" + BackupPlan.ClickHouseBackupFolder;
                    user = "101:101"; // the clickhouse user of the official image, which owns the backups it removes
                    break;
                case DumpEngine.Qdrant:
                    image = CurlImage;
                    Password("QDRANT_API_KEY", "QDRANT__SERVICE__API_KEY");
                    break;
                default:
                    env.Add(new EnvVar("DUMP_USER", "cn=admin,{stack.base_dn}"));
                    env.Add(new EnvVar("DUMP_BASE", "{stack.base_dn}"));
                    env.Add(new EnvVar("DUMP_PORT", (database.Port == 0 ? AutheliaRenderer.LdapPort : database.Port).ToString(System.Globalization.CultureInfo.InvariantCulture)));
                    Password("LDAP_ADMIN_PASSWORD", "LDAP_ADMIN_PASSWORD");
                    break;
            }
            if (engine != DumpEngine.ClickHouse)
            {
                volumes.Add(new VolumeMount(BackupPlan.DumpVolume(database), DumpScript.DumpsDirectory, false, Model.Backup.Never));
            }
            env.Add(new EnvVar("DATAMANCY_DUMPS", dumps));
            var networks = database.Networks & (Network.Database | Network.Backend);
            return new ServiceModel(
                BackupPlan.GeneratedTypePrefix + "Dump." + database.Name, name, image, 0, networks == Network.None ? Network.Backend : networks,
                Profile.Full, ServiceRole.App, user,
                new[] { EngineArgument(engine) }.ToEquatableArray(),
                env.ToEquatableArray(),
                secrets.ToEquatableArray(),
                volumes.ToEquatableArray(),
                new HealthcheckModel(new[] { "/bin/sh", "-c", "find \"$DATAMANCY_DUMPS\" -type f -mmin -" + BackupScript.MaxDumpAgeMinutes.ToString(System.Globalization.CultureInfo.InvariantCulture) + " | grep -q ." }.ToEquatableArray(), "5m", "30s", 3, "1h"),
                new[] { new Dependency(database.TypeName, DependencyCondition.Healthy) }.ToEquatableArray(),
                new ResourceLimits("512m", "1.0", 256),
                EquatableArray<PublishedPort>.Empty,
                null, null, null, null,
                EquatableArray<ElevationModel>.Empty,
                ServiceExtras.None with { Entrypoint = new[] { "/bin/sh", BackupScript.MountDirectory + "/dump.sh" }.ToEquatableArray() },
                null,
                EquatableArray<Acknowledgement>.Empty);
        }

        public static string EngineArgument(DumpEngine engine) => engine switch
        {
            DumpEngine.Postgres => "postgres",
            DumpEngine.MariaDb => "mariadb",
            DumpEngine.ClickHouse => "clickhouse",
            DumpEngine.Qdrant => "qdrant",
            _ => "directory",
        };
    }
}
