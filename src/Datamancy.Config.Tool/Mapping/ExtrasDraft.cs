using System.Collections.Generic;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>The compose keys of a long-lived real stack the descriptors express (issue 12): builds, profiles, env files, aliases, runtime keys.</summary>
internal sealed class ExtrasDraft
{
    public (string Context, string? Dockerfile, string? Target, List<string> Args)? Build { get; set; }
    public List<string> Profiles { get; } = new();
    public List<string>? Entrypoint { get; set; }
    public bool? Job { get; set; }
    public List<string> EnvFiles { get; } = new();
    public List<string> Aliases { get; } = new();
    public List<(string Host, string Address)> ExtraHosts { get; } = new();
    public List<string>? Dns { get; set; }
    public List<(string Name, int Soft, int Hard)> Ulimits { get; } = new();
    public (string Driver, List<string> Options)? Logging { get; set; }
    public List<(string Target, string? Size)> Tmpfs { get; } = new();
    public string? StopGracePeriod { get; set; }
    public string? ShmSize { get; set; }
    public bool ReadOnlyRootFilesystem { get; set; }
    public int Replicas { get; set; } = 1;
    public (string Driver, int Count, List<string> Capabilities)? Gpu { get; set; }
    public List<(string Name, string Default, string? As)> Settings { get; } = new();
    /// <summary>A setting's description, from the comment of a Datamancy env template: name → text.</summary>
    public Dictionary<string, string> SettingDescriptions { get; } = new(System.StringComparer.Ordinal);
}
