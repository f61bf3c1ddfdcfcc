using System.Collections.Generic;
using Datamancy.Config.Tool.Readers;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>The stack as the descriptors will declare it: attribute arguments as C# expressions or plain values.</summary>
internal sealed class StackDraft
{
    public string Name { get; set; } = "stack";
    public string Domain { get; set; } = "example.com";
    public string Namespace { get; set; } = "Stack";
    public string ClassName { get; set; } = "Stack";
    public string GroupsEnum { get; set; } = "Group";
    public string? AcmeEmail { get; set; }
    public bool AcmeStaging { get; set; }
    public string? DefaultPolicy { get; set; }
    public string? PortalHost { get; set; }
    public List<string> Groups { get; } = new();
    public List<ServiceDraft> Services { get; } = new();
    public bool PerLink { get; set; }
    public bool Hairpin { get; set; }
    /// <summary>The limits most services share, when they are not the descriptors' defaults: DefaultMemory, DefaultCpus, DefaultPids.</summary>
    public (string? Memory, string? Cpus, int? Pids) Defaults { get; set; }
    /// <summary>Fixed subnets of the shared networks: Frontend, Backend, Database → CIDR.</summary>
    public SortedDictionary<string, string> Subnets { get; } = new(System.StringComparer.Ordinal);
}

internal sealed class ServiceDraft
{
    public ServiceDraft(string name, SourceRef where)
    {
        Name = name;
        Where = where;
    }

    public string Name { get; }
    public SourceRef Where { get; }
    public string ClassName { get; set; } = string.Empty;
    public string Image { get; set; } = string.Empty;
    public int Port { get; set; }
    public List<string> Networks { get; } = new();
    public string Profile { get; set; } = "Full";
    public string Role { get; set; } = "App";
    public string? User { get; set; }
    public List<string>? Command { get; set; }
    public List<string> Doc { get; } = new();
    public UiDraft? Ui { get; set; }
    public List<string> AllowedGroups { get; } = new();
    public ApiDraft? Api { get; set; }
    public List<(string Name, string Value)> Env { get; } = new();
    public List<SecretDraft> Secrets { get; } = new();
    public List<VolumeDraft> Volumes { get; } = new();
    public HealthDraft? Health { get; set; }
    public List<(string Service, string Condition)> DependsOn { get; } = new();
    public (string? Memory, string? Cpus, int? Pids)? Resources { get; set; }
    public List<PublishDraft> Publish { get; } = new();
    public bool? DockerSocketReadOnly { get; set; }
    public string? DockerSocketVariable { get; set; }
    public (List<string> Capabilities, string? Variable)? Capabilities { get; set; }
    public List<(string Kind, List<string> Capabilities)> Elevations { get; } = new();
    /// <summary>Services this one opens connections to that no route, role or depends_on explains (per-link layout).</summary>
    public List<string> Uses { get; } = new();
    /// <summary>The service has its own egress network: [Egress] with a justification only the user can write.</summary>
    public bool Egress { get; set; }
    public ExtrasDraft Extras { get; } = new();
    /// <summary>Authelia's session store when the stack has more than one cache: [SessionStore].</summary>
    public bool SessionStore { get; set; }
    /// <summary>The ingress image is not named 'caddy': [CaddyBuild] with the Caddy version only the user knows.</summary>
    public bool CaddyBuild { get; set; }
    /// <summary>Databases (class names) this service shares the database network with and does not depend on: a TODO marker each.</summary>
    public List<string> UsesUnknown { get; } = new();
    /// <summary>[OidcOptions] of the service's OIDC client (options other than the defaults).</summary>
    public OidcOptionsDraft? OidcOptions { get; set; }
    /// <summary>[ExternalOidcClient]s, on the SSO service.</summary>
    public List<ExternalClientDraft> ExternalClients { get; } = new();
    /// <summary>[Ldap] on the directory: the named arguments (plain values) that differ from the domain-derived layout; empty list: [Ldap] without arguments.</summary>
    public List<(string Name, string Value)>? Ldap { get; set; }
    /// <summary>[AutheliaSettings] on the SSO service: the named arguments (plain values; RegulationMaxRetries a number).</summary>
    public List<(string Name, string Value)>? AutheliaSettings { get; set; }
    /// <summary>The limits compose gives the service (memory normalized), before the stack's defaults are known.</summary>
    public (string? Memory, string? Cpus, int? Pids)? Limits { get; set; }
    /// <summary>A pids limit but no memory or CPU limit, the generator's shape of [Resources(NoLimit = true)]: a reason only the user can write.</summary>
    public bool NoLimit { get; set; }

    /// <summary>The descriptor file the service goes to (by role and profile).</summary>
    public string File => Role switch
    {
        "Ingress" or "Sso" or "Directory" or "Cache" => "Core",
        "Database" => "Data",
        _ => Profile == "Bootstrap" ? "BootstrapApps" : "Apps",
    };
}

internal sealed class UiDraft
{
    public string Subdomain { get; set; } = string.Empty;
    public string? Sso { get; set; }
    public string? Policy { get; set; }
    public List<string> Bypass { get; } = new();
    public string? OidcCallbackPath { get; set; }
    public string? OidcClientSecret { get; set; }
}

internal sealed class ApiDraft
{
    public string? Subdomain { get; set; }
    public string? AllowlistVariable { get; set; }
    public List<string>? DefaultAllowlist { get; set; }
    public string? ApiKeySecret { get; set; }
    public string? ClientCaFile { get; set; }
    public bool ClientCredentials { get; set; }
}

internal sealed record SecretDraft(string Name, string? As, string? Kind = null, int Length = 0, string? Prefix = null)
{
    public bool Optional { get; init; }
}

internal sealed record VolumeDraft(string Source, string Target, bool ReadOnly, string? Backup = null)
{
    public string? SourceVariable { get; init; }
}

internal sealed record HealthDraft(List<string> Test, string? Interval, string? Timeout, int? Retries, string? StartPeriod, bool Shell = false);

internal sealed record PublishDraft(int HostPort, int ContainerPort, bool Udp);
