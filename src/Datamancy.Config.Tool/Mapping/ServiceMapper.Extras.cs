using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Compose;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>
/// The compose keys of a long-lived stack the descriptors express since issue 12: build, named profiles, entrypoint,
/// env_file, network aliases, extra_hosts, dns, ulimits, logging, tmpfs, stop_grace_period, shm_size, read_only, jobs
/// (restart no / on-failure), GPUs and replicas. A form the attribute cannot hold is reported with its reason.
/// </summary>
internal sealed partial class ServiceMapper
{
    private static readonly HashSet<string> ExtraKeys = new(StringComparer.Ordinal)
    {
        "entrypoint", "env_file", "extra_hosts", "dns", "ulimits", "logging", "tmpfs", "stop_grace_period", "shm_size", "read_only",
    };

    private void Extras(ComposeService service, ServiceDraft draft)
    {
        var x = draft.Extras;
        if (service.Key("entrypoint") is { } entrypoint)
        {
            if (ComposeValues.Command(entrypoint.Value) is { } words)
            {
                x.Entrypoint = words.Select(Interpolation.Unescape).ToList();
            }
            else
            {
                report.Unsupported(entrypoint.Where, "entrypoint of '" + service.Name + "'", "it needs a shell (pipes, redirects, ';' or '&&'); write it as a list of arguments");
            }
        }
        if (service.Key("env_file") is { } envFile)
        {
            foreach (var item in envFile.Value is YamlSequenceNode seq ? seq.Children : new List<YamlNode> { envFile.Value })
            {
                var path = item is YamlMappingNode map ? map.Child("path").Scalar() : item.Scalar();
                if (path is null || path.Length == 0)
                {
                    report.Unsupported(envFile.Where, "env_file entry of '" + service.Name + "'", "an env file is a path");
                    continue;
                }
                if (item.Child("required").Scalar() is "false")
                {
                    report.Decide(envFile.Where, "env_file '" + path + "' of '" + service.Name + "' was optional (required: false); descriptors read it always.");
                }
                x.EnvFiles.Add(path);
                report.Decide(envFile.Where, "env_file '" + path + "' of '" + service.Name + "' is passed whole and unchecked: imported as [EnvFile], which the build reports until you write why (Justification).");
            }
        }
        foreach (var line in StringsOrMap(service.Key("extra_hosts"), ':'))
        {
            var separator = line.IndexOf('=') > 0 ? line.IndexOf('=') : line.IndexOf(':');
            if (separator <= 0)
            {
                report.Unsupported(service.Key("extra_hosts")!.Where, "extra_hosts entry '" + line + "' of '" + service.Name + "'", "an entry is host:address");
                continue;
            }
            x.ExtraHosts.Add((line.Substring(0, separator), line.Substring(separator + 1)));
        }
        if (service.Key("dns") is { } dns)
        {
            x.Dns = dns.Value.Strings().ToList();
        }
        Ulimits(service, x);
        Logging(service, x);
        if (service.Key("tmpfs") is { } tmpfs)
        {
            foreach (var entry in tmpfs.Value.Strings())
            {
                var match = Regex.Match(entry, "^(?<t>/[^:]*)(?::size=(?<s>[0-9]+[bkmgBKMG]?))?$");
                if (match.Success)
                {
                    x.Tmpfs.Add((match.Groups["t"].Value, match.Groups["s"].Success ? match.Groups["s"].Value : null));
                }
                else
                {
                    report.Unsupported(tmpfs.Where, "tmpfs '" + entry + "' of '" + service.Name + "'", "descriptors mount a tmpfs with a size only (target:size=N)");
                }
            }
        }
        x.StopGracePeriod = service.ScalarKey("stop_grace_period");
        x.ShmSize = service.ScalarKey("shm_size");
        x.ReadOnlyRootFilesystem = service.ScalarKey("read_only") is "true" or "True";
        if (service.Key("restart") is { } restart)
        {
            switch (restart.Value.Scalar())
            {
                case "no":
                    x.Job = false;
                    report.Decide(restart.Where, "'" + service.Name + "' is not restarted (restart: no): imported as a one-off [Job].");
                    break;
                case { } policy when policy.StartsWith("on-failure", StringComparison.Ordinal):
                    x.Job = true;
                    if (policy != "on-failure:5")
                    {
                        report.Decide(restart.Where, "restart '" + policy + "' of '" + service.Name + "' becomes a [Job(RestartOnFailure = true)] (restart: on-failure:5).");
                    }
                    break;
                case "unless-stopped" or "always":
                    break;
                case var other:
                    report.Decide(restart.Where, "restart '" + other + "' of '" + service.Name + "' becomes unless-stopped.");
                    break;
            }
        }
        Deploy(service, x);
    }

