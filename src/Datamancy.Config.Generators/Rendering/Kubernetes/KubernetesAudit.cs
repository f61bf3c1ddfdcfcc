using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Links;
using static Datamancy.Config.Generators.Rendering.SecurityAuditRenderer;

namespace Datamancy.Config.Generators.Rendering.Kubernetes
{
    /// <summary>The audit items of the links and of the Kubernetes output: what each pod needs beyond <c>restricted</c>, and the defaults it carries.</summary>
    internal static class KubernetesAudit
    {
        public static AuditItem Links(StackModel stack)
        {
            var links = StackLinks.All(stack);
            var details = new List<string>();
            var perLink = stack.Settings.Layout == NetworkLayout.PerLink;
            details.Add(perLink
                ? "compose: one internal network per link (" + links.Select(l => ComposeNetworks.LinkNetwork(l.Client.Name, l.Target.Name)).Distinct().Count() + " networks); Kubernetes: NetworkPolicies allow exactly the links"
                : "compose: shared frontend/backend/database networks connect more than the links (set Networking = NetworkLayout.PerLink); Kubernetes: NetworkPolicies allow exactly the links");
            details.Add(links.Count + " links; see network-map.md");
            foreach (var service in stack.Ordered().Where(s => s.Egress is not null))
            {
                details.Add(service.Name + ": internet egress, justified: " + Markdown.Escape(service.Egress!));
            }
            return new AuditItem("Least-privilege links", perLink ? "pass" : "needs manual check", details);
        }

        public static AuditItem PodSecurityItem(StackModel stack)
        {
            var details = new List<string>();
            if (!KubernetesNames.Renderable(stack))
            {
                details.Add("no Kubernetes output: a name is not a valid Kubernetes name (see DMC5001)");
                return new AuditItem("Kubernetes pod security", "fail", details);
            }
            var level = PodSecurity.NamespaceLevel(stack);
            details.Add("namespace enforces '" + level.Label() + "' (the weakest level a pod needs); warn and audit at 'restricted'");
            foreach (var profile in stack.Ordered().Select(PodSecurity.Of).Where(p => p.Level != PodSecurityLevel.Restricted))
            {
                details.Add(profile.Service.Name + " meets '" + profile.Level.Label() + "': " + Markdown.Escape(string.Join("; ", profile.BeyondBaseline.Concat(profile.BeyondRestricted))));
            }
            foreach (var service in stack.Ordered().Where(s => s.Replicas > 1))
            {
                details.Add(service.Name + ": " + service.Replicas + " replicas");
            }
            var claims = stack.Ordered().SelectMany(s => KubernetesWorkloads.Volumes(stack, s)).Count(v => v.Source.Children.ContainsKey(new YamlDotNet.RepresentationModel.YamlScalarNode("persistentVolumeClaim")));
            if (claims > 0)
            {
                details.Add("every claim requests " + KubernetesNames.DefaultStorage + " ReadWriteOnce of the default StorageClass; patch the size with kustomize");
            }
            details.Add("requests equal limits (from [Resources]); pids_limit has no pod field (the kubelet's podPidsLimit applies)");
            // Evaluated, not left to a reader: every pod meets 'restricted' except those listed above, and each of those is lowered
            // only by what its descriptor declares (the Docker socket, a justified [Elevated]), which the build already demanded.
            return new AuditItem("Kubernetes pod security", "pass", details);
        }
    }
}
