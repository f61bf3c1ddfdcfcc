using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// One secret the secrets command must create. <paramref name="DigestOf"/> names the plaintext whose
    /// digest this is; <paramref name="ForClients"/> marks a plaintext no stack service reads (a machine client's).
    /// </summary>
    internal sealed record SecretSpec(string Name, SecretKind Kind, int Length, bool Bootstrap, EquatableArray<string> ReadBy, string? DigestOf, bool ForClients, string Prefix = "")
    {
        /// <summary>One tab-separated line, as compiled into the assembly for the secrets command.</summary>
        public string ToManifestLine() => string.Join("\t", new[]
        {
            Name, Kind.ToString(), Length.ToString(CultureInfo.InvariantCulture), Bootstrap ? "bootstrap" : "full",
            string.Join(",", ReadBy), DigestOf ?? "-", ForClients ? "clients" : "env", Prefix.Length == 0 ? "-" : Prefix,
        });

        public string Describe() => DigestOf is not null
            ? "PBKDF2-SHA512 digest of " + DigestOf + ", for Authelia."
            : Kind switch
            {
                SecretKind.Password => "Secret: random password, " + Length + " characters" + (Prefix.Length == 0 ? "." : " after the prefix '" + Prefix + "'."),
                SecretKind.HexKey => "Secret: random key, " + Length + " bytes, hex.",
                SecretKind.Base64Key => "Secret: random key, " + Length + " bytes, base64.",
                SecretKind.RsaPrivateKey => "Secret: RSA " + Length + "-bit private key, PEM on one line.",
                _ => "Secret: OIDC client secret (plaintext), " + Length + " characters; Authelia reads its digest.",
            };
    }

    /// <summary>Every secret of the stack with its kind: declared ones, Authelia's own, and OIDC client secrets and digests.</summary>
    internal static class SecretSpecs
    {
        public static int DefaultLength(SecretKind kind) => kind switch
        {
            SecretKind.RsaPrivateKey => 4096,
            SecretKind.OidcClientSecret => 64,
            _ => 32,
        };

        /// <summary>Every secret of the stack, sorted by name (computed once per model: <see cref="StackMemo.Secrets"/>).</summary>
        public static IReadOnlyList<SecretSpec> Of(StackModel stack) => StackMemo.Of(stack).Secrets;

        internal static IReadOnlyList<SecretSpec> Compute(StackModel stack)
        {
            var clients = DerivedSecrets.OidcClients(stack).Where(c => c.SecretName.Length > 0).ToList();
            var plaintexts = new HashSet<string>(clients.Select(c => c.SecretName));
            var forClients = new HashSet<string>(clients.Where(c => c.PlaintextForClients).Select(c => c.SecretName));
            // Two clients naming one secret are a finding (ExtrasStackRules); the first one's digest stands here.
            var digests = new Dictionary<string, string>();
            foreach (var client in clients)
            {
                if (!digests.ContainsKey(client.DigestVariable))
                {
                    digests[client.DigestVariable] = client.SecretName;
                }
            }
            var first = new Dictionary<string, SecretRef>();
            var readers = new Dictionary<string, SortedSet<string>>();
            var bootstrap = new HashSet<string>();
            foreach (var service in stack.Ordered())
            {
                foreach (var secret in DerivedSecrets.For(stack, service).Where(x => !x.Optional))
                {
                    if (!first.ContainsKey(secret.Name))
                    {
                        first[secret.Name] = secret;
                        readers[secret.Name] = new SortedSet<string>(System.StringComparer.Ordinal);
                    }
                    readers[secret.Name].Add(service.Name);
                    if (service.Profile == Profile.Bootstrap)
                    {
                        bootstrap.Add(secret.Name);
                    }
                }
            }
            foreach (var client in clients.Where(c => c.PlaintextForClients))
            {
                first[client.SecretName] = new SecretRef(client.SecretName, client.SecretName, SecretKind.OidcClientSecret, 0);
                readers[client.SecretName] = new SortedSet<string>(System.StringComparer.Ordinal);
            }

            var specs = new List<SecretSpec>();
            foreach (var name in first.Keys.OrderBy(n => n, System.StringComparer.Ordinal))
            {
                var secret = first[name];
                var kind = plaintexts.Contains(name) ? SecretKind.OidcClientSecret : secret.Kind;
                var length = secret.Length > 0 ? secret.Length : DefaultLength(kind);
                var digestOf = digests.TryGetValue(name, out var plaintext) ? plaintext : null;
                specs.Add(new SecretSpec(name, kind, length, bootstrap.Contains(name), readers[name].ToEquatableArray(), digestOf, forClients.Contains(name), secret.Prefix));
            }
            return specs;
        }

        /// <summary>Optional secrets (<c>[Secret(Optional = true)]</c>) that no service needs: listed in the env templates, never generated.</summary>
        public static IEnumerable<(string Name, EquatableArray<string> ReadBy, bool Bootstrap)> Optional(StackModel stack)
        {
            var required = new HashSet<string>(Of(stack).Select(x => x.Name));
            return stack.Ordered()
                .SelectMany(s => s.Secrets.Where(x => x.Optional).Select(x => (x.Name, Service: s)))
                .Where(x => !required.Contains(x.Name))
                .GroupBy(x => x.Name)
                .OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .Select(g => (g.Key, g.Select(x => x.Service.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToEquatableArray(), g.Any(x => x.Service.Profile == Profile.Bootstrap)));
        }
    }
}
