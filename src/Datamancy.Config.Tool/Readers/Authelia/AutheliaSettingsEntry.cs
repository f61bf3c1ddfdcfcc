using System.Collections.Generic;

namespace Datamancy.Config.Tool.Readers.Authelia;

/// <summary>
/// What an OIDC client says beyond its ID, redirect and policy: the per-client options ([OidcOptions] or an
/// [ExternalOidcClient]'s own), as written; null where the file leaves a key out.
/// </summary>
internal sealed record OidcClientOptions(
    IReadOnlyList<string>? Scopes, IReadOnlyList<string>? ResponseModes, IReadOnlyList<string>? ResponseTypes, bool RequirePkce, string? Consent, string? AuthMethod, bool Public);

/// <summary>
/// <c>authentication_backend.ldap</c> as written (the layout [Ldap] declares), and whether the password reset is disabled
/// (the directory bootstrap's read-only service account cannot reset passwords).
/// </summary>
internal sealed record LdapEntry(IReadOnlyDictionary<string, string> Values, bool PasswordResetDisabled, SourceRef Where);

/// <summary>Session lifetimes, regulation and the default redirection ([AutheliaSettings]), as written.</summary>
internal sealed class SessionSettings
{
    public string? Expiration { get; set; }

    public string? Inactivity { get; set; }

    public string? RememberMe { get; set; }

    public string? DefaultRedirectionUrl { get; set; }

    public string? MaxRetries { get; set; }

    public string? FindTime { get; set; }

    public string? BanTime { get; set; }

    public SourceRef Where { get; set; }
}
