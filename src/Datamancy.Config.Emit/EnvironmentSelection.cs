using System;
using System.Collections.Generic;
using System.Linq;

namespace Datamancy.Config.Emit;

/// <summary>
/// The environments a build asks for must be environments the stack has: a typo would otherwise select nothing
/// (and remove every artifact), and a path such as <c>../x</c> would put secret files outside the artifacts folder.
/// </summary>
internal static class EnvironmentSelection
{
    /// <summary>Why the selection is refused, or null when every name is one of <paramref name="known"/>.</summary>
    public static string? Refusal(IReadOnlyList<string>? requested, IReadOnlyList<string> known)
    {
        if (requested is null)
        {
            return null;
        }
        if (requested.Count == 0)
        {
            return "DatamancyEnvironments selects no environment; the stack has " + string.Join(", ", known) + ".";
        }
        var unknown = requested.Where(e => !known.Contains(e, StringComparer.Ordinal)).ToList();
        return unknown.Count == 0
            ? null
            : "DatamancyEnvironments names " + string.Join(", ", unknown.Select(u => "'" + ArtifactPaths.Shown(u) + "'")) + ", which the stack does not have; it has "
                + string.Join(", ", known) + ". Nothing was written or removed.";
    }
}
