using System.Collections.Generic;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Each variable of a container is set once: by an [Env], a [Secret], the capability list or the stack.</summary>
    internal static class EnvironmentRules
    {
        public static void Check(StackModel stack, List<Finding> findings)
        {
            foreach (var service in stack.Services)
            {
                var seen = new HashSet<string>();
                foreach (var entry in ComposeRenderer.EnvironmentEntries(stack, service))
                {
                    if (!seen.Add(entry.Key))
                    {
                        findings.Add(Finding.For(Descriptors.InvalidValue, service, entry.SiteKey, "Service '" + ServiceRules.Shown(service.Name) + "'",
                            "environment variable '" + ServiceRules.Shown(entry.Key) + "'", "it is set more than once (by [Env], [Secret], [Capabilities] or the stack itself)"));
                    }
                }
            }
        }
    }
}
