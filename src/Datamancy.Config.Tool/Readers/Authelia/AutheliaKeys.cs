using System;
using System.Collections.Generic;

namespace Datamancy.Config.Tool.Readers.Authelia;

/// <summary>The keys Authelia v4.39 accepts in the sections the import reads (from its JSON schema); a typo fails Authelia's start.</summary>
internal static class AutheliaKeys
{
    public static readonly HashSet<string> TopLevel = Set(
        "access_control authentication_backend certificates_directory default_2fa_method default_redirection_url definitions duo_api identity_providers identity_validation log notifier ntp password_policy privacy_policy regulation server session storage telemetry theme totp webauthn",
        // Deprecated keys Authelia 4.39 still maps to their new places.
        "jwt_secret");

    public static readonly HashSet<string> AccessControl = Set("default_policy networks rules");

    public static readonly HashSet<string> Rule = Set("domain domain_regex methods networks policy query resources subject");

    public static readonly HashSet<string> Session = Set("cookies domain expiration inactivity name redis remember_me same_site secret");

    public static readonly HashSet<string> Cookie = Set("authelia_url default_redirection_url domain expiration inactivity name remember_me same_site");

    public static readonly HashSet<string> AuthenticationBackend = Set("file ldap password_change password_reset refresh_interval");

    public static readonly HashSet<string> IdentityProviders = Set("oidc");

    public static readonly HashSet<string> Oidc = Set(
        "authorization_policies claims_policies clients cors discovery_signed_response_alg discovery_signed_response_key_id enable_client_debug_messages enable_jwt_access_token_stateless_introspection enable_pkce_plain_challenge enforce_pkce hmac_secret issuer_certificate_chain issuer_private_key jwks lifespans minimum_parameter_entropy require_pushed_authorization_requests scopes");

    public static readonly HashSet<string> Client = Set(
        "access_token_encrypted_response_alg access_token_encrypted_response_enc access_token_encrypted_response_key_id access_token_signed_response_alg access_token_signed_response_key_id allow_multiple_auth_methods audience authorization_encrypted_response_alg authorization_encrypted_response_enc authorization_encrypted_response_key_id authorization_policy authorization_signed_response_alg authorization_signed_response_key_id claims_policy client_id client_name client_secret consent_mode grant_types id_token_encrypted_response_alg id_token_encrypted_response_enc id_token_encrypted_response_key_id id_token_signed_response_alg id_token_signed_response_key_id introspection_encrypted_response_alg introspection_encrypted_response_enc introspection_encrypted_response_key_id introspection_endpoint_auth_method introspection_endpoint_auth_signing_alg introspection_signed_response_alg introspection_signed_response_key_id jwks jwks_uri lifespan pkce_challenge_method pre_configured_consent_duration public pushed_authorization_request_endpoint_auth_method pushed_authorization_request_endpoint_auth_signing_alg redirect_uris request_object_encryption_alg request_object_encryption_enc request_object_signing_alg request_uris requested_audience_mode require_pkce require_pushed_authorization_requests response_modes response_types revocation_endpoint_auth_method revocation_endpoint_auth_signing_alg scopes sector_identifier_uri token_endpoint_auth_method token_endpoint_auth_signing_alg userinfo_encrypted_response_alg userinfo_encrypted_response_enc userinfo_encrypted_response_key_id userinfo_signed_response_alg userinfo_signed_response_key_id");

    public static readonly HashSet<string> Totp = Set("algorithm allowed_algorithms allowed_digits allowed_periods digits disable disable_reuse_security_policy issuer period secret_size skew");

    private static HashSet<string> Set(params string[] lists)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var list in lists)
        {
            set.UnionWith(list.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        return set;
    }
}
