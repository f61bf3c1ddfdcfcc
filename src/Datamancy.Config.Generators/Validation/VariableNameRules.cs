using System.Collections.Generic;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Every free-form variable name of a descriptor stays in its namespace (<see cref="VariableNamespaces"/>):
    /// allowlist and capability variables, secret names (declared, API keys, OIDC client secrets) and the names secrets
    /// take inside containers.
    /// </summary>
    internal static class VariableNameRules
    {
        /// <summary>The rules on one service (reported by the analyzer). Names that fail their grammar are reported elsewhere.</summary>
        public static void Check(ServiceModel s, List<Finding> findings)
        {
            void Conflict(string key, string argument, string name, string? why)
            {
                if (why is not null)
                {
                    findings.Add(Finding.For(Descriptors.VariableOutsideNamespace, s, key, s.Name, argument, name, why));
                }
            }

            if (s.Api is { } api && ValueRules.IsSecretName(api.AllowlistVariable))
            {
                Conflict("ApiHost.AllowlistVariable", "AllowlistVariable", api.AllowlistVariable, VariableNamespaces.AllowlistConflict(api.AllowlistVariable));
            }
            if (s.Api is { ApiKeySecret: { } key } && ValueRules.IsSecretName(key))
            {
                Conflict("ApiHost.ApiKeySecret", "ApiKeySecret", key, VariableNamespaces.SecretNameConflict(key));
            }
            if (s.Ui is { OidcClientSecret: { } client } && ValueRules.IsSecretName(client))
            {
                Conflict("UiHost.OidcClientSecret", "OidcClientSecret", client, VariableNamespaces.SecretNameConflict(client));
            }
            if (s.Capabilities is { } caps && ValueRules.IsSecretName(caps.Variable))
            {
                Conflict("Capabilities.Variable", "Capabilities Variable", caps.Variable, VariableNamespaces.CapabilityConflict(caps.Variable));
            }
            for (var i = 0; i < s.Secrets.Count; i++)
            {
                var secret = s.Secrets[i];
                if (ValueRules.IsSecretName(secret.Name))
                {
                    Conflict(SiteKeys.Of("Secret", i, "Name"), "secret", secret.Name, VariableNamespaces.SecretNameConflict(secret.Name));
                }
                if (secret.Variable != secret.Name && ValueRules.IsEnvName(secret.Variable) && VariableNamespaces.IsProcessVariable(secret.Variable))
                {
                    Conflict(SiteKeys.Of("Secret", i, "As"), "secret variable (As)", secret.Variable,
                        "it is a variable shells and runtimes read; a secret there changes how the container's processes run");
                }
            }
        }

        /// <summary>
        /// The stack-wide rule (reported by the generator): no allowlist or capability variable is the name of any secret
        /// of the stack, declared or derived (Authelia's keys, OIDC digests, machine-client secrets).
        /// </summary>
        public static void CheckStack(StackModel stack, List<Finding> findings)
        {
            var secrets = new HashSet<string>();
            foreach (var spec in Rendering.SecretSpecs.Of(stack))
            {
                secrets.Add(spec.Name);
            }
            foreach (var s in stack.Services)
            {
                if (s.Api is { } api && secrets.Contains(api.AllowlistVariable))
                {
                    findings.Add(Finding.For(Descriptors.VariableOutsideNamespace, s, "ApiHost.AllowlistVariable", s.Name, "AllowlistVariable", api.AllowlistVariable,
                        "it is a secret of the stack; Compose would pass the secret to Caddy, which prints it in errors and serves it in its admin API"));
                }
                if (s.Capabilities is { } caps && secrets.Contains(caps.Variable))
                {
                    findings.Add(Finding.For(Descriptors.VariableOutsideNamespace, s, "Capabilities.Variable", s.Name, "Capabilities Variable", caps.Variable,
                        "it is a secret of the stack; the capability list would replace or reveal it"));
                }
            }
        }
    }
}
