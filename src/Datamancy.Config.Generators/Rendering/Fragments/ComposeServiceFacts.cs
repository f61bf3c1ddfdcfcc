using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// What one service's compose block reads from the rest of the stack, resolved to values: with the service's model,
    /// everything <see cref="ComposeServiceBlock"/> needs. A fact is set only for the services whose block reads it (the
    /// ingress's preflight, networks unless on the host's), so an edit elsewhere leaves the facts of every block whose
    /// text it does not change equal.
    /// </summary>
    /// <param name="Profiles">The profiles the service starts in (a bootstrap service: every named profile of the stack).</param>
    /// <param name="Preflight">The ingress runs <c>caddy-preflight.sh</c> before Caddy.</param>
    /// <param name="Command">The command, with what the directory bootstrap adds.</param>
    /// <param name="Environment">The environment as compose gets it: tokens expanded, derived secrets, the ingress's allowlists.</param>
    /// <param name="PerLink">The stack's networks are <see cref="NetworkLayout.PerLink"/>.</param>
    /// <param name="LinkNetworks">Under <see cref="NetworkLayout.PerLink"/>: the networks of the service's links and its egress.</param>
    /// <param name="Aliases">Otherwise: the aliases the service has on each of its networks.</param>
    /// <param name="AddedMounts">The mounts after the declared volumes: the role's, the backup plan's, the directory bootstrap's.</param>
    /// <param name="Dependencies">The services it depends on, by name, with compose's condition.</param>
    /// <param name="Pids">Its pids limit, or the stack's default.</param>
    /// <param name="Limits">Its memory and CPU limits, or the stack's defaults; null for a justified NoLimit.</param>
    internal sealed record ComposeServiceFacts(
        EquatableArray<string> Profiles,
        bool Preflight,
        EquatableArray<string> Command,
        EquatableArray<ComposeVariable> Environment,
        bool PerLink,
        EquatableArray<ComposeNetwork> LinkNetworks,
        EquatableArray<string> Aliases,
        EquatableArray<VolumeMount> AddedMounts,
        EquatableArray<ComposeDependency> Dependencies,
        int Pids,
        ComposeLimits? Limits);

    /// <summary>One entry of a service's compose <c>environment</c>.</summary>
    internal sealed record ComposeVariable(string Key, string Value);

    /// <summary>A network a service joins under <see cref="NetworkLayout.PerLink"/>, with its aliases there.</summary>
    internal sealed record ComposeNetwork(string Name, EquatableArray<string> Aliases);

    /// <summary>A <c>depends_on</c> entry: the target service's name and the condition compose waits for.</summary>
    internal sealed record ComposeDependency(string Name, string Condition);

    /// <summary>The <c>deploy.resources.limits</c> of a service.</summary>
    internal sealed record ComposeLimits(string Cpus, string Memory);
}
