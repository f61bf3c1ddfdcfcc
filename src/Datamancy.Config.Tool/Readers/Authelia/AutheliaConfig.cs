using System.Collections.Generic;

namespace Datamancy.Config.Tool.Readers.Authelia;

/// <summary>One access-control rule, in file order.</summary>
internal sealed record AccessRule(IReadOnlyList<string> Domains, string Policy, IReadOnlyList<string> Groups, IReadOnlyList<string> OtherSubjects, IReadOnlyList<string> Resources, SourceRef Where, string? Unsupported);

/// <summary>One OIDC client.</summary>
internal sealed record OidcClientEntry(string ClientId, IReadOnlyList<string> RedirectUris, IReadOnlyList<string> GrantTypes, string? Policy, string? SecretReference, bool SecretIsLiteral, IReadOnlyList<string> Audience, SourceRef Where, OidcClientOptions? Options = null);

/// <summary>A named OIDC authorization policy.</summary>
internal sealed record OidcPolicy(string Name, string DefaultPolicy, string? RulePolicy, IReadOnlyList<string> Groups, SourceRef Where);

/// <summary>What the Authelia files say, merged in command-line order.</summary>
internal sealed class AutheliaConfig
{
    public List<InputFile> Files { get; } = new();

    public Located<string>? DefaultPolicy { get; set; }

    public List<AccessRule> Rules { get; } = new();

    public List<OidcClientEntry> Clients { get; } = new();

    public Dictionary<string, OidcPolicy> Policies { get; } = new(System.StringComparer.Ordinal);

    public Located<string>? CookieDomain { get; set; }

    public Located<string>? PortalUrl { get; set; }

    /// <summary>The host (service name) of <c>session.redis</c>.</summary>
    public Located<string>? RedisHost { get; set; }

    /// <summary>The host (service name) of <c>authentication_backend.ldap.address</c>.</summary>
    public Located<string>? LdapHost { get; set; }

    public Located<string>? TotpIssuer { get; set; }

    public int LdapPort { get; set; } = 389;

    public int RedisPort { get; set; } = 6379;

    /// <summary>Settings the descriptors derive rather than declare, and what they become.</summary>
    public List<(SourceRef Where, string What)> Derived { get; } = new();

    public List<(SourceRef Where, string What)> Unsupported { get; } = new();

    /// <summary><c>authentication_backend.ldap</c>, when a file has it.</summary>
    public LdapEntry? Ldap { get; set; }

    /// <summary>Session lifetimes, regulation and the default redirection, merged over the files.</summary>
    public SessionSettings Settings { get; } = new();
}
