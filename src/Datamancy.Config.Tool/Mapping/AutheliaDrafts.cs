using System.Collections.Generic;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>A client's OIDC options that differ from the generator's defaults ([OidcOptions], or an [ExternalOidcClient]'s own); null: the default.</summary>
internal sealed class OidcOptionsDraft
{
    /// <summary><c>ClientSecretPost</c> or <c>None</c>; null: client_secret_basic.</summary>
    public string? AuthMethod { get; set; }
    public List<string>? Scopes { get; set; }
    public List<string>? ResponseModes { get; set; }
    public List<string>? GrantTypes { get; set; }
    public bool RequirePkce { get; set; }
    /// <summary><c>Explicit</c>, <c>Implicit</c> or <c>PreConfigured</c>; null: auto.</summary>
    public string? Consent { get; set; }

    public bool IsDefault => AuthMethod is null && Scopes is null && ResponseModes is null && GrantTypes is null && !RequirePkce && Consent is null;
}

/// <summary>An OIDC client of an application outside the stack: [ExternalOidcClient] on the SSO service.</summary>
internal sealed class ExternalClientDraft
{
    public ExternalClientDraft(string clientId, IReadOnlyList<string> redirectUris)
    {
        ClientId = clientId;
        RedirectUris = redirectUris;
    }

    public string ClientId { get; }
    public IReadOnlyList<string> RedirectUris { get; }
    public string? ClientSecret { get; set; }
    /// <summary>Members of the [UserGroups] enum.</summary>
    public List<string> Groups { get; } = new();
    /// <summary><c>OneFactor</c> or <c>TwoFactor</c>; null: the stack's default.</summary>
    public string? Policy { get; set; }
    public OidcOptionsDraft Options { get; set; } = new();
}
