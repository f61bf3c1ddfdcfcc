using System;
using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Compose;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>
/// What Datamancy's own generator adds to a compose file, recognised by its exact shape and taken out before the services
/// are mapped, so that importing an emitted stack gives back the declarations that produce it rather than declaring the
/// additions a second time: the backup service and the dump services (→ the volumes' <c>Backup</c> decisions and the
/// database role), the directory bootstrap (→ the directory role), the ingress preflight, the operations mounts, and
/// per-link networks (→ <c>NetworkLayout.PerLink</c>, <c>[Uses]</c> and <c>[Egress]</c>).
/// </summary>
internal sealed class GeneratedParts
{
    // The generator's fixed names (Datamancy.Config.Generators: BackupServices, BackupScript, DumpScript, DirectoryBootstrap,
    // CaddyPreflightRenderer, ComposeNetworks). The tool does not reference the generator assembly, so they are repeated here;
    // the round-trip tests fail if the two drift apart.
    private const string BackupMount = "/etc/datamancy-backup";
    private const string BackupScriptsHost = "./backup";
    private const string ResticImage = "restic/restic:";
    private const string VolumesRoot = "/volumes/";
    private const string LdifHost = "./directory/ldif";
    private const string LdifTarget = "/container/service/slapd/assets/config/bootstrap/ldif/custom";
    private const string CopyService = "--copy-service";
    private const string PreflightHost = "./caddy-preflight.sh";
    private const string PreflightTarget = "/etc/caddy/preflight.sh";
    private const string ClickHouseConfigHost = "./backup/clickhouse-backups.xml";
    private const string QdrantSnapshots = "/qdrant/snapshots";

    private static readonly string[] CaddyRun = { "caddy", "run", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile" };

    /// <summary>Named volumes the backup service reads, as the declaring service's volume names (a dump stands for the data volume).</summary>
    public HashSet<string> BackedUp { get; } = new(StringComparer.Ordinal);

    /// <summary>Service → dump engine (<c>postgres</c>, <c>mariadb</c>, <c>clickhouse</c>, <c>qdrant</c>, <c>directory</c>) of the services a dump service saves.</summary>
    public Dictionary<string, string> Dumped { get; } = new(StringComparer.Ordinal);

    /// <summary>The directory the generator bootstraps (its service account, password policy and groups).</summary>
    public string? BootstrappedDirectory { get; private set; }

    /// <summary>Every service network is a per-link (<c>link.a.b</c>) or egress (<c>egress.s</c>) network.</summary>
    public bool PerLink { get; private set; }

    /// <summary>Under <see cref="PerLink"/>: the two services of each link network, in network-name order.</summary>
    public List<(string A, string B)> Links { get; } = new();

    /// <summary>Under <see cref="PerLink"/>: services with their own egress network.</summary>
    public HashSet<string> Egress { get; } = new(StringComparer.Ordinal);

    /// <summary>Recognises the generator's additions in <paramref name="compose"/> and removes them from it.</summary>
    public static GeneratedParts Take(ComposeProject compose, string domain, ImportReport report)
    {
        var parts = new GeneratedParts();
        parts.Networks(compose, domain, report); // first: the link networks of the generated services name both ends
        parts.Backups(compose, report);
        parts.Directory(compose, report);
        Preflight(compose, report);
        return parts;
    }

    private void Backups(ComposeProject compose, ImportReport report)
    {
        var dumpVolumes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var dump in compose.Services.Where(s => IsScript(s, "dump.sh")).ToList())
        {
            var host = dump.Environment.FirstOrDefault(e => e.Key == "DUMP_HOST")?.Value;
            var engine = dump.Key("command") is { } command ? ComposeValues.Command(command.Value)?.FirstOrDefault() : null;
            if (host is null || engine is null || compose.Services.All(s => s.Name != host) || dump.Environment.All(e => e.Key != "DATAMANCY_DUMPS"))
            {
                continue;
            }
            Dumped[host] = engine;
            foreach (var mount in dump.Volumes.Where(m => m.Type == "volume" && !m.ReadOnly))
            {
                dumpVolumes[mount.Source] = host;
            }
            compose.Services.Remove(dump);
            report.Decide(dump.Where, "'" + dump.Name + "' is the dump service Datamancy generates for '" + host + "' (" + engine + ") from its volume's Backup decision; not declared.");
        }
        foreach (var backup in compose.Services.Where(s => IsScript(s, "backup.sh") && (s.ScalarKey("image") ?? string.Empty).StartsWith(ResticImage, StringComparison.Ordinal)).ToList())
        {
            foreach (var mount in backup.Volumes.Where(m => m.Type == "volume" && m.ReadOnly && m.Target.StartsWith(VolumesRoot, StringComparison.Ordinal)))
            {
                if (dumpVolumes.TryGetValue(mount.Source, out var database))
                {
                    // The dumps volume stands for the data volume of the database it dumps.
                    var data = compose.Services.First(s => s.Name == database).Volumes.FirstOrDefault(v => v.Type == "volume" && !v.ReadOnly && DataPath(Dumped[database]) == v.Target.TrimEnd('/'));
                    if (data is not null)
                    {
                        BackedUp.Add(data.Source);
                    }
                }
                else
                {
                    BackedUp.Add(mount.Source);
                }
            }
            compose.Services.Remove(backup);
            report.Decide(backup.Where, "'" + backup.Name + "' is the restic backup service Datamancy generates from the volumes' Backup decisions; not declared. The volumes it reads are imported with Backup = Backup.Daily: compose does not say whether a volume is saved daily or weekly, or whether another was left out by decision (Backup.Never); review them.");
        }
        foreach (var (database, engine) in Dumped)
        {
            var service = compose.Services.First(s => s.Name == database);
            service.Volumes.RemoveAll(m =>
                (engine == "qdrant" && m.Target == QdrantSnapshots && dumpVolumes.TryGetValue(m.Source, out var owner) && owner == database)
                || (engine == "clickhouse" && m.Source == ClickHouseConfigHost));
        }
    }

