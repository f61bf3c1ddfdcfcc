using System;
using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Compose;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>Stack settings and roles read from what the generator derives: the dumped databases, the bootstrapped directory, the hairpin aliases.</summary>
internal static partial class StackMapper
{
    /// <summary>A service the generator dumps is a database (or the directory); the bootstrapped directory is the directory.</summary>
    private static void GeneratedRoles(GeneratedParts parts, Dictionary<string, ServiceDraft> drafts)
    {
        foreach (var (name, engine) in parts.Dumped)
        {
            drafts[name].Role = engine == "directory" ? "Directory" : "Database";
        }
        if (parts.BootstrappedDirectory is { } directory)
        {
            drafts[directory].Role = "Directory";
        }
    }

    /// <summary>The ingress answering for the stack's own hosts on its networks is the stack's Hairpin setting, not declared aliases.</summary>
    private static IReadOnlyCollection<string> HairpinAliases(StackDraft stack, ComposeService service, ServiceDraft draft, ImportReport report)
    {
        if (draft.Role != "Ingress")
        {
            return Array.Empty<string>();
        }
        var hosts = service.Keys.Where(k => k.Key.StartsWith("networks.", StringComparison.Ordinal))
            .SelectMany(k => k.Value.Value.Child("aliases").Strings())
            .Where(a => a.EndsWith("." + stack.Domain, StringComparison.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (hosts.Count > 0)
        {
            stack.Hairpin = true;
            report.Decide(service.Where, "the ingress answers for the stack's hosts on its networks (" + string.Join(", ", hosts) + "): imported as Hairpin = true, which gives it every UI, API and portal host.");
        }
        return hosts;
    }
}
