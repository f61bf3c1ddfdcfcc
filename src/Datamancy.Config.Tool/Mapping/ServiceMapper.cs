using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Compose;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>One compose service → one descriptor: image, environment and secrets, mounts, healthcheck, limits, privileges.</summary>
internal sealed partial class ServiceMapper
{
    /// <summary>Keys read by this mapper or by the route mapper; every other key is reported as not expressible.</summary>
    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal)
    {
        "image", "build", "command", "user", "healthcheck", "deploy", "pids_limit", "mem_limit", "cpus", "restart", "privileged",
        "network_mode", "pid", "ipc", "userns_mode", "cap_add", "cap_drop", "security_opt",
    };

    private static readonly Regex DatabaseImage = new(@"(^|/)(postgres|postgis|timescaledb|mariadb|mysql|mongo|clickhouse-server|qdrant|influxdb|couchdb|elasticsearch|opensearch|cassandra|neo4j)(:|@|$)", RegexOptions.CultureInvariant);
    private static readonly Regex CacheImage = new(@"(^|/)(redis|valkey|keydb|memcached|dragonfly)(:|@|$)", RegexOptions.CultureInvariant);
    private static readonly Regex DirectoryImage = new(@"(^|/)(openldap|lldap|389ds|slapd)(:|@|$)", RegexOptions.CultureInvariant);

    private readonly ImportReport report;
    private readonly StackDraft stack;
    private readonly IReadOnlyCollection<string> backedUp;

    public ServiceMapper(StackDraft stack, ImportReport report, IReadOnlyCollection<string>? backedUp = null)
    {
        this.stack = stack;
        this.report = report;
        this.backedUp = backedUp ?? System.Array.Empty<string>();
    }

    public static string RoleFromImage(ComposeService service, bool routed)
    {
        var image = service.ScalarKey("image") ?? string.Empty;
        if (image.Contains("caddy", StringComparison.Ordinal) || service.Volumes.Any(v => v.Target.StartsWith("/etc/caddy", StringComparison.Ordinal)))
        {
            return "Ingress";
        }
        if (image.Contains("authelia/authelia", StringComparison.Ordinal) || image.StartsWith("authelia:", StringComparison.Ordinal))
        {
            return "Sso";
        }
        if (image.Contains("docker-socket-proxy", StringComparison.Ordinal))
        {
            return "SocketProxy";
        }
        if (DirectoryImage.IsMatch(image))
        {
            return "Directory";
        }
        if (CacheImage.IsMatch(image))
        {
            return "Cache";
        }
        // A one-off job on a database image (restart: no or on-failure) initialises or migrates a database; it is not one.
        var job = service.ScalarKey("restart") is { } restart && (restart == "no" || restart.StartsWith("on-failure", StringComparison.Ordinal));
        return DatabaseImage.IsMatch(image) && !routed && !job ? "Database" : "App";
    }

    public void Map(ComposeService service, ServiceDraft draft, IReadOnlyCollection<string> allowlistVariables, Func<string, string?> classOf, IReadOnlyCollection<string>? derivedAliases = null)
    {
        draft.Doc.AddRange(service.Comments);
        Image(service, draft);
        Profile(service, draft);
        if (service.ScalarKey("user") is { } user)
        {
            draft.User = user;
        }
        if (service.Key("command") is { } command)
        {
            var words = ComposeValues.Command(command.Value);
            if (words is null)
            {
                report.Unsupported(command.Where, "command of '" + service.Name + "'", "it needs a shell (pipes, redirects, ';' or '&&'); write it as a list of arguments");
            }
            else
            {
                draft.Command = words.Select(Interpolation.Unescape).ToList();
            }
        }
        Environment(service, draft, allowlistVariables);
        Mounts(service, draft);
        Health(service, draft);
        foreach (var dependency in service.DependsOn)
        {
            if (classOf(dependency.Service) is null)
            {
                report.Unsupported(dependency.Where, "depends_on '" + dependency.Service + "' of '" + service.Name + "'", "no such service in the compose files");
            }
            else if (dependency.Condition is not ("service_started" or "service_healthy" or "service_completed_successfully"))
            {
                report.Unsupported(dependency.Where, "depends_on condition '" + dependency.Condition + "'", "descriptors wait for started, healthy or completed");
            }
            else
            {
                draft.DependsOn.Add((dependency.Service, dependency.Condition switch
                {
                    "service_started" => "Started",
                    "service_completed_successfully" => "CompletedSuccessfully",
                    _ => "Healthy",
                }));
            }
        }
        Resources(service, draft);
        Ports(service, draft);
        Privileges(service, draft);
        Extras(service, draft);
        Aliases(service, draft, derivedAliases ?? Array.Empty<string>());
        foreach (var key in service.Keys.Where(k => !Handled.Contains(k.Key) && !ExtraKeys.Contains(k.Key) && !k.Key.StartsWith("networks.", StringComparison.Ordinal)).OrderBy(k => k.Value.Where.Line))
        {
            report.Unsupported(key.Value.Where, "'" + key.Key + "' of '" + service.Name + "'", WhyNot(key.Key));
        }
        foreach (var label in service.Labels.Where(l => !l.Key.StartsWith("caddy", StringComparison.Ordinal)))
        {
            report.Unsupported(label.Where, "label '" + label.Key + "' of '" + service.Name + "'", "descriptors carry no container labels");
        }
    }

    private static string WhyNot(string key) => key switch
    {
        "secrets" or "configs" => "compose file secrets/configs are not expressible; secrets are passed by name from the env file",
        "container_name" => "the container is named after the service",
        "hostname" or "domainname" or "mac_address" => "network identity is fixed by the stack's networks",
        "devices" => "device access is not expressible",
        "sysctls" => "kernel parameters are not expressible",
        "links" or "external_links" => "services reach each other by name on shared networks",
        "expose" => "used as the service's Port when no route names one",
        _ => "not expressible in this version of the descriptors",
    };

    private void Image(ComposeService service, ServiceDraft draft)
    {
        var image = service.ScalarKey("image");
        if (service.Key("build") is { } build)
        {
            var node = build.Value;
            var context = node is YamlScalarNode ? node.Scalar() : node.Child("context").Scalar();
            if (context is null)
            {
                report.Unsupported(build.Where, "build of '" + service.Name + "' without a context", "[Build] needs the context folder");
            }
            else
            {
                var args = StringsOrMap(node.Child("args") is { } a ? new Located<YamlNode>(a, build.Where) : null, '=').Select(Interpolation.Unescape).ToList();
                draft.Extras.Build = (context, node.Child("dockerfile").Scalar(), node.Child("target").Scalar(), args);
                foreach (var (key, _, _) in node.Entries().Where(e => e.Key is not ("context" or "dockerfile" or "target" or "args")))
                {
                    report.Unsupported(build.Where, "build." + key + " of '" + service.Name + "'", "[Build] has a context, a Dockerfile, a target and arguments");
                }
            }
            if (image is null)
            {
                report.Unsupported(build.Where, "build of '" + service.Name + "' without an image name", "descriptors tag what they build: put the image reference in [Service] (imported with an empty image, which the build reports)");
            }
        }
        draft.Image = image ?? string.Empty;
    }

    private void Profile(ComposeService service, ServiceDraft draft)
    {
        var names = service.Profiles.Select(p => p.Value).ToList();
        draft.Profile = names.Contains("bootstrap") ? "Bootstrap" : "Full";
        if (names.Count == 0)
        {
            report.Decide(service.Where, "'" + service.Name + "' starts without a profile in compose; imported into the full stack (Profile.Full). Set Profile.Bootstrap if it belongs to the bootstrap subset.");
        }
        if (draft.Profile == "Bootstrap")
        {
            return; // a bootstrap service starts in every profile: its other profiles are derived
        }
        foreach (var other in service.Profiles.Where(p => p.Value is not ("bootstrap" or "full")))
        {
            draft.Extras.Profiles.Add(other.Value);
        }
        if (draft.Extras.Profiles.Count > 0 && !names.Contains("full"))
        {
            report.Decide(service.Profiles[0].Where, "'" + service.Name + "' starts in the named profiles " + string.Join(", ", draft.Extras.Profiles) + "; descriptors start it in the full stack too.");
        }
    }

    private void Ports(ComposeService service, ServiceDraft draft)
    {
        foreach (var port in service.Ports)
        {
            if (port.HostIp is { } ip && ip.Length > 0 && ip != "0.0.0.0" && !ip.Contains("INGRESS_BIND_IP", StringComparison.Ordinal))
            {
                report.Unsupported(port.Where, "host address '" + ip + "' of port " + port.HostPort + " of '" + service.Name + "'",
                    draft.Role == "Ingress" ? "the ingress binds to INGRESS_BIND_IP from the env file; set it there" : "published ports bind to all addresses; the build reports the port");
            }
            if (port.Protocol is not ("tcp" or "udp"))
            {
                report.Unsupported(port.Where, "protocol '" + port.Protocol + "'", "tcp or udp only");
                continue;
            }
            draft.Publish.Add(new PublishDraft(port.HostPort, port.ContainerPort, port.Protocol == "udp"));
        }
    }

    private void Privileges(ComposeService service, ServiceDraft draft)
    {
        if (service.ScalarKey("privileged") is "true")
        {
            draft.Elevations.Add(("Privileged", new List<string>()));
        }
        foreach (var (key, kind) in new[] { ("network_mode", "HostNetwork"), ("pid", "HostPid"), ("ipc", "HostIpc"), ("userns_mode", "HostUserns") })
        {
            if (service.Key(key) is { } located)
            {
                if (located.Value.Scalar() == "host")
                {
                    draft.Elevations.Add((kind, new List<string>()));
                }
                else
                {
                    report.Unsupported(located.Where, key + " '" + located.Value.Scalar() + "' of '" + service.Name + "'", "only 'host' (as an [Elevated] exception) is expressible");
                }
            }
        }
        if (service.Key("cap_add") is { } capAdd)
        {
            var caps = capAdd.Value.Strings().Select(c => c.StartsWith("CAP_", StringComparison.Ordinal) ? c.Substring(4) : c).ToList();
            if (caps.Count > 0)
            {
                draft.Elevations.Add(("CapAdd", caps));
            }
        }
        if (service.Key("cap_drop") is { } capDrop && !capDrop.Value.Strings().Contains("ALL"))
        {
            report.Decide(capDrop.Where, "'" + service.Name + "' dropped only some capabilities; the descriptors drop ALL (add back what it needs with [Elevated(Elevation.CapAdd, …)]).");
        }
        if (service.Key("security_opt") is { } securityOpt)
        {
            foreach (var option in securityOpt.Value.Strings())
            {
                if (option.Replace('=', ':') == "seccomp:unconfined")
                {
                    draft.Elevations.Add(("SeccompUnconfined", new List<string>()));
                }
                else if (!option.StartsWith("no-new-privileges", StringComparison.Ordinal))
                {
                    report.Unsupported(securityOpt.Where, "security_opt '" + option + "' of '" + service.Name + "'", "descriptors set no-new-privileges and nothing else");
                }
            }
        }
    }
}
