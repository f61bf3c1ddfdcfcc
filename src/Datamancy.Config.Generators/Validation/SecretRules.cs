using System.Collections.Generic;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Secrets are declared once per stack: a name means one kind and one length wherever it is read.</summary>
    internal static class SecretRules
    {
        public static void Check(StackModel stack, List<Finding> findings)
        {
            var first = new Dictionary<string, (ServiceModel Service, SecretRef Secret)>();
            foreach (var service in stack.Services)
            {
                for (var i = 0; i < service.Secrets.Count; i++)
                {
                    var secret = service.Secrets[i];
                    var key = SiteKeys.Of("Secret", i, "Name");
                    if (!LengthFits(secret))
                    {
                        findings.Add(Finding.For(Descriptors.InvalidValue, service, SiteKeys.Of("Secret", i, "Length"), "Service '" + service.Name + "'",
                            "Length " + secret.Length + " of secret '" + secret.Name + "'", LengthRule(secret.Kind)));
                    }
                    if (secret.Prefix.Length > 0 && (secret.Prefix.Length > 16 || !System.Text.RegularExpressions.Regex.IsMatch(secret.Prefix, "^[A-Za-z0-9_-]+\\z")
                        || secret.Kind is not (SecretKind.Password or SecretKind.OidcClientSecret)))
                    {
                        findings.Add(Finding.For(Descriptors.InvalidValue, service, SiteKeys.Of("Secret", i, "Prefix"), "Service '" + service.Name + "'",
                            "Prefix of secret '" + secret.Name + "'", "use up to 16 letters, digits, '-' or '_', on a Password or OidcClientSecret"));
                    }
                    if (first.TryGetValue(secret.Name, out var earlier))
                    {
                        if (earlier.Secret.Kind != secret.Kind || earlier.Secret.Length != secret.Length || earlier.Secret.Prefix != secret.Prefix)
                        {
                            findings.Add(Finding.For(Descriptors.InvalidValue, service, key, "Service '" + service.Name + "'",
                                "secret '" + secret.Name + "'", "it is declared as " + earlier.Secret.Kind + " (length " + earlier.Secret.Length + ") by service '"
                                + earlier.Service.Name + "'; one secret has one kind and length"));
                        }
                    }
                    else
                    {
                        first[secret.Name] = (service, secret);
                    }
                }
            }
        }

        private static bool LengthFits(SecretRef secret) => secret.Length == 0 || secret.Kind switch
        {
            SecretKind.RsaPrivateKey => secret.Length is >= 2048 and <= 8192 && secret.Length % 1024 == 0,
            SecretKind.HexKey or SecretKind.Base64Key => secret.Length is >= 16 and <= 1024,
            _ => secret.Length is >= 16 and <= 256,
        };

        private static string LengthRule(SecretKind kind) => kind switch
        {
            SecretKind.RsaPrivateKey => "RSA keys are 2048-8192 bits, a multiple of 1024",
            SecretKind.HexKey or SecretKind.Base64Key => "keys are 16-1024 bytes",
            _ => "passwords and client secrets are 16-256 characters",
        };
    }
}
