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
internal sealed class ServiceMapper
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

    public ServiceMapper(StackDraft stack, ImportReport report)
    {
        this.stack = stack;
        this.report = report;
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
        if (DirectoryImage.IsMatch(image))
        {
            return "Directory";
        }
        if (CacheImage.IsMatch(image))
        {
            return "Cache";
        }
        return DatabaseImage.IsMatch(image) && !routed ? "Database" : "App";
    }

    public void Map(ComposeService service, ServiceDraft draft, IReadOnlyCollection<string> allowlistVariables, Func<string, string?> classOf)
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
            else if (dependency.Condition is not ("service_started" or "service_healthy"))
            {
                report.Unsupported(dependency.Where, "depends_on condition '" + dependency.Condition + "'", "descriptors wait for started or healthy only");
            }
            else
            {
                draft.DependsOn.Add((dependency.Service, dependency.Condition == "service_started"));
            }
        }
        Resources(service, draft);
        Ports(service, draft);
        Privileges(service, draft);
        foreach (var key in service.Keys.Where(k => !Handled.Contains(k.Key) && !k.Key.StartsWith("networks.", StringComparison.Ordinal)).OrderBy(k => k.Value.Where.Line))
        {
            report.Unsupported(key.Value.Where, "'" + key.Key + "' of '" + service.Name + "'", WhyNot(key.Key));
        }
        foreach (var key in service.Keys.Where(k => k.Key.StartsWith("networks.", StringComparison.Ordinal)))
        {
            report.Unsupported(key.Value.Where, "network options (aliases, addresses) of '" + service.Name + "' on '" + key.Key.Substring(9) + "'", "services are reached by their name on the stack's networks");
        }
        foreach (var label in service.Labels.Where(l => !l.Key.StartsWith("caddy", StringComparison.Ordinal)))
        {
            report.Unsupported(label.Where, "label '" + label.Key + "' of '" + service.Name + "'", "descriptors carry no container labels");
        }
    }

    private static string WhyNot(string key) => key switch
    {
        "env_file" => "the descriptors pass each variable by name ([Env] or [Secret]); list the variables the service needs",
        "secrets" or "configs" => "compose file secrets/configs are not expressible; secrets are passed by name from the env file",
        "entrypoint" => "the image's entrypoint is used; put the arguments in Command",
        "container_name" => "the container is named after the service",
        "extra_hosts" or "dns" or "hostname" or "domainname" or "mac_address" => "network identity is fixed by the stack's networks",
        "devices" => "device access is not expressible",
        "tmpfs" or "read_only" or "shm_size" or "ulimits" or "sysctls" => "not expressible in this version of the descriptors",
        "logging" => "logging drivers are not expressible",
        "links" or "external_links" => "services reach each other by name on shared networks",
        "expose" => "used as the service's Port when no route names one",
        _ => "not expressible in this version of the descriptors",
    };

    private void Image(ComposeService service, ServiceDraft draft)
    {
        var image = service.ScalarKey("image");
        if (service.Key("build") is { } build)
        {
            report.Unsupported(build.Where, "build of '" + service.Name + "'", image is null
                ? "descriptors run images; build and push the image, then put its pinned reference in [Service] (imported with an empty image, which the build reports)"
                : "descriptors run images; the image '" + image + "' is used");
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
        foreach (var other in service.Profiles.Where(p => p.Value is not ("bootstrap" or "full")))
        {
            report.Unsupported(other.Where, "profile '" + other.Value + "' of '" + service.Name + "'", "descriptors have two profiles, bootstrap and full; imported as " + draft.Profile.ToLowerInvariant());
        }
    }

    private void Environment(ComposeService service, ServiceDraft draft, IReadOnlyCollection<string> allowlistVariables)
    {
        var byName = new HashSet<string>(service.Environment.Where(e => e.Value is not null && Interpolation.Whole(e.Value) is { } r && r.Name == e.Key).Select(e => e.Key), StringComparer.Ordinal);
        foreach (var entry in service.Environment)
        {
            if (draft.Role == "Sso" && (entry.Key.StartsWith("AUTHELIA_", StringComparison.Ordinal) || entry.Key == "X_AUTHELIA_CONFIG_FILTERS" || entry.Key.EndsWith("_DIGEST", StringComparison.Ordinal)))
            {
                if (entry.Value is { } v && !Interpolation.HasReferences(v) && SecretHeuristics.IsSecretLiteral(entry.Key, v))
                {
                    report.SecretsMoved.Add((entry.Key, entry.Where, service.Name));
                }
                report.Decide(entry.Where, "'" + entry.Key + "' of the SSO service is derived from the stack (Authelia's own secrets, OIDC digests, the template filter); not declared.");
                continue;
            }
            if (draft.Role == "Ingress" && (allowlistVariables.Contains(entry.Key) || entry.Key.StartsWith("CADDY_", StringComparison.Ordinal)))
            {
                report.Decide(entry.Where, "'" + entry.Key + "' of the ingress is " + (entry.Key.StartsWith("CADDY_", StringComparison.Ordinal) ? "a setting of caddy-docker-proxy, which the generated Caddyfile replaces" : "derived from the API hosts") + "; not declared.");
                continue;
            }
            if (entry.Key == "KFUNCDB_ALLOW_CAPS" || (draft.Capabilities is null && entry.Key.EndsWith("_ALLOW_CAPS", StringComparison.Ordinal)))
            {
                var list = (entry.Value ?? string.Empty).Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
                draft.Capabilities = (list, entry.Key == "KFUNCDB_ALLOW_CAPS" ? null : entry.Key);
                continue;
            }
            if (entry.Value is null)
            {
                if (SecretHeuristics.IsSecretName(entry.Key))
                {
                    draft.Secrets.Add(new SecretDraft(entry.Key, null));
                    report.Decide(entry.Where, "'" + entry.Key + "' of '" + service.Name + "' was passed through from the shell; imported as [Secret(\"" + entry.Key + "\")] read from the env file.");
                }
                else
                {
                    report.Unsupported(entry.Where, "'" + entry.Key + "' of '" + service.Name + "' passed through from the shell", "descriptors do not read the user's environment; give it a value with [Env]");
                }
                continue;
            }
            var value = entry.Value;
            if (Interpolation.Whole(value) is { } whole)
            {
                var secretLike = SecretHeuristics.IsSecretName(whole.Name) || SecretHeuristics.IsSecretName(entry.Key) || whole.Operator is ":?" or "?";
                if (secretLike && ValidSecret(whole.Name))
                {
                    if (whole.Name != entry.Key && byName.Contains(whole.Name))
                    {
                        draft.Env.Add((entry.Key, "${" + whole.Name + "}"));
                    }
                    else
                    {
                        AddSecret(draft, new SecretDraft(whole.Name, whole.Name == entry.Key ? null : entry.Key));
                    }
                    continue;
                }
                draft.Env.Add((entry.Key, "${" + whole.Name + "}"));
                report.Unsupported(entry.Where, "'" + entry.Key + "' of '" + service.Name + "' reads the non-secret variable " + whole.Name + (whole.Argument.Length > 0 ? " (default dropped)" : string.Empty),
                    "descriptors read the env file only for secrets; the reference is kept and the build reports it until it becomes a [Secret] or a literal [Env]");
                continue;
            }
            if (Interpolation.HasReferences(value))
            {
                var rewritten = value;
                foreach (var reference in Interpolation.References(value).Reverse())
                {
                    rewritten = rewritten.Substring(0, reference.Index) + "${" + reference.Name + "}" + rewritten.Substring(reference.Index + reference.Length);
                    if (SecretHeuristics.IsSecretName(reference.Name) && ValidSecret(reference.Name))
                    {
                        AddSecret(draft, new SecretDraft(reference.Name, null));
                    }
                }
                draft.Env.Add((entry.Key, Interpolation.Unescape(rewritten)));
                continue;
            }
            var literal = Interpolation.Unescape(value);
            if (SecretHeuristics.IsSecretLiteral(entry.Key, literal))
            {
                var name = ValidSecret(entry.Key) ? entry.Key : Naming.EnvName(service.Name) + "_" + Naming.EnvName(entry.Key);
                AddSecret(draft, new SecretDraft(name, name == entry.Key ? null : entry.Key));
                report.SecretsMoved.Add((name, entry.Where, service.Name + " " + entry.Key));
                continue;
            }
            draft.Env.Add((entry.Key, Tokens(literal)));
        }
    }

    private static void AddSecret(ServiceDraft draft, SecretDraft secret)
    {
        if (!draft.Secrets.Any(s => s.Name == secret.Name && s.As == secret.As))
        {
            draft.Secrets.Add(secret);
        }
    }

    private static bool ValidSecret(string name) => Regex.IsMatch(name, "^[A-Z_][A-Z0-9_]{0,127}$");

    /// <summary>The domain, its base DN and the portal URL become stack tokens, so the values follow a domain change.</summary>
    private string Tokens(string value)
    {
        var portal = "https://" + (stack.PortalHost ?? "auth") + "." + stack.Domain;
        value = Regex.Replace(value, Regex.Escape(portal) + "(?![A-Za-z0-9.-])", "{stack.portal_url}");
        var baseDn = string.Join(",", stack.Domain.Split('.').Select(l => "dc=" + l));
        value = value.Replace(baseDn, "{stack.base_dn}");
        return Regex.Replace(value, "(?<![A-Za-z0-9-])" + Regex.Escape(stack.Domain) + "(?![A-Za-z0-9-])", "{stack.domain}");
    }

    private void Mounts(ComposeService service, ServiceDraft draft)
    {
        foreach (var mount in service.Volumes)
        {
            if (mount.Source == "/var/run/docker.sock" || mount.Target == "/var/run/docker.sock")
            {
                draft.DockerSocketReadOnly = mount.ReadOnly;
                continue;
            }
            if (draft.Role == "Ingress" && (mount.Target.StartsWith("/etc/caddy/", StringComparison.Ordinal) || mount.Target is "/data" or "/config"))
            {
                report.Decide(mount.Where, "mount '" + mount.Target + "' of the ingress is derived (the Caddyfile, client CA files, /data and /config volumes); not declared.");
                continue;
            }
            if (draft.Role == "Sso" && (mount.Target.EndsWith("/configuration.yml", StringComparison.Ordinal) || mount.Target is "/var/lib/authelia" or "/config"))
            {
                report.Decide(mount.Where, "mount '" + mount.Target + "' of the SSO service is derived (configuration.yml and the data volume at /var/lib/authelia); not declared.");
                continue;
            }
            if (mount.Unsupported is { } what)
            {
                report.Unsupported(mount.Where, what + " of '" + service.Name + "'", "descriptors mount named volumes and ./ binds, read-only or not");
                if (mount.Source.Length == 0)
                {
                    continue;
                }
            }
            if (mount.Type == "bind" && !mount.Source.StartsWith("./", StringComparison.Ordinal))
            {
                report.Unsupported(mount.Where, "bind of host path '" + mount.Source + "' into '" + service.Name + "'", "descriptors bind paths relative to the stack ('./…'); kept as written, the build reports it");
            }
            draft.Volumes.Add(new VolumeDraft(mount.Source, mount.Target, mount.ReadOnly));
        }
    }

    private void Health(ComposeService service, ServiceDraft draft)
    {
        if (service.Key("healthcheck") is not { } located)
        {
            return;
        }
        var node = located.Value;
        if (node.Child("disable").Scalar() is "true")
        {
            report.Decide(located.Where, "the healthcheck of '" + service.Name + "' is disabled; imported without one (the build warns).");
            return;
        }
        var test = node.Child("test");
        List<string>? words = test switch
        {
            YamlSequenceNode seq => seq.Children.Select(c => c.Scalar() ?? string.Empty).ToList(),
            YamlScalarNode s => new List<string> { "CMD-SHELL", s.Value ?? string.Empty },
            _ => null,
        };
        if (words is null || words.Count == 0)
        {
            return;
        }
        List<string> command;
        if (words[0] == "CMD")
        {
            command = words.Skip(1).ToList();
        }
        else if (words[0] == "CMD-SHELL")
        {
            command = new List<string> { "/bin/sh", "-c", string.Join(" ", words.Skip(1)) };
            report.Decide(located.Where, "the CMD-SHELL healthcheck of '" + service.Name + "' is written as [Healthcheck(\"/bin/sh\", \"-c\", …)] (the same command, spelled in exec form).");
        }
        else if (words[0] == "NONE")
        {
            return;
        }
        else
        {
            command = words;
        }
        string? Duration(string key, string fallback) => node.Child(key).Scalar() is { } v && v != fallback ? v : null;
        var retries = ComposeReader.Int(node.Child("retries").Scalar());
        draft.Health = new HealthDraft(command.Select(Interpolation.Unescape).ToList(), Duration("interval", "30s"), Duration("timeout", "5s"), retries is 3 ? null : retries, Duration("start_period", "30s"));
    }

    private void Resources(ComposeService service, ServiceDraft draft)
    {
        var limits = service.Key("deploy")?.Value.Child("resources").Child("limits");
        var memory = limits.Child("memory").Scalar() ?? service.ScalarKey("mem_limit");
        var cpus = limits.Child("cpus").Scalar() ?? service.ScalarKey("cpus");
        var pids = ComposeReader.Int(service.ScalarKey("pids_limit") ?? limits.Child("pids").Scalar());
        if (memory is null && cpus is null && pids is null)
        {
            report.Decide(service.Where, "'" + service.Name + "' has no resource limits in compose; the descriptors' defaults apply (512m memory, 1.0 CPU, 256 processes).");
            return;
        }
        var normalizedMemory = memory is null ? null : Memory(memory);
        if (memory is not null && normalizedMemory is null)
        {
            report.Unsupported(service.Key("deploy")?.Where ?? service.Where, "memory limit '" + memory + "' of '" + service.Name + "'", "not a whole number of b, k, m or g");
        }
        draft.Resources = (normalizedMemory is "512m" ? null : normalizedMemory, cpus is null || cpus == "1.0" ? null : cpus, pids is 256 ? null : pids);
        if (draft.Resources is (null, null, null))
        {
            draft.Resources = null;
        }
    }

    private static string? Memory(string text)
    {
        var match = Regex.Match(text.Trim(), @"^(?<n>[0-9]+(?:\.[0-9]+)?)\s*(?<u>[bkmgBKMG])?[bB]?$");
        if (!match.Success)
        {
            return null;
        }
        var number = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["u"].Success ? char.ToLowerInvariant(match.Groups["u"].Value[0]) : 'b';
        var units = "bkmg";
        var index = units.IndexOf(unit);
        while (number != Math.Floor(number) && index > 0)
        {
            number *= 1024;
            index--;
        }
        while (index < 3 && number >= 1024 && number % 1024 == 0)
        {
            number /= 1024;
            index++;
        }
        return number.ToString("0", CultureInfo.InvariantCulture) + units[index];
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
        if (service.Key("restart") is { } restart && restart.Value.Scalar() is not ("unless-stopped" or "always"))
        {
            report.Decide(restart.Where, "restart '" + restart.Value.Scalar() + "' of '" + service.Name + "' becomes unless-stopped.");
        }
    }
}
