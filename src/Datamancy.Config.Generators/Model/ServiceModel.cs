namespace Datamancy.Config.Generators.Model
{
    /// <summary>One service, as declared; holds no Roslyn objects and no locations.</summary>
    internal sealed record ServiceModel(
        string TypeName,
        string Name,
        string Image,
        int Port,
        Network Networks,
        Profile Profile,
        ServiceRole Role,
        string? User,
        EquatableArray<string> Command,
        EquatableArray<EnvVar> Environment,
        EquatableArray<SecretRef> Secrets,
        EquatableArray<VolumeMount> Volumes,
        HealthcheckModel? Healthcheck,
        EquatableArray<Dependency> DependsOn,
        ResourceLimits Resources,
        EquatableArray<PublishedPort> Ports,
        UiHostModel? Ui,
        ApiHostModel? Api,
        DockerSocketModel? DockerSocket,
        CapabilityModel? Capabilities,
        EquatableArray<ElevationModel> Elevations,
        ServiceExtras Extras,
        string? CaddyVersion,
        EquatableArray<Acknowledgement> Acknowledgements,
        EquatableArray<string> Uses = default,
        string? Egress = null,
        int Replicas = 1);

    internal sealed record EnvVar(string Name, string Value);

    /// <summary>A secret by name; <paramref name="Variable"/> is the name inside the container.</summary>
    internal sealed record SecretRef(string Name, string Variable, SecretKind Kind = SecretKind.Password, int Length = 0, string Prefix = "", bool Optional = false);

    internal sealed record VolumeMount(string Source, string Target, bool ReadOnly, Backup Backup, string? SourceVariable = null, string? Justification = null)
    {
        public bool IsBind => Source.StartsWith("./", System.StringComparison.Ordinal) || Source.StartsWith("/", System.StringComparison.Ordinal);

        /// <summary>A host path outside the stack folder: an explicit exception.</summary>
        public bool IsHostPath => Source.StartsWith("/", System.StringComparison.Ordinal);
    }

    internal sealed record HealthcheckModel(EquatableArray<string> Test, string Interval, string Timeout, int Retries, string StartPeriod, bool Shell = false);

    /// <summary>A dependency; <paramref name="TypeName"/> is the service class it names.</summary>
    internal sealed record Dependency(string TypeName, DependencyCondition Condition);

    /// <summary>Declared limits; null (or 0 pids) means the stack's default (<c>StackSettings.Defaults</c>).</summary>
    internal sealed record ResourceLimits(string? Memory, string? Cpus, int Pids)
    {
        public static readonly ResourceLimits Default = new(null, null, 0);

        public bool IsStackDefault => Memory is null && Cpus is null && Pids == 0;
    }

    internal sealed record PublishedPort(int HostPort, int ContainerPort, Protocol Protocol, string? Justification);

    internal sealed record UiHostModel(
        string Subdomain,
        SsoMode Sso,
        AuthPolicy Policy,
        string? Justification,
        EquatableArray<string> Bypass,
        EquatableArray<string> Groups,
        string OidcCallbackPath,
        string? OidcClientSecret);

    internal sealed record ApiHostModel(
        string Subdomain,
        string AllowlistVariable,
        EquatableArray<string> DefaultAllowlist,
        string? ApiKeySecret,
        string? ClientCaFile,
        bool ClientCredentials,
        string? PublicJustification);

    internal sealed record DockerSocketModel(bool ReadOnly, string? SourceVariable = null);

    /// <summary>A privilege beyond the hardened default (<c>[Elevated]</c>); rendered only when justified.</summary>
    internal sealed record ElevationModel(Elevation Kind, EquatableArray<string> Capabilities, string? Justification);

    /// <summary>Mirror of <c>Datamancy.Config.Elevation</c> (same names and values).</summary>
    internal enum Elevation { Privileged = 0, HostNetwork = 1, HostPid = 2, HostIpc = 3, HostUserns = 4, CapAdd = 5, SeccompUnconfined = 6 }

    internal sealed record CapabilityModel(EquatableArray<string> Capabilities, string Variable, string? Justification);

    /// <summary>A warning acknowledged in C# with <c>[Justify(id, reason)]</c>: not reported, listed in the audit.</summary>
    internal sealed record Acknowledgement(string Check, string Reason);
}
