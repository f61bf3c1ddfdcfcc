using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Compose;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>Mounts, healthcheck and resource limits.</summary>
internal sealed partial class ServiceMapper
{
    private void Mounts(ComposeService service, ServiceDraft draft)
    {
        foreach (var located in service.Volumes)
        {
            // ${VAR:-default} as the source: the env file may move it (SourceVariable); the default is what the descriptors mount.
            var variable = Interpolation.Whole(located.Source) is { Operator: ":-" } reference && reference.Argument.Length > 0 ? reference : null;
            var mount = variable is null ? located : located with { Source = variable.Argument };
            if (mount.Source == "/var/run/docker.sock" || mount.Target == "/var/run/docker.sock")
            {
                draft.DockerSocketReadOnly = mount.ReadOnly;
                draft.DockerSocketVariable = variable?.Name;
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
            if (mount.Type == "bind" && mount.Source.StartsWith("/", StringComparison.Ordinal))
            {
                // Descriptors bind a host path with a justification: the TODO marker asks for it, the build reports it until then.
                report.Decide(mount.Where, "bind of host path '" + mount.Source + "' into '" + service.Name + "' is imported as written; the build reports it until you say why (Justification).");
            }
            else if (mount.Type == "bind" && !mount.Source.StartsWith("./", StringComparison.Ordinal))
            {
                report.Unsupported(mount.Where, "bind of host path '" + mount.Source + "' into '" + service.Name + "'", "descriptors bind paths relative to the stack ('./…'); kept as written, the build reports it");
            }
            var backup = mount.Type == "volume" && !mount.ReadOnly && backedUp.Contains(mount.Source) ? "Daily" : null;
            draft.Volumes.Add(new VolumeDraft(mount.Source, mount.Target, mount.ReadOnly, backup) { SourceVariable = variable?.Name });
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
        var shell = false;
        if (words[0] == "CMD")
        {
            command = words.Skip(1).ToList();
        }
        else if (words[0] == "CMD-SHELL")
        {
            command = new List<string> { string.Join(" ", words.Skip(1)) };
            shell = true;
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
        draft.Health = new HealthDraft(command.Select(Interpolation.Unescape).ToList(), Duration("interval", "30s"), Duration("timeout", "5s"), retries is 3 ? null : retries, Duration("start_period", "30s"), shell);
    }

    private void Resources(ComposeService service, ServiceDraft draft)
    {
        var limits = service.Key("deploy")?.Value.Child("resources").Child("limits");
        var memory = limits.Child("memory").Scalar() ?? service.ScalarKey("mem_limit");
        var cpus = limits.Child("cpus").Scalar() ?? service.ScalarKey("cpus");
        var pids = ComposeReader.Int(service.ScalarKey("pids_limit") ?? limits.Child("pids").Scalar());
        if (memory is null && cpus is null && pids is null)
        {
            report.Decide(service.Where, "'" + service.Name + "' has no resource limits in compose; the stack's default limits apply (512m memory, 1.0 CPU, 256 processes unless [Stack] sets others).");
            return;
        }
        if (memory is null && cpus is null)
        {
            draft.NoLimit = true;
            draft.Limits = (null, null, pids);
            report.Decide(service.Where, "'" + service.Name + "' has a pids limit but no memory or CPU limit: imported as [Resources(NoLimit = true)], which the build reports until you say why.");
            return;
        }
        var normalizedMemory = memory is null ? null : Memory(memory);
        draft.Limits = (normalizedMemory, cpus, pids);
        if (memory is not null && normalizedMemory is null)
        {
            report.Unsupported(service.Key("deploy")?.Where ?? service.Where, "memory limit '" + memory + "' of '" + service.Name + "'", "not a whole number of b, k, m or g");
        }
        // ResourceDefaults declares what differs from the stack's defaults once every service is read.
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
}
