using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Secrets the stack needs because of its shape rather than a declaration: Authelia's own keys,
    /// the directory bind password, and the digests of OIDC client secrets. Names come from here
    /// only, so compose, Authelia and the env templates cannot drift apart.
    /// </summary>
    internal static class DerivedSecrets
    {
        public const string DirectoryPassword = "LDAP_ADMIN_PASSWORD";
        /// <summary>The password of Authelia's read-only directory account (read by the directory at first start and by Authelia).</summary>
        public const string DirectoryServiceAccountPassword = "LDAP_AUTHELIA_PASSWORD";
        public const string OidcHmacSecret = "AUTHELIA_IDENTITY_PROVIDERS_OIDC_HMAC_SECRET";
        public const string OidcIssuerPrivateKey = "AUTHELIA_IDENTITY_PROVIDERS_OIDC_ISSUER_PRIVATE_KEY";

        /// <summary>
        /// The secrets a service reads: its declared ones plus the derived ones. A derived secret the service also
        /// declares identically (same name and variable; same kind, and the library's length or none) is passed once.
        /// </summary>
        public static IEnumerable<SecretRef> For(StackModel stack, ServiceModel service)
        {
            var supplied = LibrarySupplied(stack, service).ToList();
            foreach (var secret in service.Secrets)
            {
                // An identical declaration takes the library's kind and length: declaring it cannot weaken it.
                yield return supplied.FirstOrDefault(derived => IsIdentical(secret, derived)) ?? secret;
            }
            if (Directory.DirectoryBootstrap.IsBootstrapped(stack, service))
            {
                yield return new SecretRef(DirectoryServiceAccountPassword, "LDAP_READONLY_USER_PASSWORD", SecretKind.Password, 0);
            }
            foreach (var derived in supplied)
            {
                if (!service.Secrets.Any(declared => IsIdentical(declared, derived)))
                {
                    yield return derived;
                }
            }
        }

        /// <summary>True when a declaration repeats what the library passes anyway.</summary>
        public static bool IsIdentical(SecretRef declared, SecretRef derived) =>
            declared.Name == derived.Name && declared.Variable == derived.Variable && declared.Kind == derived.Kind
            && (declared.Length == 0 || declared.Length == derived.Length) && declared.Prefix.Length == 0;

        /// <summary>The secrets the library passes to a service because of its role (Authelia's own keys, the LDAP bind password, OIDC digests).</summary>
        public static IEnumerable<SecretRef> LibrarySupplied(StackModel stack, ServiceModel service)
        {
            if (service.Role == ServiceRole.Sso)
            {
                yield return new SecretRef("AUTHELIA_SESSION_SECRET", "AUTHELIA_SESSION_SECRET", SecretKind.Password, 64);
                yield return new SecretRef("AUTHELIA_STORAGE_ENCRYPTION_KEY", "AUTHELIA_STORAGE_ENCRYPTION_KEY", SecretKind.Password, 64);
                yield return new SecretRef("AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET", "AUTHELIA_IDENTITY_VALIDATION_RESET_PASSWORD_JWT_SECRET", SecretKind.Password, 64);
                if (stack.WithRole(ServiceRole.Directory) is { } bootstrapped && Directory.DirectoryBootstrap.IsBootstrapped(stack, bootstrapped))
                {
                    // Authelia binds as the directory's read-only service account, never as its admin.
                    yield return new SecretRef(DirectoryServiceAccountPassword, "AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD", SecretKind.Password, 0);
                }
                else if (stack.WithRole(ServiceRole.Directory) is { } directory)
                {
                    var declared = directory.Secrets.FirstOrDefault(x => x.Name == DirectoryPassword);
                    yield return new SecretRef(DirectoryPassword, "AUTHELIA_AUTHENTICATION_BACKEND_LDAP_PASSWORD", declared?.Kind ?? SecretKind.Password, declared?.Length ?? 0);
                }
                var clients = OidcClients(stack).ToList();
                if (clients.Count > 0)
                {
                    yield return new SecretRef(OidcHmacSecret, OidcHmacSecret, SecretKind.Password, 64);
                    yield return new SecretRef(OidcIssuerPrivateKey, OidcIssuerPrivateKey, SecretKind.RsaPrivateKey, 0);
                }
                foreach (var client in clients.Where(c => c.SecretName.Length > 0))
                {
                    // The digest's kind is that of its plaintext; SecretSpecs marks it as a digest.
                    yield return new SecretRef(client.DigestVariable, client.DigestVariable, SecretKind.OidcClientSecret, 0);
                }
            }
        }

        /// <summary>Every Authelia OIDC client of the stack, in a stable order (computed once per stack).</summary>
        public static IEnumerable<OidcClient> OidcClients(StackModel stack) => StackMemo.Of(stack).OidcClients;

        internal static IEnumerable<OidcClient> ComputeOidcClients(StackModel stack)
        {
            foreach (var service in stack.Ordered())
            {
                if (service.Ui is { Sso: SsoMode.Oidc, OidcClientSecret: { } secret } ui)
                {
                    yield return new OidcClient(service, service.ClientId(), secret, secret + "_DIGEST", IsMachine: false);
                }
                if (service.Api is { ClientCredentials: true })
                {
                    var secretName = "API_" + Parsing.EnvNames.FromServiceName(service.Name) + "_CLIENT_SECRET";
                    yield return new OidcClient(service, service.ApiClientId(), secretName, secretName + "_DIGEST", IsMachine: true);
                }
                var externals = service.Role == ServiceRole.Sso ? service.Extras.ExternalClients : EquatableArray<ExternalOidcClientModel>.Empty;
                for (var i = 0; i < externals.Count; i++)
                {
                    // A public client (a phone app) has no secret: it proves itself with PKCE.
                    var external = externals[i];
                    var externalSecret = external.ClientSecret ?? string.Empty;
                    yield return new OidcClient(service, external.ClientId, externalSecret, externalSecret.Length == 0 ? string.Empty : externalSecret + "_DIGEST", IsMachine: false, external, i);
                }
            }
        }

        /// <summary>An OIDC client: the app reads <paramref name="SecretName"/>, Authelia reads <paramref name="DigestVariable"/>.</summary>
        /// <remarks>
        /// <paramref name="External"/> is set for a client of an app outside the stack; its plaintext is for the app's owner.
        /// <paramref name="ExternalIndex"/> is its place among the service's [ExternalOidcClient]s.
        /// </remarks>
        internal sealed record OidcClient(ServiceModel Service, string ClientId, string SecretName, string DigestVariable, bool IsMachine, ExternalOidcClientModel? External = null, int ExternalIndex = 0)
        {
            /// <summary>A plaintext that no service of the stack reads (machine and external clients): the secrets command writes it for whoever configures the client.</summary>
            public bool PlaintextForClients => SecretName.Length > 0 && (IsMachine || External is not null);
        }
    }
}