    private static string? DataPath(string engine) => engine switch
    {
        "postgres" => "/var/lib/postgresql/data",
        "mariadb" => "/var/lib/mysql",
        "clickhouse" => "/var/lib/clickhouse",
        "qdrant" => "/qdrant/storage",
        "directory" => "/var/lib/ldap",
        _ => null,
    };

    private static bool IsScript(ComposeService service, string script) =>
        service.Key("entrypoint") is { } entrypoint && ComposeValues.Command(entrypoint.Value) is { } words
        && words.SequenceEqual(new[] { "/bin/sh", BackupMount + "/" + script })
        && service.Volumes.Any(m => m.Source == BackupScriptsHost && m.Target == BackupMount && m.ReadOnly);

    /// <summary>osixia/openldap bootstrapped by Datamancy: the LDIF bind, <c>--copy-service</c> and the read-only service account.</summary>
    private void Directory(ComposeProject compose, ImportReport report)
    {
        foreach (var service in compose.Services)
        {
            var ldif = service.Volumes.FirstOrDefault(m => m.Source == LdifHost && m.Target == LdifTarget && m.ReadOnly);
            if (ldif is null || !(service.ScalarKey("image") ?? string.Empty).StartsWith("osixia/openldap", StringComparison.Ordinal))
            {
                continue;
            }
            BootstrappedDirectory = service.Name;
            service.Volumes.Remove(ldif);
            service.Environment.RemoveAll(e => e.Key is "LDAP_READONLY_USER" or "LDAP_READONLY_USER_USERNAME" or "LDAP_READONLY_USER_PASSWORD");
            if (service.Key("command") is { } command && ComposeValues.Command(command.Value) is { } words && words.Contains(CopyService))
            {
                var rest = words.Where(w => w != CopyService).ToList();
                if (rest.Count == 0)
                {
                    service.Keys.Remove("command");
                }
                else
                {
                    service.Keys["command"] = new Located<YamlNode>(new YamlSequenceNode(rest.Select(w => new YamlScalarNode(w))), command.Where);
                }
            }
            report.Decide(ldif.Where, "'" + service.Name + "' is the directory Datamancy bootstraps (service account, password policy, groups: the LDIF bind, --copy-service and LDAP_READONLY_USER*); they come from its directory role and are not declared.");
        }
    }