    private void Ulimits(ComposeService service, ExtrasDraft x)
    {
        if (service.Key("ulimits") is not { } ulimits)
        {
            return;
        }
        foreach (var (name, _, value) in ulimits.Value.Entries())
        {
            var single = Limit(value.Scalar());
            var soft = single ?? Limit(value.Child("soft").Scalar());
            var hard = single ?? Limit(value.Child("hard").Scalar());
            if (soft is { } s && hard is { } h)
            {
                x.Ulimits.Add((name, s, h));
            }
            else
            {
                report.Unsupported(ulimits.Where, "ulimit '" + name + "' of '" + service.Name + "'", "a ulimit is a number or soft and hard numbers (-1: unlimited)");
            }
        }
    }

    /// <summary>A ulimit value: a number, or -1 for unlimited (as [Ulimit] declares it and compose writes it).</summary>
    private static int? Limit(string? text) => text == "-1" ? -1 : ComposeReader.Int(text);

    private void Logging(ComposeService service, ExtrasDraft x)
    {
        if (service.Key("logging") is not { } logging)
        {
            return;
        }
        if (logging.Value.Child("driver").Scalar() is not { } driver)
        {
            report.Unsupported(logging.Where, "logging of '" + service.Name + "' without a driver", "descriptors name the logging driver");
            return;
        }
        var options = logging.Value.Child("options").Entries().Select(e => e.Key + "=" + (e.Value.Scalar() ?? string.Empty)).ToList();
        x.Logging = (driver, options);
    }

    private void Deploy(ComposeService service, ExtrasDraft x)
    {
        if (service.Key("deploy") is not { } deploy)
        {
            return;
        }
        if (ComposeReader.Int(deploy.Value.Child("replicas").Scalar()) is { } replicas)
        {
            x.Replicas = replicas;
        }
        foreach (var device in deploy.Value.Child("resources").Child("reservations").Child("devices") is YamlSequenceNode devices ? devices.Children : new List<YamlNode>())
        {
            var capabilities = device.Child("capabilities").Strings().ToList();
            if (!capabilities.Contains("gpu") || x.Gpu is not null)
            {
                report.Unsupported(deploy.Where, "device reservation of '" + service.Name + "'", "descriptors reserve one GPU request ([Gpu])");
                continue;
            }
            var count = device.Child("count").Scalar() is "all" or null ? 0 : ComposeReader.Int(device.Child("count").Scalar()) ?? 0;
            x.Gpu = (device.Child("driver").Scalar() ?? "nvidia", count, capabilities);
        }
        foreach (var (key, _, _) in deploy.Value.Child("resources").Child("reservations").Entries().Where(e => e.Key != "devices"))
        {
            report.Unsupported(deploy.Where, "deploy.resources.reservations." + key + " of '" + service.Name + "'", "descriptors set limits ([Resources]) and GPU reservations ([Gpu]) only");
        }
        foreach (var (key, _, _) in deploy.Value.Entries().Where(e => e.Key is not ("replicas" or "resources")))
        {
            report.Unsupported(deploy.Where, "deploy." + key + " of '" + service.Name + "'", "not expressible in this version of the descriptors");
        }
    }

    /// <summary>Network aliases: the same on every network (descriptors give a service one set of aliases).</summary>
    private void Aliases(ComposeService service, ServiceDraft draft, IReadOnlyCollection<string> derived)
    {
        foreach (var key in service.Keys.Where(k => k.Key.StartsWith("networks.", StringComparison.Ordinal)).OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            var options = key.Value.Value;
            foreach (var alias in options.Child("aliases").Strings().Where(a => !derived.Contains(a) && !draft.Extras.Aliases.Contains(a)))
            {
                draft.Extras.Aliases.Add(alias);
            }
            foreach (var (option, _, _) in options.Entries().Where(e => e.Key != "aliases"))
            {
                report.Unsupported(key.Value.Where, "network option '" + option + "' of '" + service.Name + "' on '" + key.Key.Substring(9) + "'",
                    "services are reached by their name and aliases on the stack's networks");
            }
        }
    }

    private static IEnumerable<string> StringsOrMap(Located<YamlNode>? node, char separator) =>
        node?.Value is YamlMappingNode map
            ? map.Entries().Select(e => e.Key + separator + (e.Value.Scalar() ?? string.Empty))
            : node?.Value.Strings() ?? Enumerable.Empty<string>();
}
