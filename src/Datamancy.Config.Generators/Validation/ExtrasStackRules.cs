using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;
using static Datamancy.Config.Generators.Validation.ServiceRules;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// The real-stack rules that need every service: named profiles closed under dependencies with the SSO core in all
    /// of them, jobs waited for by completion, one session store, unique aliases and client IDs, one default per setting.
    /// </summary>
    internal static class ExtrasStackRules
    {
        public static void Check(StackModel stack, List<Finding> findings)
        {
            var byType = new Dictionary<string, ServiceModel>();
            foreach (var s in stack.Services)
            {
                if (!byType.ContainsKey(s.TypeName))
                {
                    byType[s.TypeName] = s;
                }
            }
            CheckProfiles(stack, byType, findings);
            CheckDependencies(stack, byType, findings);
            CheckSessionStore(stack, findings);
            CheckNames(stack, findings);
            CheckSettings(stack, findings);
            CheckSubnetTokens(stack, findings);
        }

        /// <summary>A trusted-proxy setting that names a network's subnet needs that subnet fixed.</summary>
        private static void CheckSubnetTokens(StackModel stack, List<Finding> findings)
        {
            foreach (var s in stack.Services)
            {
                for (var i = 0; i < s.Environment.Count; i++)
                {
                    foreach (var token in StackTokens.UnsetSubnets(s.Environment[i].Value, stack))
                    {
                        Invalid(findings, s, SiteKeys.Of("Env", i, "Value"), "the value of '" + s.Environment[i].Name + "'",
                            "'{stack." + token + "}' names a subnet the stack does not fix; set [Stack(" + SubnetArgument(token) + " = \"...\")]");
                    }
                }
                for (var i = 0; i < s.Extras.Settings.Count; i++)
                {
                    foreach (var token in StackTokens.UnsetSubnets(s.Extras.Settings[i].Default, stack))
                    {
                        Invalid(findings, s, SiteKeys.Of("Setting", i, "DefaultValue"), "the default of '" + s.Extras.Settings[i].Name + "'",
                            "'{stack." + token + "}' names a subnet the stack does not fix; set [Stack(" + SubnetArgument(token) + " = \"...\")]");
                    }
                }
            }
        }

        private static string SubnetArgument(string token) => char.ToUpperInvariant(token[0]) + token.Substring(1, token.IndexOf('_') - 1) + "Subnet";

        private static void Invalid(List<Finding> findings, ServiceModel s, string key, string argument, string reason) =>
            findings.Add(Finding.For(Descriptors.InvalidValue, s, key, "Service '" + Shown(s.Name) + "'", argument, reason));

        private static void CheckProfiles(StackModel stack, Dictionary<string, ServiceModel> byType, List<Finding> findings)
        {
            if (!stack.Services.Any(s => s.Extras.NamedProfiles.Count > 0))
            {
                return;
            }
            // One SSO configuration for all profiles: the services every routed host needs start in each of them.
            foreach (var core in stack.Services.Where(s => s.Role is ServiceRole.Ingress or ServiceRole.Sso or ServiceRole.Directory || s == AutheliaRenderer.SessionStore(stack)))
            {
                if (core.Profile != Profile.Bootstrap)
                {
                    Invalid(findings, core, "Service.Profile", "Profile.Full",
                        "the stack has named profiles, and the " + (core.Role == ServiceRole.Cache ? "session store" : core.Role.ToString().ToLowerInvariant())
                        + " must start in every one of them: use Profile = Profile.Bootstrap");
                }
            }
            foreach (var s in stack.Services)
            {
                for (var i = 0; i < s.DependsOn.Count; i++)
                {
                    if (!byType.TryGetValue(s.DependsOn[i].TypeName, out var target) || target.Profile == Profile.Bootstrap)
                    {
                        continue;
                    }
                    var missing = s.Extras.NamedProfiles.Where(p => !target.Extras.NamedProfiles.Contains(p)).ToList();
                    if (missing.Count > 0)
                    {
                        Invalid(findings, s, SiteKeys.Of("DependsOn", i, "Service"), "DependsOn '" + target.Name + "'",
                            "'" + s.Name + "' starts in profile '" + missing[0] + "' but '" + target.Name + "' does not; add '" + missing[0] + "' to its Profiles");
                    }
                }
            }
        }

        private static void CheckDependencies(StackModel stack, Dictionary<string, ServiceModel> byType, List<Finding> findings)
        {
            foreach (var s in stack.Services)
            {
                for (var i = 0; i < s.DependsOn.Count; i++)
                {
                    var dependency = s.DependsOn[i];
                    if (!byType.TryGetValue(dependency.TypeName, out var target))
                    {
                        continue;
                    }
                    var key = SiteKeys.Of("DependsOn", i, "Condition");
                    if (target.Extras.Job is not null && dependency.Condition == DependencyCondition.Healthy)
                    {
                        Invalid(findings, s, key, "DependsOn '" + target.Name + "'",
                            "'" + target.Name + "' is a one-shot job and never becomes healthy; use Condition = DependencyCondition.CompletedSuccessfully (or Started)");
                    }
                    if (target.Extras.Job is null && dependency.Condition == DependencyCondition.CompletedSuccessfully)
                    {
                        Invalid(findings, s, key, "DependsOn '" + target.Name + "'",
                            "'" + target.Name + "' keeps running and never completes; CompletedSuccessfully is for [Job] services");
                    }
                    if (target.Extras.Job is not null && s.Profile == Profile.Bootstrap && target.Profile != Profile.Bootstrap)
                    {
                        Invalid(findings, s, SiteKeys.Of("DependsOn", i, "Service"), "DependsOn '" + target.Name + "'", "a bootstrap service waits only for bootstrap services");
                    }
                }
            }
        }

        private static void CheckSessionStore(StackModel stack, List<Finding> findings)
        {
            var marked = stack.Services.Where(s => s.Extras.SessionStore).ToList();
            if (marked.Count > 1)
            {
                Invalid(findings, marked[1], "SessionStore", "[SessionStore]", "the stack already keeps its sessions in '" + marked[0].Name + "'");
            }
            var caches = stack.Services.Where(s => s.Role == ServiceRole.Cache).OrderBy(s => s.Name, System.StringComparer.Ordinal).ToList();
            if (marked.Count == 0 && caches.Count > 1 && stack.Services.Any(s => s.Role == ServiceRole.Sso))
            {
                Invalid(findings, caches[0], "Service.Role", "Role = ServiceRole.Cache",
                    "the stack has " + caches.Count + " caches (" + string.Join(", ", caches.Select(c => c.Name)) + "); mark the one Authelia keeps its sessions in with [SessionStore]");
            }
        }

        private static void CheckNames(StackModel stack, List<Finding> findings)
        {
            var taken = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var s in stack.Services)
            {
                taken[s.Name] = "the service '" + s.Name + "'";
            }
            if (stack.Settings.More.Hairpin)
            {
                foreach (var host in AliasQueries.HairpinHosts(stack))
                {
                    taken[host] = "the ingress (hairpin)";
                }
            }
            var clients = new Dictionary<string, string>(System.StringComparer.Ordinal);
            var secrets = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var client in DerivedSecrets.OidcClients(stack))
            {
                if (clients.TryGetValue(client.ClientId, out var first))
                {
                    Invalid(findings, client.Service, client.External is null ? "Service.Name" : SiteKeys.Nth("ExternalOidcClient", client.ExternalIndex), "OIDC client ID '" + Shown(client.ClientId) + "'",
                        "it is already the client of '" + first + "'; client IDs are unique");
                }
                else
                {
                    clients[client.ClientId] = client.External is null ? client.Service.Name : client.ClientId;
                }
                if (client.SecretName.Length == 0)
                {
                    continue; // a public client: no secret to share
                }
                if (secrets.TryGetValue(client.SecretName, out var owner))
                {
                    var key = client.External is not null ? SiteKeys.Of("ExternalOidcClient", client.ExternalIndex, "ClientSecret")
                        : client.IsMachine ? "ApiHost" : "UiHost.OidcClientSecret";
                    Invalid(findings, client.Service, key, "ClientSecret '" + Shown(client.SecretName) + "'",
                        "it is already the secret of OIDC client '" + owner + "'; each client has its own secret");
                }
                else
                {
                    secrets[client.SecretName] = client.ClientId;
                }
            }
            foreach (var s in stack.Services)
            {
                for (var i = 0; i < s.Extras.Aliases.Count; i++)
                {
                    var alias = s.Extras.Aliases[i];
                    if (taken.TryGetValue(alias, out var owner))
                    {
                        Invalid(findings, s, SiteKeys.Of("NetworkAlias", i, "Alias"), "alias '" + Shown(alias) + "'", "it is already the name of " + owner);
                    }
                    else
                    {
                        taken[alias] = "an alias of '" + s.Name + "'";
                    }
                }
            }
        }

        private static void CheckSettings(StackModel stack, List<Finding> findings)
        {
            var defaults = new Dictionary<string, (string Default, string Service)>(System.StringComparer.Ordinal);
            var secrets = new HashSet<string>(SecretSpecs.Of(stack).Select(x => x.Name));
            foreach (var s in stack.Services)
            {
                for (var i = 0; i < s.Extras.Settings.Count; i++)
                {
                    var setting = s.Extras.Settings[i];
                    if (secrets.Contains(setting.Name))
                    {
                        Invalid(findings, s, SiteKeys.Of("Setting", i, "Name"), "setting '" + setting.Name + "'", "it is also a secret of the stack");
                    }
                    if (defaults.TryGetValue(setting.Name, out var first) && first.Default != setting.Default)
                    {
                        Invalid(findings, s, SiteKeys.Of("Setting", i, "DefaultValue"), "setting '" + setting.Name + "'",
                            "'" + first.Service + "' declares it with another default; one variable of the env file has one default");
                    }
                    else if (!defaults.ContainsKey(setting.Name))
                    {
                        defaults[setting.Name] = (setting.Default, s.Name);
                    }
                }
            }
        }
    }
}