    /// <summary>The ingress preflight: its entrypoint, the <c>caddy run</c> command it wraps, and its mount.</summary>
    private static void Preflight(ComposeProject compose, ImportReport report)
    {
        foreach (var service in compose.Services)
        {
            var script = service.Volumes.FirstOrDefault(m => m.Source == PreflightHost && m.Target == PreflightTarget);
            if (script is null || service.Key("entrypoint") is not { } entrypoint || ComposeValues.Command(entrypoint.Value) is not { } words
                || !words.SequenceEqual(new[] { "/bin/sh", PreflightTarget }))
            {
                continue;
            }
            service.Volumes.Remove(script);
            service.Keys.Remove("entrypoint");
            if (service.Key("command") is { } command && ComposeValues.Command(command.Value) is { } run && run.SequenceEqual(CaddyRun))
            {
                service.Keys.Remove("command");
            }
            report.Decide(script.Where, "'" + service.Name + "' starts through the preflight Datamancy generates for the ingress (caddy-preflight.sh); not declared.");
        }
    }

    /// <summary>Per-link networks: one internal network per pair of services that talk, one egress network per service that reaches the internet.</summary>
    private void Networks(ComposeProject compose, string domain, ImportReport report)
    {
        var names = compose.Services.SelectMany(s => s.Networks.Select(n => n.Value)).Distinct().ToList();
        if (names.Count == 0 || !names.All(n => n.StartsWith("link.", StringComparison.Ordinal) || n.StartsWith("egress.", StringComparison.Ordinal))
            || compose.Services.Any(s => s.Networks.Count == 0 && s.Key("network_mode") is null))
        {
            return;
        }
        var members = names.ToDictionary(n => n, n => compose.Services.Where(s => s.Networks.Any(x => x.Value == n)).Select(s => s.Name).ToList(), StringComparer.Ordinal);
        var valid = names.All(n => n.StartsWith("link.", StringComparison.Ordinal)
            ? members[n].Count == 2 && n == "link." + string.Join(".", members[n].OrderBy(m => m, StringComparer.Ordinal))
            : members[n].Count == 1 && n == "egress." + members[n][0]);
        if (!valid)
        {
            return;
        }
        PerLink = true;
        foreach (var name in names.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (name.StartsWith("link.", StringComparison.Ordinal))
            {
                var pair = members[name].OrderBy(m => m, StringComparer.Ordinal).ToList();
                Links.Add((pair[0], pair[1]));
            }
            else
            {
                Egress.Add(members[name][0]);
            }
            compose.Networks.Remove(name);
        }
        foreach (var service in compose.Services)
        {
            foreach (var key in service.Keys.Keys.Where(k => k.StartsWith("networks.", StringComparison.Ordinal)).ToList())
            {
                var aliases = service.Keys[key].Value.Child("aliases").Strings();
                // The ingress answers for the portal host on an OIDC client's link (the back-channel); derived from the client.
                if (service.Keys[key].Value.Entries().All(e => e.Key == "aliases") && aliases.All(a => a.EndsWith("." + domain, StringComparison.Ordinal)))
                {
                    service.Keys.Remove(key);
                }
            }
            service.Networks.Clear();
            if (service.ScalarKey("network_mode") == "none")
            {
                service.Keys.Remove("network_mode"); // a service without links joins no network
            }
        }
        report.Decide(null, "every network is a per-link ('link.a.b') or egress network: imported as Networking = NetworkLayout.PerLink, with [Uses] for the links no route, role or depends_on explains; the shared networks each service declares are inferred (they appear only in the network map).");
    }
}
