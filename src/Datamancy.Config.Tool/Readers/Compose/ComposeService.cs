using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Readers.Compose;

/// <summary>One environment or label entry; <c>Value</c> is null for a bare <c>- NAME</c> (passed through from the shell).</summary>
internal sealed record KeyValueEntry(string Key, string? Value, SourceRef Where);

/// <summary>One mount, short or long syntax.</summary>
internal sealed record MountEntry(string Type, string Source, string Target, bool ReadOnly, SourceRef Where, string? Unsupported);

/// <summary>One published port.</summary>
internal sealed record PortEntry(string? HostIp, int HostPort, int ContainerPort, string Protocol, SourceRef Where, string Raw);

internal sealed record DependencyEntry(string Service, string Condition, SourceRef Where);

/// <summary>
/// A service after every compose file is merged: mappings merged by key, mounts by target, ports appended,
/// everything else replaced by the later file, as <c>docker compose -f a.yml -f b.yml config</c> does.
/// </summary>
internal sealed class ComposeService
{
    public ComposeService(string name, SourceRef where)
    {
        Name = name;
        Where = where;
    }

    public string Name { get; }

    /// <summary>Where the service is first declared.</summary>
    public SourceRef Where { get; }

    /// <summary>Every file that declares or overrides the service.</summary>
    public List<SourceRef> Definitions { get; } = new();

    /// <summary>Comment lines directly above the service's key in the first file that has any.</summary>
    public List<string> Comments { get; } = new();

    public List<KeyValueEntry> Environment { get; } = new();

    public List<KeyValueEntry> Labels { get; } = new();

    public List<MountEntry> Volumes { get; } = new();

    public List<PortEntry> Ports { get; } = new();

    public List<Located<string>> Expose { get; } = new();

    public List<DependencyEntry> DependsOn { get; } = new();

    public List<Located<string>> Networks { get; } = new();

    public List<Located<string>> Profiles { get; } = new();

    /// <summary>Every other key, last file wins.</summary>
    public Dictionary<string, Located<YamlNode>> Keys { get; } = new(System.StringComparer.Ordinal);

    public Located<YamlNode>? Key(string name) => Keys.TryGetValue(name, out var value) ? value : null;

    public string? ScalarKey(string name) => Key(name)?.Value is YamlScalarNode s ? s.Value : null;
}

/// <summary>The merged compose project.</summary>
internal sealed class ComposeProject
{
    public string? Name { get; set; }

    public List<ComposeService> Services { get; } = new();

    /// <summary>Top-level networks: name → (internal, where).</summary>
    public Dictionary<string, (bool Internal, SourceRef Where)> Networks { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Top-level keys other than services/networks/volumes/name (secrets, configs, x-…).</summary>
    public List<(string Key, SourceRef Where)> OtherTopLevel { get; } = new();

    /// <summary>Every <c>${NAME}</c> the files interpolate, with the first place it is read.</summary>
    public Dictionary<string, SourceRef> Variables { get; } = new(System.StringComparer.Ordinal);

    public List<InputFile> Files { get; } = new();

    /// <summary>The first <c>ipam.config</c> subnet of a top-level network: name → subnet.</summary>
    public Dictionary<string, string> Subnets { get; } = new(System.StringComparer.Ordinal);
}
