using System.Collections.Generic;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers.Compose;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>What a Datamancy-emitted stack shows of its settings: the shared networks' subnets, the env template's setting descriptions.</summary>
internal static partial class StackMapper
{
    private static readonly Regex SettingComment = new(@"^(?<d>.+?)\. Unset or empty: '", RegexOptions.CultureInvariant);

    /// <summary>The first ipam subnet of the frontend, backend and database networks: [Stack(FrontendSubnet, …)].</summary>
    private static void Subnets(StackDraft stack, ComposeProject compose)
    {
        foreach (var (network, subnet) in compose.Subnets)
        {
            if (network is "frontend" or "backend" or "database")
            {
                stack.Subnets[char.ToUpperInvariant(network[0]) + network.Substring(1)] = subnet;
            }
        }
    }

    /// <summary>An env template comment "&lt;Description&gt;. Unset or empty: '&lt;default&gt;'." ("Setting." without one): the [Setting]'s Description.</summary>
    private static void SettingDescriptions(Dictionary<string, string> hints, ServiceDraft draft)
    {
        foreach (var (setting, _, _) in draft.Extras.Settings)
        {
            var described = hints.TryGetValue(setting, out var comment) ? SettingComment.Match(comment) : null;
            if (described is { Success: true } && described.Groups["d"].Value != "Setting")
            {
                draft.Extras.SettingDescriptions[setting] = described.Groups["d"].Value;
            }
        }
    }
}
