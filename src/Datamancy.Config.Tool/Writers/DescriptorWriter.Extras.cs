using System.Collections.Generic;
using System.Linq;
using System.Text;
using Datamancy.Config.Tool.Mapping;

namespace Datamancy.Config.Tool.Writers;

/// <summary>The issue-12 keys (builds, profiles, env files, aliases, runtime keys) and the TODO markers for what only the user can write.</summary>
internal static partial class DescriptorWriter
{
    /// <summary>A line the user must act on: the build reports the declaration that follows until it is done.</summary>
    private static void Todo(StringBuilder text, string what) => text.Append("// TODO(import): ").Append(what).Append('\n');

    private static void ServiceExtras(List<string> service, ExtrasDraft x)
    {
        if (x.Profiles.Count > 0) service.Add("Profiles = new[] { " + string.Join(", ", x.Profiles.Select(Str)) + " }");
        if (x.Entrypoint is not null) service.Add("Entrypoint = new[] { " + string.Join(", ", x.Entrypoint.Select(Str)) + " }");
        if (x.StopGracePeriod is not null) service.Add("StopGracePeriod = " + Str(x.StopGracePeriod));
        if (x.ShmSize is not null) service.Add("ShmSize = " + Str(x.ShmSize));
        if (x.ReadOnlyRootFilesystem) service.Add("ReadOnlyRootFilesystem = true");
        if (x.Replicas != 1) service.Add("Replicas = " + Int(x.Replicas));
    }

    private static void AttributeExtras(StringBuilder text, ExtrasDraft x)
    {
        if (x.Build is var (context, dockerfile, target, buildArgs))
        {
            var args = new List<string> { Str(context) };
            if (dockerfile is not null) args.Add("Dockerfile = " + Str(dockerfile));
            if (target is not null) args.Add("Target = " + Str(target));
            if (buildArgs.Count > 0) args.Add("Args = new[] { " + string.Join(", ", buildArgs.Select(Str)) + " }");
            Attribute(text, "Build", args);
        }
        if (x.Job is { } restartOnFailure)
        {
            Attribute(text, "Job", restartOnFailure ? new List<string> { "RestartOnFailure = true" } : new List<string>());
        }
        foreach (var (name, value, alias) in x.Settings)
        {
            var args = new List<string> { Str(name), Str(value) };
            if (alias is not null) args.Add("As = " + Str(alias));
            if (x.SettingDescriptions.TryGetValue(name, out var description)) args.Add("Description = " + Str(description));
            Attribute(text, "Setting", args);
        }
        foreach (var path in x.EnvFiles)
        {
            Todo(text, "say why '" + path + "' is read whole, unchecked (Justification = \"…\"); the build reports it until then.");
            Attribute(text, "EnvFile", new List<string> { Str(path) });
        }
        foreach (var alias in x.Aliases)
        {
            Attribute(text, "NetworkAlias", new List<string> { Str(alias) });
        }
        foreach (var (host, address) in x.ExtraHosts)
        {
            Todo(text, "say why '" + host + "' is pinned to " + address + " (Justification = \"…\"); the build reports it until then.");
            Attribute(text, "ExtraHost", new List<string> { Str(host), Str(address) });
        }
        if (x.Dns is { } servers)
        {
            Todo(text, "say why the service needs its own DNS servers (Justification = \"…\"); the build reports it until then.");
            Attribute(text, "Dns", servers.Select(Str).ToList());
        }
        foreach (var (name, soft, hard) in x.Ulimits)
        {
            Attribute(text, "Ulimit", new List<string> { Str(name), Int(soft), Int(hard) });
        }
        if (x.Logging is var (driver, options))
        {
            var args = new List<string> { Str(driver) };
            if (options.Count > 0) args.Add("Options = new[] { " + string.Join(", ", options.Select(Str)) + " }");
            Attribute(text, "Logging", args);
        }
        foreach (var (mountPoint, size) in x.Tmpfs)
        {
            var args = new List<string> { Str(mountPoint) };
            if (size is not null) args.Add("Size = " + Str(size));
            Attribute(text, "Tmpfs", args);
        }
        if (x.Gpu is var (gpuDriver, count, capabilities))
        {
            var args = new List<string>();
            if (gpuDriver != "nvidia") args.Add("Driver = " + Str(gpuDriver));
            if (count != 0) args.Add("Count = " + Int(count));
            if (capabilities.Count > 0) args.Add("Capabilities = new[] { " + string.Join(", ", capabilities.Select(Str)) + " }");
            Attribute(text, "Gpu", args);
        }
    }
}
