using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// What one service decides about its Kubernetes output: replicas only where state can be shared (compose runs them too),
    /// and a warning for each part of the compose service that a cluster does not have (host paths, published ports, the Docker socket).
    /// </summary>
    internal static class KubernetesRules
    {
        public const int MaxReplicas = 100;

        public static void Check(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (s.Replicas < 1 || s.Replicas > MaxReplicas)
            {
                invalid("Service.Replicas", "Replicas " + s.Replicas, "use 1 to " + MaxReplicas);
            }
            else if (s.Replicas > 1 && WhyStateful(s) is { } reason)
            {
                findings.Add(Finding.For(Descriptors.ReplicasOfStatefulService, s, "Service.Replicas", s.Name, s.Replicas.ToString(System.Globalization.CultureInfo.InvariantCulture), reason));
            }
        }

        /// <summary>What the Kubernetes output cannot carry (reported by the generator when the stack sets <c>Kubernetes = true</c>).</summary>
        public static void CheckPortability(ServiceModel s, List<Finding> findings)
        {
            for (var i = 0; i < s.Volumes.Count; i++)
            {
                var volume = s.Volumes[i];
                if (volume.IsBind)
                {
                    findings.Add(Finding.For(Descriptors.NotPortableToKubernetes, s, SiteKeys.Of("Volume", i, "Source"), s.Name, "the host path '" + ServiceRules.Shown(volume.Source) + "'",
                        "the manifest mounts an empty PersistentVolumeClaim '" + Rendering.Kubernetes.KubernetesNames.BindClaim(s, i) + "' at '" + ServiceRules.Shown(volume.Target) + "'; copy the content into it, or use a named volume"));
                }
            }
            foreach (var (key, what) in Rendering.Kubernetes.KubernetesNames.Problems(s))
            {
                findings.Add(Finding.For(Descriptors.NotPortableToKubernetes, s, key, s.Name, what,
                    "Kubernetes names are lower-case letters, digits and '-', starting with a letter (a service) and ending with a letter or digit; no Kubernetes manifests are written until it is renamed"));
            }
            if (s.Role != ServiceRole.Ingress)
            {
                for (var i = 0; i < s.Ports.Count; i++)
                {
                    findings.Add(Finding.For(Descriptors.NotPortableToKubernetes, s, SiteKeys.Of("Publish", i, "Port"), s.Name,
                        "the published port " + s.Ports[i].HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        "the manifests expose only the ingress outside the cluster; add your own LoadBalancer Service for it after review"));
                }
            }
            if (s.DockerSocket is not null)
            {
                findings.Add(Finding.For(Descriptors.NotPortableToKubernetes, s, "DockerSocket", s.Name, "the Docker socket",
                    "the manifest mounts the node's " + Rendering.ComposeRenderer.DockerSocket + " as a hostPath (the namespace is lowered to 'privileged'), which exists only on nodes that run Docker"));
            }
            CheckRuntimeKeys(s, findings);
        }

        /// <summary>Compose keys of real stacks that have no equivalent in the generated pod template.</summary>
        private static void CheckRuntimeKeys(ServiceModel s, List<Finding> findings)
        {
            var x = s.Extras;
            void Add(string key, string what, string instead) => findings.Add(Finding.For(Descriptors.NotPortableToKubernetes, s, key, s.Name, what, instead));
            for (var i = 0; i < x.ExtraHosts.Count; i++)
            {
                Add(SiteKeys.Of("ExtraHost", i, "Host"), "the host entry '" + ServiceRules.Shown(x.ExtraHosts[i].Host) + ":" + ServiceRules.Shown(x.ExtraHosts[i].Address) + "'",
                    x.ExtraHosts[i].Address == "host-gateway"
                        ? "'host-gateway' is Docker's name for the host; a pod has no such address: reach the service through a Service or an ExternalName instead"
                        : "the manifest has no hostAliases; add them to the pod template after review");
            }
            if (x.Dns is not null)
            {
                Add("Dns", "the DNS override", "pods use the cluster DNS; set dnsConfig on the pod template after review");
            }
            for (var i = 0; i < x.EnvFiles.Count; i++)
            {
                Add(SiteKeys.Of("EnvFile", i, "Path"), "the env file '" + ServiceRules.Shown(x.EnvFiles[i].Path) + "'", "its variables are not in the manifest; put them in a ConfigMap or Secret and reference it with envFrom");
            }
            if (x.Gpu is not null)
            {
                Add("Gpu", "the GPU reservation", "the manifest requests no GPU; add the device plugin's resource (for example nvidia.com/gpu) to the container's limits");
            }
            for (var i = 0; i < x.Ulimits.Count; i++)
            {
                Add(SiteKeys.Of("Ulimit", i, "Name"), "the ulimit '" + ServiceRules.Shown(x.Ulimits[i].Name) + "'", "Kubernetes has no per-pod ulimits; they come from the node's container runtime");
            }
            if (x.Logging is not null)
            {
                Add("Logging.Driver", "the logging driver", "the cluster collects container output; configure its log pipeline instead");
            }
            if (x.ShmSize is not null)
            {
                Add("Service.ShmSize", "shm_size", "mount an emptyDir with medium Memory at /dev/shm in the pod template");
            }
        }

        /// <summary>Why more than one copy of the service would corrupt or split its state; null when it is stateless.</summary>
        public static string? WhyStateful(ServiceModel s)
        {
            switch (s.Role)
            {
                case ServiceRole.Database:
                    return "a database keeps its state on one volume; use the database's own replication (an operator) instead";
                case ServiceRole.Directory:
                    return "the LDAP directory keeps its state on one volume; use directory replication instead";
                case ServiceRole.Cache:
                    return "the session store keeps its state in one process; use a replicated Redis (Sentinel or an operator) instead";
                case ServiceRole.Sso:
                    return "Authelia keeps its storage in a local SQLite file and its notifications on the local filesystem; run one replica, or move storage to PostgreSQL and sessions to Redis first";
                case ServiceRole.Ingress:
                    return "Caddy keeps certificates and ACME state on one volume; run one replica";
            }
            var writable = s.Volumes.FirstOrDefault(v => !v.IsBind && !v.ReadOnly);
            return writable is null ? null : "the writable volume '" + writable.Source + "' is one ReadWriteOnce claim that replicas cannot share; keep one replica or move the state to a database";
        }
    }
}
