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
                var supplied = new Dictionary<string, SecretRef>();
                foreach (var derived in DerivedSecrets.LibrarySupplied(stack, service))
                {
                    supplied[derived.Variable] = derived;
                }
                foreach (var entry in ComposeRenderer.EnvironmentEntries(stack, service))
                {
                    if (seen.Add(entry.Key))
                    {
                        continue;
                    }
                    var reason = supplied.TryGetValue(entry.Key, out var derived)
                        ? "the library already passes '" + derived.Name + "' to " + service.Role + " service '" + ServiceRules.Shown(service.Name) + "' as this variable ("
                            + derived.Kind + (derived.Length > 0 ? ", length " + derived.Length : string.Empty) + "); remove this declaration, or declare it identically"
                            + " ([Secret(\"" + derived.Name + "\"" + (derived.Variable != derived.Name ? ", As = \"" + derived.Variable + "\"" : string.Empty) + ")] with that kind)"
                        : "it is set more than once (by [Env], [Secret], [Capabilities] or the stack itself)";
                    var site = entry.SiteKey;
                    for (var i = 0; i < service.Secrets.Count && derived is not null; i++)
                    {
                        if (service.Secrets[i].Variable == entry.Key)
                        {
                            site = SiteKeys.Of("Secret", i, "Name"); // the user's declaration, not the library's entry
                        }
                    }
                    findings.Add(Finding.For(Descriptors.InvalidValue, service, site, "Service '" + ServiceRules.Shown(service.Name) + "'",
                        "environment variable '" + ServiceRules.Shown(entry.Key) + "'", reason));
                }
            }
        }
    }
}
