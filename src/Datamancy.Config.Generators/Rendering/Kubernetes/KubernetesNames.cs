using System.Collections.Generic;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Kubernetes
{
    /// <summary>Object names and labels of the Kubernetes output, shared by the renderer, the rules and the audit.</summary>
    internal static class KubernetesNames
    {
        public const string NameLabel = "app.kubernetes.io/name";
        public const string PartOfLabel = "app.kubernetes.io/part-of";
        public const string ManagedByLabel = "app.kubernetes.io/managed-by";
        public const string ManagedBy = "datamancy-config";
        public const string CaddyfileConfigMap = "caddyfile";
        public const string AutheliaConfigMap = "authelia-configuration";
        public const string ClientCaConfigMap = "client-ca";
        public const string DefaultStorage = "1Gi";

        // A Service name is a DNS-1035 label; claim names are DNS-1123 subdomains, kept to labels here.
        private static readonly Regex Label1035 = new("^[a-z]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);
        private static readonly Regex Label1123 = new("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);

        /// <summary>The namespace: the stack name, with '_' (not allowed in a namespace) as '-'.</summary>
        public static string Namespace(StackModel stack) => stack.Settings.Name.Replace('_', '-');

        /// <summary>The Secret the manifests reference: created from the environment's .env file, never written by the build.</summary>
        public static string Secret(StackModel stack) => Namespace(stack) + "-env";

        public static string BindClaim(ServiceModel service, int index) =>
            service.Name + "-host-path-" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

        public static bool IsServiceName(string name) => Label1035.IsMatch(name);

        public static bool IsClaimName(string name) => Label1123.IsMatch(name);

        /// <summary>The names of one service that cannot be Kubernetes names (then no manifests are written): (site key, what).</summary>
        public static IEnumerable<(string SiteKey, string What)> Problems(ServiceModel service)
        {
            if (!IsServiceName(service.Name) || service.Name.Length + "-host-path-00".Length > 253)
            {
                yield return ("Service.Name", "the name '" + service.Name + "'");
            }
            for (var i = 0; i < service.Volumes.Count; i++)
            {
                var volume = service.Volumes[i];
                if (!volume.IsBind && !IsClaimName(volume.Source))
                {
                    yield return (Validation.SiteKeys.Of("Volume", i, "Source"), "the volume name '" + volume.Source + "'");
                }
            }
        }

        public static bool Renderable(StackModel stack)
        {
            if (!stack.Settings.Kubernetes)
            {
                return false;
            }
            foreach (var service in stack.Services)
            {
                foreach (var _ in Problems(service))
                {
                    return false;
                }
            }
            return IsClaimName(Namespace(stack));
        }
    }
}
