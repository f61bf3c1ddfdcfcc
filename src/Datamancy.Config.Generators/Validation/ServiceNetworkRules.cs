using System.Collections.Generic;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Network separation rules that one service decides alone: its networks, role and routed hosts.</summary>
    internal static class ServiceNetworkRules
    {
        public static void Check(ServiceModel s, List<Finding> findings)
        {
            if (s.Role == ServiceRole.Database)
            {
                if ((s.Networks & Network.Frontend) != 0)
                {
                    findings.Add(Finding.For(Descriptors.DatabaseOnFrontend, s, "Service.Networks", s.Name));
                }
                if (s.Ui is { } ui)
                {
                    findings.Add(Finding.For(Descriptors.DatabaseHasHost, s, "UiHost", s.Name, ui.Subdomain));
                }
                if (s.Api is { } api)
                {
                    findings.Add(Finding.For(Descriptors.DatabaseHasHost, s, "ApiHost", s.Name, api.Subdomain));
                }
            }
            if (s.Networks == Network.None)
            {
                findings.Add(Finding.For(Descriptors.InvalidValue, s, "Service.Networks", "Service '" + s.Name + "'", "Networks", "every service joins at least one network"));
            }
            var routed = s.Ui?.Subdomain ?? s.Api?.Subdomain;
            // Whether the ingress can reach a routed service depends on the ingress's networks: StackRules decides it.
            if (routed is not null)
            {
                if (s.Port == 0)
                {
                    findings.Add(Finding.For(Descriptors.RoutedServiceWithoutPort, s, s.Ui is not null ? "UiHost" : "ApiHost", s.Name, routed));
                }
            }
            if (s.Role == ServiceRole.Ingress)
            {
                CheckIngress(s, findings);
            }
            else if (s.CaddyVersion is not null)
            {
                findings.Add(Finding.For(Descriptors.InvalidValue, s, "CaddyBuild", "Service '" + s.Name + "'", "[CaddyBuild]",
                    "only the ingress (Role = ServiceRole.Ingress) declares a Caddy build"));
            }
        }

        private static void CheckIngress(ServiceModel ingress, List<Finding> findings)
        {
            if (ingress.CaddyVersion is { } version && !CaddyVersions.IsVersion(version))
            {
                findings.Add(Finding.For(Descriptors.InvalidValue, ingress, "CaddyBuild.CaddyVersion", "Service '" + ingress.Name + "'",
                    "CaddyVersion '" + ServiceRules.Shown(version) + "'", "use the Caddy release inside the image, such as '2.10.2'"));
            }
            else if (ValueRules.IsImage(ingress.Image) && ingress.CaddyVersion is null && !ImageIsCaddy(ingress.Image))
            {
                findings.Add(Finding.For(Descriptors.IngressMisconfigured, ingress, "Service.Image",
                    "Service '" + ingress.Name + "': the ingress must be Caddy; '" + ServiceRules.Shown(ingress.Image)
                    + "' is not an image named 'caddy', so if it is a Caddy build (caddy-docker-proxy, xcaddy) declare [CaddyBuild(\"<Caddy version>\")] on the service"));
            }
            for (var i = 0; i < ingress.Ports.Count; i++)
            {
                var p = ingress.Ports[i];
                var allowed = p.HostPort == p.ContainerPort && (p.HostPort == 443 || (p.HostPort == 80 && p.Protocol == Protocol.Tcp));
                if (!allowed && ValueRules.IsPort(p.HostPort) && ValueRules.IsPort(p.ContainerPort))
                {
                    findings.Add(Finding.For(Descriptors.IngressMisconfigured, ingress, SiteKeys.Of("Publish", i, "Port"),
                        "Service '" + ingress.Name + "': the ingress publishes only 80/tcp and 443/tcp+udp, not " + p.HostPort + ":" + p.ContainerPort
                        + (p.Protocol == Protocol.Udp ? "/udp" : "/tcp")));
                }
            }
        }

        internal static bool ImageIsCaddy(string image)
        {
            var path = image.Split('@')[0];
            var lastSlash = path.LastIndexOf('/');
            var name = path.Substring(lastSlash + 1).Split(':')[0];
            return name == "caddy";
        }
    }
}
