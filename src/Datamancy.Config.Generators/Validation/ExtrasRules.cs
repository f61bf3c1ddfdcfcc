using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using static Datamancy.Config.Generators.Validation.ServiceRules;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// The rules on one service's real-stack keys (issue 12): grammar of every value, and each freedom that can
    /// weaken the hardened default (env files, host paths, host entries, DNS, no resource limit) needs a justification.
    /// </summary>
    internal static class ExtrasRules
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private static readonly Regex ProfileName = new("^[a-z][a-z0-9_-]{0,62}$", Options);
        private static readonly Regex Identifier = new("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$", Options);
        private static readonly Regex LowerIdentifier = new("^[a-z0-9][a-z0-9_.-]{0,62}$", Options);
        private static readonly Regex HostPathPattern = new("^/[A-Za-z0-9._/@+-]*$", Options);
        private static readonly Regex LogOption = new("^[a-z0-9][a-z0-9_.-]{0,62}=[A-Za-z0-9_.,:/@+-]{1,255}$", Options);
        private static readonly Regex BuildArg = new("^([A-Za-z_][A-Za-z0-9_]{0,127})=(.*)$", Options);
        private static readonly Regex SecretLikeName = new("(^|_)(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|KEY|CREDENTIALS?)$", RegexOptions.IgnoreCase | Options);
        private static readonly string[] Ulimits = { "core", "cpu", "data", "fsize", "locks", "memlock", "msgqueue", "nice", "nofile", "nproc", "rss", "rtprio", "rttime", "sigpending", "stack" };

        public static void Check(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            var x = s.Extras;
            CheckBuild(s, x.Build, findings, invalid);
            CheckProfiles(s, invalid);
            CheckJob(s, invalid);
            CheckSettings(s, findings, invalid);
            for (var i = 0; i < x.EnvFiles.Count; i++)
            {
                var file = x.EnvFiles[i];
                if (!ValueRules.IsBindSource(file.Path) || file.Path.EndsWith("/", System.StringComparison.Ordinal))
                {
                    invalid(SiteKeys.Of("EnvFile", i, "Path"), "env file '" + Shown(file.Path) + "'", "use a file inside the stack folder starting with './'");
                }
                Justified(s, findings, invalid, SiteKeys.Of("EnvFile", i, "Path"), SiteKeys.Of("EnvFile", i, "Justification"), file.Justification, "env_file: " + Shown(file.Path));
            }
            CheckNetworkKeys(s, findings, invalid);
            CheckRuntime(s, invalid);
            CheckMounts(s, findings, invalid);
            if (x.NoResourceLimit)
            {
                if (s.Resources.Memory is not null || s.Resources.Cpus is not null)
                {
                    invalid("Resources.NoLimit", "NoLimit", "it cannot be combined with Memory or Cpus");
                }
                Justified(s, findings, invalid, "Resources.NoLimit", "Resources.Justification", x.ResourceJustification, "no memory and CPU limit");
            }
            AutheliaOptionRules.Check(s, findings, invalid);
        }

        /// <summary>An explicit exception: rendered only with a written reason, otherwise DMC3011.</summary>
        internal static void Justified(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid, string key, string justificationKey, string? justification, string what)
        {
            if (justification is { } text && !ValueRules.IsSafeText(text))
            {
                invalid(justificationKey, "Justification", "control, line-break and invisible characters are not allowed");
            }
            else if (!ValueRules.IsJustification(justification))
            {
                findings.Add(Finding.For(Descriptors.ElevationWithoutJustification, s, key, s.Name, what));
            }
        }

        private static void CheckBuild(ServiceModel s, BuildModel? b, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (b is null)
            {
                return;
            }
            if (!ValueRules.IsBindSource(b.Context))
            {
                invalid("Build.Context", "build context '" + Shown(b.Context) + "'", "use a folder inside the stack folder starting with './'");
            }
            if (b.Dockerfile is { } dockerfile && !ValueRules.IsRelativeFile(dockerfile))
            {
                invalid("Build.Dockerfile", "Dockerfile '" + Shown(dockerfile) + "'", "use a file path relative to the context");
            }
            if (b.Target is { } target && !Identifier.IsMatch(target))
            {
                invalid("Build.Target", "Target '" + Shown(target) + "'", "use a stage name of letters, digits, '_', '.' and '-'");
            }
            for (var i = 0; i < b.Args.Count; i++)
            {
                var key = SiteKeys.Element("Build.Args", i);
                var match = BuildArg.Match(b.Args[i]);
                if (!match.Success || !ValueRules.IsSafeText(b.Args[i]))
                {
                    invalid(key, "build argument " + i, "write NAME=value on one line");
                }
                else if (SecretLikeName.IsMatch(match.Groups[1].Value) && match.Groups[2].Value.Length > 0)
                {
                    findings.Add(Finding.For(Descriptors.SecretLiteral, s, key, s.Name,
                        "build argument '" + match.Groups[1].Value + "' has a literal value that stays in the image's history", "pass secrets at run time with [Secret]"));
                }
            }
            if (b.BaseImage is { } baseImage)
            {
                if (!ValueRules.IsImage(baseImage))
                {
                    invalid("Build.BaseImage", "base image '" + Shown(baseImage) + "'", "expected an OCI reference such as 'python:3.12.7-slim'");
                }
                else if (!ValueRules.IsPinned(baseImage))
                {
                    findings.Add(Finding.For(Descriptors.UnpinnedImage, s, "Build.BaseImage", s.Name, baseImage));
                }
            }
        }

        private static void CheckProfiles(ServiceModel s, System.Action<string, string, string> invalid)
        {
            var seen = new HashSet<string>();
            for (var i = 0; i < s.Extras.NamedProfiles.Count; i++)
            {
                var profile = s.Extras.NamedProfiles[i];
                var key = SiteKeys.Element("Service.Profiles", i);
                if (!ProfileName.IsMatch(profile) || profile is "bootstrap" or "full")
                {
                    invalid(key, "profile '" + Shown(profile) + "'", "use a lower-case name such as 'databases' other than 'bootstrap' and 'full' (use Profile for those)");
                }
                else if (!seen.Add(profile))
                {
                    invalid(key, "profile '" + profile + "'", "it is listed twice");
                }
                else if (s.Profile == Profile.Bootstrap)
                {
                    invalid(key, "profile '" + profile + "'", "a bootstrap service already starts in every profile");
                }
            }
        }

        private static void CheckJob(ServiceModel s, System.Action<string, string, string> invalid)
        {
            if (s.Extras.Job is null)
            {
                return;
            }
            if (s.Role != ServiceRole.App)
            {
                invalid("Job", "[Job]", "a one-shot job has the App role; the " + s.Role + " must keep running");
            }
            if (s.Ui is not null || s.Api is not null || s.Ports.Count > 0)
            {
                invalid("Job", "[Job]", "a one-shot job is not routed and publishes no port");
            }
        }

        private static void CheckSettings(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            for (var i = 0; i < s.Extras.Settings.Count; i++)
            {
                var setting = s.Extras.Settings[i];
                if (!ValueRules.IsSecretName(setting.Name))
                {
                    invalid(SiteKeys.Of("Setting", i, "Name"), "setting name '" + Shown(setting.Name) + "'", "use upper-case letters, digits and '_'");
                    continue;
                }
                if (!ValueRules.IsEnvName(setting.Variable))
                {
                    invalid(SiteKeys.Of("Setting", i, "As"), "variable name '" + Shown(setting.Variable) + "'", "use letters, digits and '_', not starting with a digit");
                }
                if (SecretLikeName.IsMatch(setting.Name) && !setting.Name.EndsWith("PUBLIC_KEY", System.StringComparison.Ordinal))
                {
                    findings.Add(Finding.For(Descriptors.SecretLiteral, s, SiteKeys.Of("Setting", i, "Name"), s.Name,
                        "setting '" + setting.Name + "' names a secret, whose default would be written in code", "declare [Secret(\"" + setting.Name + "\")] (Optional = true if the service starts without it)"));
                }
                if (!ValueRules.IsSafeText(setting.Default) || StackToken.Replace(setting.Default, string.Empty).IndexOf('}') >= 0)
                {
                    invalid(SiteKeys.Of("Setting", i, "DefaultValue"), "the default of '" + setting.Name + "'", "one line without '}' (compose ends the default there)");
                }
                foreach (var token in Rendering.StackTokens.Unknown(setting.Default))
                {
                    invalid(SiteKeys.Of("Setting", i, "DefaultValue"), "the default of '" + setting.Name + "'", "'{stack." + token + "}' is not a stack token");
                }
                if (setting.Description is { } d && !ValueRules.IsSafeText(d))
                {
                    invalid(SiteKeys.Of("Setting", i, "Description"), "Description", "control, line-break and invisible characters are not allowed");
                }
            }
        }

        private static readonly Regex StackToken = new(@"\{stack\.[a-z_]+\}", Options);

        private static void CheckNetworkKeys(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            var x = s.Extras;
            for (var i = 0; i < x.Aliases.Count; i++)
            {
                if (!ValueRules.IsHost(x.Aliases[i]))
                {
                    invalid(SiteKeys.Of("NetworkAlias", i, "Alias"), "alias '" + Shown(x.Aliases[i]) + "'", "use lower-case DNS labels");
                }
            }
            for (var i = 0; i < x.ExtraHosts.Count; i++)
            {
                var entry = x.ExtraHosts[i];
                if (!ValueRules.IsHost(entry.Host))
                {
                    invalid(SiteKeys.Of("ExtraHost", i, "Host"), "host '" + Shown(entry.Host) + "'", "use lower-case DNS labels");
                }
                if (entry.Address != "host-gateway" && !IsAddress(entry.Address))
                {
                    invalid(SiteKeys.Of("ExtraHost", i, "Address"), "address '" + Shown(entry.Address) + "'", "use an IPv4 or IPv6 address or 'host-gateway'");
                }
                Justified(s, findings, invalid, SiteKeys.Of("ExtraHost", i, "Host"), SiteKeys.Of("ExtraHost", i, "Justification"), entry.Justification,
                    "extra_hosts: " + Shown(entry.Host) + ":" + Shown(entry.Address));
            }
            if (x.Dns is { } dns)
            {
                if (dns.Servers.Count == 0)
                {
                    invalid("Dns", "[Dns]", "name at least one server");
                }
                for (var i = 0; i < dns.Servers.Count; i++)
                {
                    if (!IsAddress(dns.Servers[i]))
                    {
                        invalid(SiteKeys.Element("Dns.Servers", i), "DNS server '" + Shown(dns.Servers[i]) + "'", "use an IPv4 or IPv6 address");
                    }
                }
                Justified(s, findings, invalid, "Dns", "Dns.Justification", dns.Justification, "dns: " + string.Join(", ", dns.Servers.Select(Shown)));
            }
        }

        /// <summary>A bare IP address (no prefix).</summary>
        internal static bool IsAddress(string value) =>
            value.IndexOf('/') < 0 && Cidrs.TryParse(value + (value.IndexOf(':') >= 0 ? "/128" : "/32"), out _, out _);

        private static void CheckRuntime(ServiceModel s, System.Action<string, string, string> invalid)
        {
            var x = s.Extras;
            for (var i = 0; i < x.Entrypoint.Count; i++)
            {
                if (!ValueRules.IsSafeText(x.Entrypoint[i]))
                {
                    invalid(SiteKeys.Element("Service.Entrypoint", i), "Entrypoint argument " + i, "control, line-break and invisible characters are not allowed");
                }
            }
            var names = new HashSet<string>();
            for (var i = 0; i < x.Ulimits.Count; i++)
            {
                var u = x.Ulimits[i];
                if (System.Array.IndexOf(Ulimits, u.Name) < 0)
                {
                    invalid(SiteKeys.Of("Ulimit", i, "Name"), "ulimit '" + Shown(u.Name) + "'", "use one of " + string.Join(", ", Ulimits));
                }
                else if (!names.Add(u.Name))
                {
                    invalid(SiteKeys.Of("Ulimit", i, "Name"), "ulimit '" + u.Name + "'", "it is set twice");
                }
                if (u.Soft < -1 || u.Hard < -1 || (u.Hard != -1 && (u.Soft == -1 || u.Soft > u.Hard)))
                {
                    invalid(SiteKeys.Of("Ulimit", i, "Soft"), "ulimit '" + Shown(u.Name) + "' " + u.Soft + "/" + u.Hard, "use 0 or more (-1: unlimited) with soft <= hard");
                }
            }
            if (x.Logging is { } logging)
            {
                if (!LowerIdentifier.IsMatch(logging.Driver))
                {
                    invalid("Logging.Driver", "log driver '" + Shown(logging.Driver) + "'", "use a driver name such as 'json-file' or 'local'");
                }
                for (var i = 0; i < logging.Options.Count; i++)
                {
                    if (!LogOption.IsMatch(logging.Options[i]))
                    {
                        invalid(SiteKeys.Element("Logging.Options", i), "log option '" + Shown(logging.Options[i]) + "'", "write key=value, such as 'max-size=10m'");
                    }
                }
            }
            if (x.StopGracePeriod is { } grace && !ValueRules.IsDuration(grace))
            {
                invalid("Service.StopGracePeriod", "StopGracePeriod '" + Shown(grace) + "'", "use a duration such as '30s' or '2m'");
            }
            if (x.ShmSize is { } shm && !ValueRules.IsMemory(shm))
            {
                invalid("Service.ShmSize", "ShmSize '" + Shown(shm) + "'", "use a size such as '256m' or '1g'");
            }
            for (var i = 0; i < x.Tmpfs.Count; i++)
            {
                var t = x.Tmpfs[i];
                if (!ValueRules.IsContainerPath(t.Target))
                {
                    invalid(SiteKeys.Of("Tmpfs", i, "Target"), "tmpfs target '" + Shown(t.Target) + "'", "use an absolute container path without '..'");
                }
                if (t.Size is { } size && !ValueRules.IsMemory(size))
                {
                    invalid(SiteKeys.Of("Tmpfs", i, "Size"), "tmpfs size '" + Shown(size) + "'", "use a size such as '64m'");
                }
            }
            if (x.Gpu is { } gpu)
            {
                if (!LowerIdentifier.IsMatch(gpu.Driver))
                {
                    invalid("Gpu.Driver", "GPU driver '" + Shown(gpu.Driver) + "'", "use a driver name such as 'nvidia'");
                }
                if (gpu.Count is < 0 or > 64)
                {
                    invalid("Gpu.Count", "GPU Count " + gpu.Count, "use 1-64, or 0 for all GPUs");
                }
                if (gpu.Capabilities.Count == 0 || gpu.Capabilities.Any(c => !LowerIdentifier.IsMatch(c)))
                {
                    invalid("Gpu.Capabilities", "GPU capabilities", "name at least one, such as 'gpu' or 'compute'");
                }
            }
        }

        private static void CheckMounts(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            for (var i = 0; i < s.Volumes.Count; i++)
            {
                var v = s.Volumes[i];
                var key = SiteKeys.Of("Volume", i, "Source");
                if (v.IsHostPath && v.Source.IndexOf("docker.sock", System.StringComparison.Ordinal) >= 0)
                {
                    invalid(key, "volume source '" + Shown(v.Source) + "'", "mount the docker socket with [DockerSocket], whose rules and audit apply");
                    continue;
                }
                if (v.SourceVariable is { } variable)
                {
                    if (!ValueRules.IsSecretName(variable))
                    {
                        invalid(SiteKeys.Of("Volume", i, "SourceVariable"), "SourceVariable '" + Shown(variable) + "'", "use upper-case letters, digits and '_'");
                    }
                    if (!v.IsBind)
                    {
                        invalid(SiteKeys.Of("Volume", i, "SourceVariable"), "SourceVariable", "a variable chooses a host path; give the default path as Source");
                    }
                }
                if (v.IsHostPath || v.SourceVariable is not null)
                {
                    Justified(s, findings, invalid, key, SiteKeys.Of("Volume", i, "Justification"), v.Justification,
                        "bind mount of " + (v.SourceVariable is null ? "host path " : "${" + v.SourceVariable + ":-") + Shown(v.Source) + (v.SourceVariable is null ? string.Empty : "}"));
                }
            }
            if (s.DockerSocket?.SourceVariable is { } socketVariable && !ValueRules.IsSecretName(socketVariable))
            {
                invalid("DockerSocket.SourceVariable", "SourceVariable '" + Shown(socketVariable) + "'", "use upper-case letters, digits and '_'");
            }
        }

        /// <summary>A host path outside the stack folder: absolute, no '..'.</summary>
        internal static bool IsHostPath(string value) => HostPathPattern.IsMatch(value) && value.Split('/').All(p => p != "..");
    }
}
