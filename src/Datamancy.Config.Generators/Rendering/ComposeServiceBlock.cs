using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Generators.Rendering.Links;
using Datamancy.Config.Generators.Validation;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// One service's entry under compose.yaml's <c>services:</c>, from its model and the stack facts it reads
    /// (<see cref="ComposeServiceFacts"/>) alone, so the pipeline builds it in the service's own step.
    /// </summary>
    internal static class ComposeServiceBlock
    {
        /// <summary>The block as YamlDotNet's representation model.</summary>
        public static YamlMappingNode Tree(ServiceModel service, ComposeServiceFacts facts)
        {
            var node = Map()
                .With("image", Str(service.Image))
                .With("build", ComposeExtras.Build(service))
                .With("profiles", Strs(facts.Profiles))
                .With("restart", Str(ComposeExtras.Restart(service)));
            if (service.User is { } user)
            {
                node.With("user", Str(user));
            }
            if (facts.Preflight)
            {
                // The allowlists are checked before Caddy pastes them into its configuration (see caddy-preflight.sh);
                // the declared entrypoint and command run after the check.
                var run = service.Extras.Entrypoint.Concat(facts.Command).ToList();
                node.With("entrypoint", Strs(new[] { "/bin/sh", CaddyPreflightRenderer.ContainerPath }));
                node.With("command", Strs(run.Count > 0
                    ? run.Select(EscapeDollars)
                    : new[] { "caddy", "run", "--config", ComposeRenderer.CaddyConfigDir + "/Caddyfile", "--adapter", "caddyfile" }));
            }
            else
            {
                if (service.Extras.Entrypoint.Count > 0)
                {
                    node.With("entrypoint", Strs(service.Extras.Entrypoint.Select(EscapeDollars)));
                }
                if (facts.Command.Count > 0)
                {
                    node.With("command", Strs(facts.Command.Select(EscapeDollars)));
                }
            }
            if (facts.Environment.Count > 0)
            {
                var environment = Map();
                foreach (var entry in facts.Environment)
                {
                    environment.With(entry.Key, Str(entry.Value));
                }
                node.With("environment", environment);
            }
            node.With("env_file", ComposeExtras.EnvFiles(service));
            var elevations = service.Elevations.Where(ElevationRules.IsJustified).Select(e => e.Kind).ToList();
            if (elevations.Contains(Elevation.HostNetwork))
            {
                node.With("network_mode", Str("host"));
            }
            else if (facts.PerLink)
            {
                // Least privilege: the networks of the service's links (and its own egress network), and the ports it listens on.
                var entry = LinkNetworks(facts);
                node.With(entry is null ? "network_mode" : "networks", entry ?? Str("none"));
            }
            else
            {
                node.With("networks", Networks(service, facts));
            }
            node.With("extra_hosts", ComposeExtras.ExtraHosts(service)).With("dns", ComposeExtras.Dns(service));
            // The ports the service listens on, so the file alone says who can connect to what.
            var listens = StackLinks.Ports(service);
            node.With("expose", listens.Count == 0 || elevations.Contains(Elevation.HostNetwork) ? null : Strs(listens.Select(p => p.ToString())));
            if (service.Ports.Count > 0)
            {
                node.With("ports", Seq(service.Ports.Select(Port)));
            }
            var mounts = service.Volumes.Concat(facts.AddedMounts).Select(Mount).ToList();
            if (service.DockerSocket is { } socket)
            {
                mounts.Add(Map().With("type", Str("bind")).With("source", Str(ComposeExtras.SocketSource(socket))).With("target", Str(ComposeRenderer.DockerSocket)).With("read_only", Bool(socket.ReadOnly)));
            }
            if (mounts.Count > 0)
            {
                node.With("volumes", Seq(mounts));
            }
            node.With("tmpfs", ComposeExtras.Tmpfs(service));
            if (service.Healthcheck is { } health)
            {
                node.With("healthcheck", Map()
                    .With("test", Strs(new[] { health.Shell ? "CMD-SHELL" : "CMD" }.Concat(health.Test.Select(EscapeDollars))))
                    .With("interval", Str(health.Interval))
                    .With("timeout", Str(health.Timeout))
                    .With("retries", Int(health.Retries))
                    .With("start_period", Str(health.StartPeriod)));
            }
            if (service.DependsOn.Count > 0)
            {
                var dependsOn = Map();
                foreach (var dependency in facts.Dependencies)
                {
                    dependsOn.With(dependency.Name, Map().With("condition", Str(dependency.Condition)));
                }
                node.With("depends_on", dependsOn);
            }
            // Privileges beyond the hardened default appear only when declared with a justification ([Elevated]).
            var capAdd = service.Elevations.Where(e => e.Kind == Elevation.CapAdd && ElevationRules.IsJustified(e)).SelectMany(e => e.Capabilities).Distinct().ToList();
            return node
                .With("privileged", elevations.Contains(Elevation.Privileged) ? Bool(true) : null)
                .With("pid", elevations.Contains(Elevation.HostPid) ? Str("host") : null)
                .With("ipc", elevations.Contains(Elevation.HostIpc) ? Str("host") : null)
                .With("userns_mode", elevations.Contains(Elevation.HostUserns) ? Str("host") : null)
                .With("security_opt", Strs(elevations.Contains(Elevation.SeccompUnconfined) ? new[] { "no-new-privileges:true", "seccomp:unconfined" } : new[] { "no-new-privileges:true" }))
                .With("cap_drop", Strs(new[] { "ALL" }))
                .With("cap_add", capAdd.Count == 0 ? null : Strs(capAdd))
                .With("read_only", service.Extras.ReadOnlyRootFilesystem ? Bool(true) : null)
                .With("pids_limit", Int(facts.Pids))
                .With("ulimits", ComposeExtras.Ulimits(service))
                .With("shm_size", service.Extras.ShmSize is { } shm ? Str(shm) : null)
                .With("stop_grace_period", service.Extras.StopGracePeriod is { } grace ? Str(grace) : null)
                .With("logging", ComposeExtras.Logging(service))
                .With("deploy", ComposeExtras.Deploy(service, facts.Limits));
        }

        /// <summary>The <c>networks</c> entry under <see cref="NetworkLayout.PerLink"/>, or null when it joins none (then <c>network_mode: none</c>).</summary>
        private static YamlNode? LinkNetworks(ComposeServiceFacts facts)
        {
            if (facts.LinkNetworks.Count == 0)
            {
                return null;
            }
            if (facts.LinkNetworks.All(n => n.Aliases.Count == 0))
            {
                return Strs(facts.LinkNetworks.Select(n => n.Name));
            }
            var map = Map();
            foreach (var network in facts.LinkNetworks)
            {
                map.With(network.Name, network.Aliases.Count == 0 ? Map() : Map().With("aliases", Strs(network.Aliases)));
            }
            return map;
        }

        /// <summary>The <c>networks</c> entry of the shared frontend/backend/database layout.</summary>
        private static YamlNode Networks(ServiceModel service, ComposeServiceFacts facts)
        {
            if (facts.Aliases.Count == 0)
            {
                return Strs(service.Networks.NetworkNames());
            }
            var map = Map();
            foreach (var network in service.Networks.NetworkNames())
            {
                map.With(network, Map().With("aliases", Strs(facts.Aliases)));
            }
            return map;
        }

        /// <summary>Commands and healthchecks take no interpolation: every <c>$</c> is literal for compose.</summary>
        private static string EscapeDollars(string value) => value.Replace("$", "$$");

        /// <summary>Short syntax with an explicit host IP, so the binding is visible to scanners and reviewers.</summary>
        private static YamlNode Port(PublishedPort port) =>
            Str("${" + ComposeRenderer.IngressBindVariable + ":-0.0.0.0}:" + port.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":"
                + port.ContainerPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + (port.Protocol == Protocol.Udp ? "/udp" : "/tcp"));

        private static YamlNode Mount(VolumeMount mount) =>
            Map()
                .With("type", Str(mount.IsBind ? "bind" : "volume"))
                .With("source", Str(ComposeExtras.Source(mount)))
                .With("target", Str(mount.Target))
                .With("read_only", Bool(mount.ReadOnly));
    }
}
