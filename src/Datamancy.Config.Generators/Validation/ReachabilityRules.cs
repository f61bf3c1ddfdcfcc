using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Who can reach what, across services: a database on a shared non-internal network (DMC2007), and the Docker
    /// socket mounted directly while the stack has a socket proxy (DMC3013).
    /// </summary>
    internal static class ReachabilityRules
    {
        public static void Check(StackModel stack, List<Finding> findings)
        {
            foreach (var database in stack.Services.Where(s => s.Role == ServiceRole.Database && (s.Networks & Network.Backend) != 0))
            {
                // Frontend is already an error (DMC2004); 'backend' is the non-internal network services share.
                var reachers = stack.Services
                    .Where(s => s != database && (s.Networks & Network.Backend) != 0)
                    .Select(s => s.Name)
                    .OrderBy(n => n, System.StringComparer.Ordinal)
                    .ToList();
                var who = reachers.Count == 0
                    ? "every service that joins it later"
                    : (reachers.Count == 1 ? "service " : "services ") + string.Join(", ", reachers.Select(n => "'" + ServiceRules.Shown(n) + "'"));
                findings.Add(Finding.For(Descriptors.DatabaseOnSharedNetwork, database, "Service.Networks", database.Name, "backend", who));
            }

            var proxy = stack.Services.FirstOrDefault(s => s.Role == ServiceRole.SocketProxy);
            if (proxy is null)
            {
                return;
            }
            foreach (var s in stack.Services.Where(s => s != proxy && s.DockerSocket is not null))
            {
                findings.Add(Finding.For(Descriptors.DockerSocketBesideProxy, s, "DockerSocket", s.Name, proxy.Name));
            }
        }
    }
}
