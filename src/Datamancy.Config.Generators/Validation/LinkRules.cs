using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Links;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Least-privilege links: a declared link must lead somewhere (a port on another service), and under the shared layout
    /// the networks must carry every link and let no service reach a database it does not use.
    /// </summary>
    internal static class LinkRules
    {
        public static void Check(StackModel stack, List<Finding> findings)
        {
            var byType = stack.Services.GroupBy(s => s.TypeName).ToDictionary(g => g.Key, g => g.First(), System.StringComparer.Ordinal);
            foreach (var service in stack.Services)
            {
                foreach (var declared in StackLinks.DeclaredLinks(service))
                {
                    if (!byType.TryGetValue(declared.TargetType, out var target))
                    {
                        continue; // DMC0005 already names a type that is not a service
                    }
                    if (target.TypeName == service.TypeName)
                    {
                        findings.Add(Finding.For(Descriptors.LinkWithoutTarget, service, declared.SiteKey, service.Name, declared.Attribute, target.Name, "a service does not link to itself"));
                    }
                    else if (StackLinks.Ports(target).Count == 0)
                    {
                        findings.Add(Finding.For(Descriptors.LinkWithoutTarget, service, declared.SiteKey, service.Name, declared.Attribute, target.Name,
                            "'" + target.Name + "' declares no Port, so there is nothing to connect to; set Port on it"));
                    }
                    else if (stack.Settings.Layout == NetworkLayout.Shared && !SharesNetwork(service, target))
                    {
                        findings.Add(Finding.For(Descriptors.LinkWithoutTarget, service, declared.SiteKey, service.Name, declared.Attribute, target.Name,
                            "the two services share no network (" + Networks(service) + " / " + Networks(target) + "); add a common network or use Networking = NetworkLayout.PerLink"));
                    }
                }
            }
            if (stack.Settings.Layout == NetworkLayout.Shared)
            {
                CheckDatabaseNetwork(stack, findings);
            }
        }

        /// <summary>On the shared database network every member reaches every database: each member must use each of them.</summary>
        private static void CheckDatabaseNetwork(StackModel stack, List<Finding> findings)
        {
            var links = StackLinks.All(stack);
            var databases = stack.Ordered().Where(s => s.Role == ServiceRole.Database && (s.Networks & Network.Database) != 0 && StackLinks.Ports(s).Count > 0).ToList();
            foreach (var member in stack.Ordered().Where(s => s.Role != ServiceRole.Database && (s.Networks & Network.Database) != 0))
            {
                var touching = StackLinks.Touching(links, member.Name);
                var unused = databases.Where(d => !touching.Any(l => l.Client.Name == member.Name && l.Target.Name == d.Name)).Select(d => d.Name).ToList();
                if (unused.Count > 0)
                {
                    findings.Add(Finding.For(Descriptors.DatabaseReachableByNonUser, member, "Service.Networks", member.Name, string.Join("', '", unused)));
                }
            }
        }

        private static bool SharesNetwork(ServiceModel a, ServiceModel b) => (a.Networks & b.Networks) != 0;

        private static string Networks(ServiceModel s) => s.Networks == Network.None ? "none" : string.Join("+", s.Networks.NetworkNames());
    }
}
