using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Links;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering.Kubernetes
{
    /// <summary>A pod volume and where the container mounts it.</summary>
    internal sealed record PodVolume(string Name, YamlMappingNode Source, string MountPath, string? SubPath, bool ReadOnly, string? ClaimTemplate);

    /// <summary>
    /// One workload per service: a StatefulSet with volume claim templates for databases and the directory, a Deployment for
    /// everything else. Pods are hardened the same way compose services are (drop ALL, no privilege escalation, RuntimeDefault
    /// seccomp, requests and limits); what a descriptor elevates is written here and listed in the audit.
    /// </summary>
    internal static class KubernetesWorkloads
    {
        public static bool IsStateful(ServiceModel service) => service.Role is ServiceRole.Database or ServiceRole.Directory;

        public static YamlMappingNode Labels(StackModel stack, ServiceModel service) =>
            Map().With(KubernetesNames.NameLabel, Str(service.Name))
                .With(KubernetesNames.PartOfLabel, Str(KubernetesNames.Namespace(stack)))
                .With(KubernetesNames.ManagedByLabel, Str(KubernetesNames.ManagedBy));

        public static YamlMappingNode Selector(ServiceModel service) => Map().With(KubernetesNames.NameLabel, Str(service.Name));

        public static YamlMappingNode Metadata(StackModel stack, string name, YamlMappingNode? labels = null) =>
            Map().With("name", Str(name)).With("namespace", Str(KubernetesNames.Namespace(stack))).With("labels", labels);

        public static YamlMappingNode Workload(StackModel stack, ServiceModel service)
        {
            var volumes = Volumes(stack, service);
            var spec = Map()
                .With("replicas", Int(service.Replicas))
                .With("selector", Map().With("matchLabels", Selector(service)));
            if (IsStateful(service))
            {
                spec.With("serviceName", Str(service.Name));
            }
            else if (volumes.Any(v => v.Source.Children.ContainsKey(new YamlScalarNode("persistentVolumeClaim"))))
            {
                spec.With("strategy", Map().With("type", Str("Recreate"))); // a ReadWriteOnce claim cannot be mounted by the old and the new pod at once
            }
            spec.With("template", Map()
                .With("metadata", Map().With("labels", Labels(stack, service)))
                .With("spec", PodSpec(stack, service, volumes)));
            var templates = volumes.Where(v => v.ClaimTemplate is not null).Select(v => (YamlNode)Claim(stack, v.ClaimTemplate!, withNamespace: false)).ToList();
            if (templates.Count > 0)
            {
                spec.With("volumeClaimTemplates", Seq(templates));
            }
            return Map()
                .With("apiVersion", Str("apps/v1"))
                .With("kind", Str(IsStateful(service) ? "StatefulSet" : "Deployment"))
                .With("metadata", Metadata(stack, service.Name, Labels(stack, service)))
                .With("spec", spec);
        }

        /// <summary>A ReadWriteOnce claim of <see cref="KubernetesNames.DefaultStorage"/> (listed in the audit; patch it with kustomize).</summary>
        public static YamlMappingNode Claim(StackModel stack, string name, bool withNamespace)
        {
            var claim = Map()
                .With("metadata", withNamespace ? Metadata(stack, name) : Map().With("name", Str(name)))
                .With("spec", Map()
                    .With("accessModes", Strs(new[] { "ReadWriteOnce" }))
                    .With("resources", Map().With("requests", Map().With("storage", Str(KubernetesNames.DefaultStorage)))));
            if (!withNamespace)
            {
                return claim;
            }
            var document = Map().With("apiVersion", Str("v1")).With("kind", Str("PersistentVolumeClaim"));
            foreach (var pair in claim.Children)
            {
                document.Add(pair.Key, pair.Value);
            }
            return document;
        }

        /// <summary>The standalone claims of the stack: named volumes of Deployments and the claims that replace host paths.</summary>
        public static IEnumerable<string> StandaloneClaims(StackModel stack) =>
            stack.Ordered().SelectMany(s => Volumes(stack, s))
                .Where(v => v.ClaimTemplate is null && v.Source.Children.ContainsKey(new YamlScalarNode("persistentVolumeClaim")))
                .Select(v => v.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal);

        public static IReadOnlyList<PodVolume> Volumes(StackModel stack, ServiceModel service)
        {
            var volumes = new List<PodVolume>();
            PodVolume Claim(string name, VolumeMount mount) => IsStateful(service)
                ? new PodVolume(name, Map().With("persistentVolumeClaim", Map().With("claimName", Str(name))), mount.Target, null, mount.ReadOnly, ClaimTemplate: name)
                : new PodVolume(name, Map().With("persistentVolumeClaim", Map().With("claimName", Str(name))), mount.Target, null, mount.ReadOnly, null);
            PodVolume ConfigMap(string name, string key, VolumeMount mount) =>
                new(name, Map().With("configMap", Map().With("name", Str(name))), mount.Target, key, true, null);
            var mounts = ComposeRenderer.Mounts(stack, service).ToList();
            for (var i = 0; i < mounts.Count; i++)
            {
                var mount = mounts[i];
                if (i < service.Volumes.Count)
                {
                    volumes.Add(mount.IsBind ? Claim(KubernetesNames.BindClaim(service, i), mount) : Claim(mount.Source, mount));
                }
                else if (mount.Source == "./Caddyfile")
                {
                    volumes.Add(ConfigMap(KubernetesNames.CaddyfileConfigMap, "Caddyfile", mount));
                }
                else if (mount.Source == "./authelia/configuration.yml")
                {
                    volumes.Add(ConfigMap(KubernetesNames.AutheliaConfigMap, "configuration.yml", mount));
                }
                else if (mount.Source == Directory.DirectoryBootstrap.HostFolder || mount.Source == "./" + Backups.DumpScript.ClickHouseConfigPath)
                {
                    // Operations files of the compose target (directory bootstrap LDIF, ClickHouse backup disk): not carried
                    // to the cluster (docs/kubernetes.md, "What does not carry over").
                    continue;
                }
                else if (mount.IsBind)
                {
                    volumes.Add(ConfigMap(KubernetesNames.ClientCaConfigMap, mount.Source.Substring(mount.Source.LastIndexOf('/') + 1), mount));
                }
                else
                {
                    volumes.Add(Claim(mount.Source, mount));
                }
            }
            if (service.DockerSocket is { } socket)
            {
                volumes.Add(new PodVolume("docker-socket",
                    Map().With("hostPath", Map().With("path", Str(ComposeRenderer.DockerSocket)).With("type", Str("Socket"))),
                    ComposeRenderer.DockerSocket, null, socket.ReadOnly, null));
            }
            return volumes;
        }

        private static YamlMappingNode PodSpec(StackModel stack, ServiceModel service, IReadOnlyList<PodVolume> volumes)
        {
            var elevations = PodSecurity.Elevations(service).ToList();
            var podSecurity = Map();
            if (KubernetesValues.NumericUser(service.User) is { } user)
            {
                podSecurity.With("runAsNonRoot", user.Uid > 0 ? Bool(true) : null)
                    .With("runAsUser", Long(user.Uid))
                    .With("runAsGroup", user.Gid is { } gid ? Long(gid) : null)
                    .With("fsGroup", user.Gid is { } group ? Long(group) : null); // claims become writable by the declared group
            }
            podSecurity.With("seccompProfile", Map().With("type", Str("RuntimeDefault")));
            var spec = Map()
                .With("automountServiceAccountToken", Bool(false))
                .With("enableServiceLinks", Bool(false)) // no REDIS_PORT=tcp://… variables clashing with the service's own settings
                .With("hostNetwork", elevations.Contains(Elevation.HostNetwork) ? Bool(true) : null)
                .With("hostPID", elevations.Contains(Elevation.HostPid) ? Bool(true) : null)
                .With("hostIPC", elevations.Contains(Elevation.HostIpc) ? Bool(true) : null)
                .With("securityContext", podSecurity)
                .With("containers", Seq(new[] { Container(stack, service, volumes, elevations) }));
            var podVolumes = volumes.Where(v => v.ClaimTemplate is null).GroupBy(v => v.Name).Select(g => (YamlNode)MergeName(g.Key, g.First().Source)).ToList();
            return spec.With("volumes", podVolumes.Count == 0 ? null : Seq(podVolumes));
        }

        private static YamlMappingNode Container(StackModel stack, ServiceModel service, IReadOnlyList<PodVolume> volumes, List<Elevation> elevations)
        {
            var container = Map()
                .With("name", Str(service.Name))
                .With("image", Str(service.Image));
            if (service.Command.Count > 0)
            {
                container.With("args", Strs(service.Command.Select(c => c.Replace("$", "$$")))); // compose 'command' replaces the image's CMD, as 'args' does
            }
            var ports = StackLinks.Ports(service);
            if (ports.Count > 0)
            {
                container.With("ports", Seq(ports.Select(p => (YamlNode)Map()
                    .With("containerPort", Int(p.Number))
                    .With("protocol", Str(p.ProtocolName)))));
            }
            var env = KubernetesEnvironment.For(stack, service);
            if (env.Children.Count > 0)
            {
                container.With("env", env);
            }
            if (volumes.Count > 0)
            {
                container.With("volumeMounts", Seq(volumes.Select(v => (YamlNode)Map()
                    .With("name", Str(v.Name))
                    .With("mountPath", Str(v.MountPath))
                    .With("subPath", v.SubPath is null ? null : Str(v.SubPath))
                    .With("readOnly", Bool(v.ReadOnly)))));
            }
            if (service.Healthcheck is { } health)
            {
                // compose's healthcheck marks the container unhealthy without restarting it: a readiness probe does the same.
                container.With("readinessProbe", Map()
                    .With("exec", Map().With("command", Strs(health.Test)))
                    .With("initialDelaySeconds", Int(0))
                    .With("periodSeconds", Int(KubernetesValues.Seconds(health.Interval)))
                    .With("timeoutSeconds", Int(KubernetesValues.Seconds(health.Timeout)))
                    .With("failureThreshold", Int(System.Math.Max(1, health.Retries))));
            }
            // The same limits as compose (the stack default where the descriptor states none); a justified "no limit" keeps none.
            if (ComposeExtras.Limits(stack, service) is { } limits)
            {
                var quantities = Map()
                    .With("cpu", Str(KubernetesValues.Cpus(limits.Cpus)))
                    .With("memory", Str(KubernetesValues.Memory(limits.Memory)));
                container.With("resources", Map().With("requests", quantities).With("limits", Map()
                    .With("cpu", Str(KubernetesValues.Cpus(limits.Cpus)))
                    .With("memory", Str(KubernetesValues.Memory(limits.Memory)))));
            }
            var added = PodSecurity.AddedCapabilities(service);
            var capabilities = Map().With("drop", Strs(new[] { "ALL" })).With("add", added.Count == 0 ? null : Strs(added));
            var security = Map()
                // The API rejects allowPrivilegeEscalation: false next to privileged or CAP_SYS_ADMIN.
                .With("allowPrivilegeEscalation", Bool(elevations.Contains(Elevation.Privileged) || added.Contains("SYS_ADMIN")))
                .With("privileged", elevations.Contains(Elevation.Privileged) ? Bool(true) : null)
                .With("capabilities", capabilities)
                .With("seccompProfile", elevations.Contains(Elevation.SeccompUnconfined) ? Map().With("type", Str("Unconfined")) : null);
            return container.With("securityContext", security);
        }

        private static YamlMappingNode MergeName(string name, YamlMappingNode source)
        {
            var volume = Map().With("name", Str(name));
            foreach (var pair in source.Children)
            {
                volume.Add(pair.Key, pair.Value);
            }
            return volume;
        }

        private static YamlScalarNode Long(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Style = YamlDotNet.Core.ScalarStyle.Plain };
    }
}
