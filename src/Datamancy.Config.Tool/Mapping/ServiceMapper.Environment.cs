using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Compose;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>Environment entries → [Env] and [Secret]; secret-looking literals are moved out by name.</summary>
internal sealed partial class ServiceMapper
{
    private void Environment(ComposeService service, ServiceDraft draft, IReadOnlyCollection<string> allowlistVariables)
    {
        var byName = new HashSet<string>(service.Environment.Where(e => e.Value is not null && Interpolation.Whole(e.Value) is { } r && r.Name == e.Key).Select(e => e.Key), StringComparer.Ordinal);
        foreach (var entry in service.Environment)
        {
            if (draft.Role == "Sso" && (entry.Key.StartsWith("AUTHELIA_", StringComparison.Ordinal) || entry.Key == "X_AUTHELIA_CONFIG_FILTERS" || entry.Key.EndsWith("_DIGEST", StringComparison.Ordinal)))
            {
                if (entry.Value is { } v && !Interpolation.HasReferences(v) && SecretHeuristics.IsSecretLiteral(entry.Key, v))
                {
                    report.SecretsMoved.Add((entry.Key, entry.Where, service.Name));
                }
                report.Decide(entry.Where, "'" + entry.Key + "' of the SSO service is derived from the stack (Authelia's own secrets, OIDC digests, the template filter); not declared.");
                continue;
            }
            if (draft.Role == "Ingress" && (allowlistVariables.Contains(entry.Key) || entry.Key.StartsWith("CADDY_", StringComparison.Ordinal)))
            {
                report.Decide(entry.Where, "'" + entry.Key + "' of the ingress is " + (entry.Key.StartsWith("CADDY_", StringComparison.Ordinal) ? "a setting of caddy-docker-proxy, which the generated Caddyfile replaces" : "derived from the API hosts") + "; not declared.");
                continue;
            }
            if (entry.Key == "KFUNCDB_ALLOW_CAPS" || (draft.Capabilities is null && (entry.Key.EndsWith("_ALLOW_CAPS", StringComparison.Ordinal) || entry.Key.EndsWith("_ALLOWED_CAPABILITIES", StringComparison.Ordinal))))
            {
                var list = (entry.Value ?? string.Empty).Split(',').Select(c => c.Trim()).Where(c => c.Length > 0).ToList();
                draft.Capabilities = (list, entry.Key == "KFUNCDB_ALLOW_CAPS" ? null : entry.Key);
                continue;
            }
            if (entry.Value is null)
            {
                if (SecretHeuristics.IsSecretName(entry.Key))
                {
                    draft.Secrets.Add(new SecretDraft(entry.Key, null));
                    report.Decide(entry.Where, "'" + entry.Key + "' of '" + service.Name + "' was passed through from the shell; imported as [Secret(\"" + entry.Key + "\")] read from the env file.");
                }
                else
                {
                    report.Unsupported(entry.Where, "'" + entry.Key + "' of '" + service.Name + "' passed through from the shell", "descriptors do not read the user's environment; give it a value with [Env]");
                }
                continue;
            }
            var value = entry.Value;
            if (Interpolation.Whole(value) is { } whole)
            {
                var secretLike = SecretHeuristics.IsSecretName(whole.Name) || SecretHeuristics.IsSecretName(entry.Key) || whole.Operator is ":?" or "?";
                if (secretLike && ValidSecret(whole.Name))
                {
                    if (whole.Name != entry.Key && byName.Contains(whole.Name))
                    {
                        draft.Env.Add((entry.Key, "${" + whole.Name + "}"));
                    }
                    else
                    {
                        // ${NAME:-} starts the service without it: an optional secret.
                        AddSecret(draft, new SecretDraft(whole.Name, whole.Name == entry.Key ? null : entry.Key) { Optional = whole.Operator == ":-" && whole.Argument.Length == 0 });
                    }
                    continue;
                }
                if (whole.Operator == ":-" && ValidSecret(whole.Name) && !Interpolation.HasReferences(whole.Argument))
                {
                    // A non-secret setting read from the env file with its default: [Setting].
                    draft.Extras.Settings.Add((whole.Name, Tokens(Interpolation.Unescape(whole.Argument)), whole.Name == entry.Key ? null : entry.Key));
                    continue;
                }
                draft.Env.Add((entry.Key, "${" + whole.Name + "}"));
                report.Unsupported(entry.Where, "'" + entry.Key + "' of '" + service.Name + "' reads the non-secret variable " + whole.Name + (whole.Argument.Length > 0 ? " (default dropped)" : string.Empty),
                    "descriptors read the env file only for secrets; the reference is kept and the build reports it until it becomes a [Secret] or a literal [Env]");
                continue;
            }
            if (Interpolation.HasReferences(value))
            {
                var rewritten = value;
                foreach (var reference in Interpolation.References(value).Reverse())
                {
                    rewritten = rewritten.Substring(0, reference.Index) + "${" + reference.Name + "}" + rewritten.Substring(reference.Index + reference.Length);
                    // A secret this service also receives whole (under its own or another name) is declared by that entry.
                    var passedWhole = service.Environment.Any(e => e.Value is not null && Interpolation.Whole(e.Value) is { } w && w.Name == reference.Name);
                    if (SecretHeuristics.IsSecretName(reference.Name) && ValidSecret(reference.Name) && !passedWhole)
                    {
                        AddSecret(draft, new SecretDraft(reference.Name, null));
                    }
                }
                draft.Env.Add((entry.Key, Interpolation.Unescape(rewritten)));
                continue;
            }
            var literal = Interpolation.Unescape(value);
            if (SecretHeuristics.IsSecretLiteral(entry.Key, literal))
            {
                var name = ValidSecret(entry.Key) ? entry.Key : Naming.EnvName(service.Name) + "_" + Naming.EnvName(entry.Key);
                AddSecret(draft, new SecretDraft(name, name == entry.Key ? null : entry.Key));
                report.SecretsMoved.Add((name, entry.Where, service.Name + " " + entry.Key));
                continue;
            }
            draft.Env.Add((entry.Key, Tokens(literal)));
        }
    }

    private static void AddSecret(ServiceDraft draft, SecretDraft secret)
    {
        if (!draft.Secrets.Any(s => s.Name == secret.Name && s.As == secret.As))
        {
            draft.Secrets.Add(secret);
        }
    }

    private static bool ValidSecret(string name) => Regex.IsMatch(name, "^[A-Z_][A-Z0-9_]{0,127}$");

    /// <summary>The domain, its base DN and the portal URL become stack tokens, so the values follow a domain change.</summary>
    private string Tokens(string value)
    {
        var portal = "https://" + (stack.PortalHost ?? "auth") + "." + stack.Domain;
        value = Regex.Replace(value, Regex.Escape(portal) + "(?![A-Za-z0-9.-])", "{stack.portal_url}");
        var baseDn = string.Join(",", stack.Domain.Split('.').Select(l => "dc=" + l));
        value = value.Replace(baseDn, "{stack.base_dn}");
        return Regex.Replace(value, "(?<![A-Za-z0-9-])" + Regex.Escape(stack.Domain) + "(?![A-Za-z0-9-])", "{stack.domain}");
    }
}
