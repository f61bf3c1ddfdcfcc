using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>The compose keys of the real-stack attributes (issue 12), each rendered only when declared (and justified where required).</summary>
    internal static class ComposeExtras
    {
        public static YamlNode? Build(ServiceModel s)
        {
            if (s.Extras.Build is not { } b)
            {
                return null;
            }
            var node = Map().With("context", Str(b.Context));
            if (b.Dockerfile is { } dockerfile)
            {
                node.With("dockerfile", Str(dockerfile));
            }
            if (b.Target is { } target)
            {
                node.With("target", Str(target));
            }
            if (b.Args.Count > 0)
            {
                var args = Map();
                foreach (var arg in b.Args)
                {
                    var separator = arg.IndexOf('=');
                    args.With(arg.Substring(0, separator), Str(arg.Substring(separator + 1).Replace("$", "$$")));
                }
                node.With("args", args);
            }
            return node;
        }

        public static string Restart(ServiceModel s) => s.Extras.Job is { } job ? (job.RestartOnFailure ? "on-failure:5" : "no") : "unless-stopped";

        public static YamlNode? EnvFiles(ServiceModel s)
        {
            var files = s.Extras.EnvFiles.Where(f => ValueRules.IsJustification(f.Justification)).Select(f => f.Path).ToList();
            return files.Count == 0 ? null : Strs(files);
        }

        public static YamlNode? ExtraHosts(ServiceModel s)
        {
            var hosts = s.Extras.ExtraHosts.Where(h => ValueRules.IsJustification(h.Justification)).Select(h => h.Host + ":" + h.Address).ToList();
            return hosts.Count == 0 ? null : Strs(hosts);
        }

        public static YamlNode? Dns(ServiceModel s) =>
            s.Extras.Dns is { } dns && ValueRules.IsJustification(dns.Justification) ? Strs(dns.Servers) : null;

        public static YamlNode? Tmpfs(ServiceModel s) =>
            s.Extras.Tmpfs.Count == 0 ? null : Strs(s.Extras.Tmpfs.Select(t => t.Size is null ? t.Target : t.Target + ":size=" + t.Size));

        public static YamlNode? Ulimits(ServiceModel s)
        {
            if (s.Extras.Ulimits.Count == 0)
            {
                return null;
            }
            var map = Map();
            foreach (var u in s.Extras.Ulimits)
            {
                map.With(u.Name, Map().With("soft", Int(u.Soft)).With("hard", Int(u.Hard)));
            }
            return map;
        }

        public static YamlNode? Logging(ServiceModel s)
        {
            if (s.Extras.Logging is not { } logging)
            {
                return null;
            }
            var node = Map().With("driver", Str(logging.Driver));
            if (logging.Options.Count > 0)
            {
                var options = Map();
                foreach (var option in logging.Options)
                {
                    var separator = option.IndexOf('=');
                    options.With(option.Substring(0, separator), Str(option.Substring(separator + 1)));
                }
                node.With("options", options);
            }
            return node;
        }

        /// <summary>The limits a service runs with: its own, else the stack's defaults; none for a justified NoLimit.</summary>
        public static (string Memory, string Cpus, int Pids)? Limits(StackModel stack, ServiceModel s)
        {
            var defaults = stack.Settings.More;
            if (s.Extras.NoResourceLimit && ValueRules.IsJustification(s.Extras.ResourceJustification))
            {
                return null;
            }
            return (s.Resources.Memory ?? defaults.DefaultMemory, s.Resources.Cpus ?? defaults.DefaultCpus, Pids(stack, s));
        }

        public static int Pids(StackModel stack, ServiceModel s) => s.Resources.Pids == 0 ? stack.Settings.More.DefaultPids : s.Resources.Pids;

        /// <summary>The <c>deploy</c> entry: replicas, the limits the service runs with (<see cref="Limits"/>), its GPUs.</summary>
        public static YamlNode? Deploy(ServiceModel s, Fragments.ComposeLimits? limits)
        {
            var resources = Map();
            if (limits is not null)
            {
                resources.With("limits", Map().With("cpus", Str(limits.Cpus)).With("memory", Str(limits.Memory)));
            }
            if (s.Extras.Gpu is { } gpu)
            {
                var device = Map()
                    .With("driver", Str(gpu.Driver))
                    .With("count", gpu.Count == 0 ? Str("all") : Int(gpu.Count))
                    .With("capabilities", Strs(gpu.Capabilities));
                resources.With("reservations", Map().With("devices", Seq(new YamlNode[] { device })));
            }
            var deploy = Map().With("replicas", s.Replicas > 1 ? Int(s.Replicas) : null).With("resources", resources.Children.Count == 0 ? null : resources);
            return deploy.Children.Count == 0 ? null : deploy;
        }

        public static string DependencyCondition(Dependency dependency, ServiceModel target) =>
            target.Extras.Job is not null
                ? (dependency.Condition == Model.DependencyCondition.Started ? "service_started" : "service_completed_successfully")
                : dependency.Condition == Model.DependencyCondition.Healthy && target.Healthcheck is not null ? "service_healthy" : "service_started";

        /// <summary>A bind source: the path, or <c>${VARIABLE:-path}</c> when a variable chooses it.</summary>
        public static string Source(VolumeMount mount) =>
            mount.SourceVariable is { } variable ? "${" + variable + ":-" + mount.Source + "}" : mount.Source;

        public static string SocketSource(DockerSocketModel socket) =>
            socket.SourceVariable is { } variable ? "${" + variable + ":-" + ComposeRenderer.DockerSocket + "}" : ComposeRenderer.DockerSocket;

        /// <summary>A setting as compose reads it: the env file's value, else the default (tokens expanded, <c>$</c> literal).</summary>
        public static string Setting(StackModel stack, SettingModel setting) =>
            "${" + setting.Name + ":-" + StackTokens.Expand(setting.Default, stack).Replace("$", "$$") + "}";

        /// <summary>A shared network's definition: a bridge, internal or not, with its declared subnet if any.</summary>
        public static YamlMappingNode Network(string? subnet, bool isInternal)
        {
            var node = Map().With("driver", Str("bridge"));
            if (isInternal)
            {
                node.With("internal", Bool(true));
            }
            if (subnet is not null)
            {
                node.With("ipam", Map().With("config", Seq(new YamlNode[] { Map().With("subnet", Str(subnet)) })));
            }
            return node;
        }

        public static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
