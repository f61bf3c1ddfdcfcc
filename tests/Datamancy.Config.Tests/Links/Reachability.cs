using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Links;
using Datamancy.Config.Tests.Infrastructure;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Links;

/// <summary>One connection a service can open: to <paramref name="To"/> on <paramref name="Port"/>/<paramref name="Protocol"/> (TCP or UDP).</summary>
public sealed record Reach(string From, string To, int Port, string Protocol)
{
    public override string ToString() => From + " -> " + To + ":" + Port + "/" + Protocol.ToLowerInvariant();
}

/// <summary>Reachability facts shared by the compose and Kubernetes proofs.</summary>
public static class Reachability
{
    /// <summary>
    /// The model the artifacts were rendered from (read from the generator's tracked step; no second parse): the declared
    /// services plus the ones the backup plan adds (restic and the database dumps), which are part of the emitted stack.
    /// </summary>
    internal static StackModel Model(this GeneratorRun run) =>
        Generators.Rendering.Backups.BackupServices.Extend(run.Rendered().Model ?? throw new InvalidOperationException("the stack has no model"));

    /// <summary>The generator's rendered stack, read from its tracked step: the declared model and the stack class.</summary>
    internal static RenderedStack Rendered(this GeneratorRun run) =>
        (RenderedStack)run.Result.Results.Single().TrackedSteps[StepNames.Rendered].Single().Outputs.Single().Value;

    /// <summary>The declared links, as the proofs compare them (the generator's link list, directed).</summary>
    internal static SortedSet<string> Declared(StackModel stack) =>
        new(StackLinks.All(stack).Select(l => new Reach(l.Client.Name, l.Target.Name, l.Port.Number, l.Port.ProtocolName).ToString()), StringComparer.Ordinal);

    /// <summary>
    /// From the compose file alone: a service can open a connection to every port another service exposes on a network they share.
    /// Services with <c>network_mode</c> (none, host) share no compose network. Networks are symmetric: both directions count.
    /// </summary>
    public static SortedSet<string> Compose(string composeYaml)
    {
        var root = YamlJson.Parse(composeYaml);
        var services = (YamlMappingNode)root.Children[new YamlScalarNode("services")];
        var networks = new Dictionary<string, HashSet<string>>();
        var exposed = new Dictionary<string, List<(int Port, string Protocol)>>();
        foreach (var (key, value) in services.Children)
        {
            var name = ((YamlScalarNode)key).Value!;
            var service = (YamlMappingNode)value;
            networks[name] = new HashSet<string>();
            if (!service.Children.ContainsKey(new YamlScalarNode("network_mode")) && service.Children.TryGetValue(new YamlScalarNode("networks"), out var joined))
            {
                var names = joined switch
                {
                    YamlSequenceNode list => list.Children.Select(n => ((YamlScalarNode)n).Value!),
                    YamlMappingNode map => map.Children.Keys.Select(n => ((YamlScalarNode)n).Value!),
                    _ => throw new InvalidOperationException("networks of " + name),
                };
                networks[name].UnionWith(names);
            }
            else if (!service.Children.ContainsKey(new YamlScalarNode("network_mode")))
            {
                networks[name].Add("default"); // compose puts a service without networks on the project's default network
            }
            exposed[name] = new List<(int, string)>();
            if (service.Children.TryGetValue(new YamlScalarNode("expose"), out var expose))
            {
                foreach (var entry in ((YamlSequenceNode)expose).Children.Select(n => ((YamlScalarNode)n).Value!))
                {
                    var parts = entry.Split('/');
                    exposed[name].Add((int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), parts.Length > 1 ? parts[1].ToUpperInvariant() : "TCP"));
                }
            }
        }
        var reach = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var from in networks.Keys)
        {
            foreach (var to in networks.Keys.Where(t => t != from && networks[t].Overlaps(networks[from])))
            {
                foreach (var (port, protocol) in exposed[to])
                {
                    reach.Add(new Reach(from, to, port, protocol).ToString());
                }
            }
        }
        return reach;
    }

    /// <summary>The links and their reverse directions (a compose network carries both), where the client listens at all.</summary>
    internal static SortedSet<string> SymmetricClosure(StackModel stack)
    {
        var set = Declared(stack);
        foreach (var link in StackLinks.All(stack))
        {
            foreach (var port in StackLinks.Ports(link.Client))
            {
                set.Add(new Reach(link.Target.Name, link.Client.Name, port.Number, port.ProtocolName).ToString());
            }
        }
        return set;
    }
}
