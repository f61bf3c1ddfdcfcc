using System.Collections.Generic;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>The rules that look at one service alone: value grammar and the guide's per-service invariants.</summary>
    internal static class ServiceRules
    {
        // The last word decides: *_PASSWORD and *_API_KEY hold secrets, *_TOKEN_URL and *_PUBLIC_KEY do not.
        private static readonly Regex SecretLikeName = new(
            "(^|_)(PASSWORD|PASSWD|PASSPHRASE|SECRET|TOKEN|APIKEY|KEY|CREDENTIALS?)\\z",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex NotSecretName = new("(^|_)PUBLIC_KEY\\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Regex PrivilegedCapability = new(
            @"(\.write|\.exec|\.\*|^browser\.control$|\.admin|\.delete|\.create|\.run)",
            RegexOptions.CultureInvariant);

        /// <summary>A variable that holds a tool host's capability allowlist (KFUNCDB_ALLOW_CAPS, TOOLS_ALLOWED_CAPABILITIES, ...).</summary>
        internal static readonly Regex CapabilityAllowlistName = new(
            "(^|_)(ALLOW(ED)?_CAP(S|ABILITIES)|CAP(S|ABILITIES)_ALLOW(ED|LIST)?|CAPABILITY_ALLOWLIST)$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static void Check(ServiceModel s, List<Finding> findings)
        {
            void Invalid(string key, string argument, string reason) =>
                findings.Add(Finding.For(Descriptors.InvalidValue, s, key, "Service '" + Shown(s.Name) + "'", argument, reason));

            if (!ValueRules.IsServiceName(s.Name))
            {
                Invalid("Service.Name", "name '" + Shown(s.Name) + "'", "use 1-63 lower-case letters, digits, '-' or '_', starting with a letter or digit");
            }
            CheckImage(s, findings, Invalid);
            if (s.Port != 0 && !ValueRules.IsPort(s.Port))
            {
                Invalid("Service.Port", "Port " + s.Port, "ports are 1-65535");
            }
            if (s.User is { } user && !ValueRules.IsUser(user))
            {
                Invalid("Service.User", "User '" + Shown(user) + "'", "use 'name', 'uid' or 'uid:gid'");
            }
            for (var i = 0; i < s.Command.Count; i++)
            {
                if (!ValueRules.IsSafeText(s.Command[i]))
                {
                    Invalid(SiteKeys.Element("Service.Command", i), "Command argument " + i, "control, line-break and invisible characters are not allowed");
                }
            }
            CheckEnvironment(s, findings, Invalid);
            CheckVolumes(s, findings, Invalid);
            CheckHealthcheck(s, findings, Invalid);
            CheckResources(s, Invalid);
            CheckPorts(s, findings, Invalid);
            CheckUi(s, findings, Invalid);
            CheckApi(s, findings, Invalid);
            CheckDockerAndCapabilities(s, findings, Invalid);
            ServiceNetworkRules.Check(s, findings);
            ElevationRules.Check(s, findings, Invalid);
            FreeTextRules.Check(s, Invalid);
            VariableNameRules.Check(s, findings);
            ExtrasRules.Check(s, findings, Invalid);
            RuntimeVariableRules.Check(s, Invalid);
            Acknowledgements.Check(s.Acknowledgements, s, "Service '" + Shown(s.Name) + "'", findings);
            KubernetesRules.Check(s, findings, Invalid);
        }

        private static void CheckImage(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (!ValueRules.IsImage(s.Image))
            {
                invalid("Service.Image", "image '" + Shown(s.Image) + "'", "expected an OCI reference such as 'registry/name:1.2.3' or 'name@sha256:<digest>'");
                return;
            }
            if (!ValueRules.IsPinned(s.Image))
            {
                findings.Add(Finding.For(Descriptors.UnpinnedImage, s, "Service.Image", s.Name, s.Image));
            }
            // The version is the declared [CaddyBuild] one, or the tag of an image named 'caddy'; another image's tag is its own version.
            var declared = s.CaddyVersion is { } v && CaddyVersions.IsVersion(v) ? v : null;
            if (s.Role == ServiceRole.Ingress && (declared is not null || ServiceNetworkRules.ImageIsCaddy(s.Image))
                && CaddyVersions.IsHeaderForgeryVulnerable(s.Image, declared, out var version))
            {
                findings.Add(Finding.For(Descriptors.CaddyHeaderForgery, s, "Service.Image", s.Name, version));
            }
        }

        private static void CheckEnvironment(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            var declared = new HashSet<string>();
            for (var i = 0; i < s.Secrets.Count; i++)
            {
                var secret = s.Secrets[i];
                declared.Add(secret.Name);
                if (!ValueRules.IsSecretName(secret.Name))
                {
                    SecretName(s, findings, invalid, SiteKeys.Of("Secret", i, "Name"), "Secret", secret.Name);
                }
                if (!ValueRules.IsEnvName(secret.Variable))
                {
                    invalid(SiteKeys.Of("Secret", i, "As"), "variable name '" + Shown(secret.Variable) + "'", "use letters, digits and '_', not starting with a digit");
                }
            }
            for (var i = 0; i < s.Environment.Count; i++)
            {
                var env = s.Environment[i];
                if (!ValueRules.IsEnvName(env.Name))
                {
                    invalid(SiteKeys.Of("Env", i, "Name"), "environment name '" + Shown(env.Name) + "'", "use letters, digits and '_', not starting with a digit");
                    continue;
                }
                if (!ValueRules.IsSafeText(env.Value))
                {
                    // The value itself is never shown: it may be a secret typed in by mistake.
                    invalid(SiteKeys.Of("Env", i, "Value"), "the value of '" + env.Name + "'", "control, line-break and invisible characters are not allowed");
                }
                else if (SecretLikeName.IsMatch(env.Name) && !NotSecretName.IsMatch(env.Name) && env.Value.Length > 0 && !EnvReferences.OnlyReferencesDeclared(env.Value, declared))
                {
                    findings.Add(Finding.For(Descriptors.SecretLiteral, s, SiteKeys.Of("Env", i, "Value"), s.Name,
                        "environment variable '" + env.Name + "' has a literal value", "declare [Secret(\"" + env.Name + "\")] and put the value in the env file"));
                }
                if (CapabilityAllowlistName.IsMatch(env.Name) && s.Capabilities?.Variable != env.Name)
                {
                    // An empty allowlist is fail-open for the tool host; a non-empty one escapes the capability checks.
                    findings.Add(env.Value.Trim().Length == 0
                        ? Finding.For(Descriptors.EmptyCapabilities, s, SiteKeys.Of("Env", i, "Value"), s.Name, env.Name)
                        : Finding.For(Descriptors.CapabilityAllowlistAsEnv, s, SiteKeys.Of("Env", i, "Name"), s.Name, env.Name));
                }
                foreach (var token in Rendering.StackTokens.Unknown(env.Value))
                {
                    invalid(SiteKeys.Of("Env", i, "Value"), "the value of '" + env.Name + "'", "'{stack." + token + "}' is not a stack token; use " + string.Join(", ", System.Linq.Enumerable.Select(Rendering.StackTokens.Names, n => "{stack." + n + "}")));
                }
                foreach (var reference in EnvReferences.Names(env.Value))
                {
                    if (!declared.Contains(reference))
                    {
                        invalid(SiteKeys.Of("Env", i, "Value"), "the value of '" + env.Name + "'", "'${" + reference + "}' is not a secret declared on this service; declare [Secret(\"" + reference + "\")] or write '$$' for a literal '$'");
                    }
                }
            }
        }

        private static void CheckVolumes(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            for (var i = 0; i < s.Volumes.Count; i++)
            {
                var v = s.Volumes[i];
                var validSource = v.IsHostPath ? ExtrasRules.IsHostPath(v.Source) : v.IsBind ? ValueRules.IsBindSource(v.Source) : ValueRules.IsVolumeName(v.Source);
                if (!validSource)
                {
                    invalid(SiteKeys.Of("Volume", i, "Source"), "volume source '" + Shown(v.Source) + "'",
                        "use a volume name, a bind path inside the stack folder starting with './', or (justified) an absolute host path without '..'");
                }
                if (!ValueRules.IsContainerPath(v.Target))
                {
                    invalid(SiteKeys.Of("Volume", i, "Target"), "volume target '" + Shown(v.Target) + "'", "use an absolute container path without '..'");
                }
                if (validSource && !v.IsBind && !v.ReadOnly && v.Backup == Backup.Undecided)
                {
                    findings.Add(Finding.For(Descriptors.VolumeWithoutBackup, s, SiteKeys.Of("Volume", i, "Source"), s.Name, v.Source));
                }
            }
        }

        private static void CheckHealthcheck(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (s.Healthcheck is not { } h)
            {
                if (s.Extras.Job is null)
                {
                    findings.Add(Finding.For(Descriptors.MissingHealthcheck, s, "Service", s.Name));
                }
                return;
            }
            if (h.Shell && h.Test.Count != 1)
            {
                invalid("Healthcheck.Shell", "Healthcheck", "with Shell = true give the whole check as one string for the container's shell");
            }
            if (h.Test.Count == 0)
            {
                invalid("Healthcheck", "Healthcheck", "give the command to run, for example [Healthcheck(\"wget\", \"-qO-\", \"http://localhost:8080/health\")]");
            }
            for (var i = 0; i < h.Test.Count; i++)
            {
                if (!ValueRules.IsSafeText(h.Test[i]))
                {
                    invalid(SiteKeys.Element("Healthcheck.Test", i), "Healthcheck argument " + i, "control, line-break and invisible characters are not allowed");
                }
            }
            foreach (var (key, value) in new[] { ("Interval", h.Interval), ("Timeout", h.Timeout), ("StartPeriod", h.StartPeriod) })
            {
                if (!ValueRules.IsDuration(value))
                {
                    invalid("Healthcheck." + key, key + " '" + Shown(value) + "'", "use a duration such as '30s', '1m30s' or '500ms'");
                }
            }
            if (h.Retries is < 1 or > 100)
            {
                invalid("Healthcheck.Retries", "Retries " + h.Retries, "use 1-100");
            }
        }

        private static void CheckResources(ServiceModel s, System.Action<string, string, string> invalid)
        {
            var r = s.Resources;
            if (r.Memory is { } memory && !ValueRules.IsMemory(memory))
            {
                invalid("Resources.Memory", "Memory '" + Shown(memory) + "'", "use a size such as '512m' or '2g'");
            }
            if (r.Cpus is { } cpus && !ValueRules.IsCpus(cpus))
            {
                invalid("Resources.Cpus", "Cpus '" + Shown(cpus) + "'", "use a positive number such as '0.5' or '2'");
            }
            if (r.Pids is < 0 or > 1_000_000)
            {
                invalid("Resources.Pids", "Pids " + r.Pids, "use 1-1000000");
            }
        }

        private static void CheckPorts(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            for (var i = 0; i < s.Ports.Count; i++)
            {
                var p = s.Ports[i];
                var key = SiteKeys.Of("Publish", i, "Port");
                if (!ValueRules.IsPort(p.HostPort) || !ValueRules.IsPort(p.ContainerPort))
                {
                    invalid(key, "published port " + p.HostPort + ":" + p.ContainerPort, "ports are 1-65535");
                    continue;
                }
                if (s.Role == ServiceRole.Database)
                {
                    findings.Add(Finding.For(Descriptors.DatabasePublished, s, key, s.Name, p.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
                else if (s.Role != ServiceRole.Ingress && !ValueRules.IsJustification(p.Justification))
                {
                    findings.Add(Finding.For(Descriptors.PortPublishedWithoutJustification, s, key, s.Name, p.HostPort.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                }
            }
        }

        private static void CheckUi(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (s.Ui is not { } ui)
            {
                return;
            }
            if (!ValueRules.IsHost(ui.Subdomain))
            {
                invalid("UiHost.Subdomain", "UI subdomain '" + Shown(ui.Subdomain) + "'", "use lower-case DNS labels (letters, digits, '-') separated by '.'");
            }
            if (ui.Sso == SsoMode.Public && !ValueRules.IsJustification(ui.Justification))
            {
                findings.Add(Finding.For(Descriptors.UiWithoutSso, s, "UiHost.Sso", s.Name, ui.Subdomain));
            }
            if (ui.Justification is { } text && !ValueRules.IsSafeText(text))
            {
                invalid("UiHost.Justification", "Justification", "control, line-break and invisible characters are not allowed");
            }
            UiExposureRules.CheckBypass(s, ui, findings, invalid);
            UiExposureRules.CheckOidc(s, ui, findings);
            UiExposureRules.CheckGroups(s, ui, findings);
            if (ui.Sso == SsoMode.Oidc && !ValueRules.IsUrlPath(ui.OidcCallbackPath))
            {
                invalid("UiHost.OidcCallbackPath", "OidcCallbackPath '" + Shown(ui.OidcCallbackPath) + "'", "use an absolute URL path such as '/login/generic_oauth'");
            }
            if (ui.OidcClientSecret is { } secret && !ValueRules.IsSecretName(secret))
            {
                SecretName(s, findings, invalid, "UiHost.OidcClientSecret", "OidcClientSecret", secret);
            }
            else if (ui.Sso == SsoMode.Oidc && ui.OidcClientSecret is null)
            {
                invalid("UiHost.Sso", "OidcClientSecret", "an OIDC client needs the name of its client secret, declared with [Secret] on the service");
            }
            else if (ui.Sso == SsoMode.Oidc && !System.Linq.Enumerable.Any(s.Secrets.Items, x => x.Name == ui.OidcClientSecret))
            {
                invalid("UiHost.OidcClientSecret", "OidcClientSecret '" + ui.OidcClientSecret + "'", "declare [Secret(\"" + ui.OidcClientSecret + "\")] on the service so the app receives the plaintext");
            }
        }

        private static void CheckApi(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (s.Api is not { } api)
            {
                return;
            }
            if (!ValueRules.IsHost(api.Subdomain))
            {
                invalid("ApiHost.Subdomain", "API subdomain '" + Shown(api.Subdomain) + "'", "use lower-case DNS labels (letters, digits, '-') separated by '.'");
            }
            if (!ValueRules.IsSecretName(api.AllowlistVariable))
            {
                invalid("ApiHost.AllowlistVariable", "AllowlistVariable '" + Shown(api.AllowlistVariable) + "'", "use upper-case letters, digits and '_'");
            }
            if (api.DefaultAllowlist.Count == 0)
            {
                invalid("ApiHost.DefaultAllowlist", "DefaultAllowlist", "an empty default would admit nobody and hide the mistake; leave it unset for the private ranges");
            }
            for (var i = 0; i < api.DefaultAllowlist.Count; i++)
            {
                var cidr = api.DefaultAllowlist[i];
                var key = SiteKeys.Element("ApiHost.DefaultAllowlist", i);
                if (cidr != Cidrs.CaddyPrivateRanges && !Cidrs.TryParse(cidr, out _, out _))
                {
                    findings.Add(Finding.For(Descriptors.InvalidCidr, s, key, s.Name, Shown(cidr)));
                }
                else if (!Cidrs.IsPrivateOrLoopback(cidr) && !ValueRules.IsJustification(api.PublicJustification))
                {
                    findings.Add(Finding.For(Descriptors.AllowlistAdmitsInternet, s, key, s.Name, api.Subdomain, cidr));
                }
            }
            if (api.ApiKeySecret is null && api.ClientCaFile is null && !api.ClientCredentials)
            {
                findings.Add(Finding.For(Descriptors.ApiWithoutSecondFactor, s, "ApiHost", s.Name, api.Subdomain));
            }
            if (api.ClientCredentials && api.ApiKeySecret is not null)
            {
                // Both travel as 'Authorization: Bearer': Authelia would refuse every API key as an unknown token.
                invalid("ApiHost.ClientCredentials", "ClientCredentials with ApiKeySecret", "both use the 'Authorization: Bearer' header and Authelia checks every bearer token on a client_credentials host; choose one");
            }
            if (api.ApiKeySecret is { } key2 && !ValueRules.IsSecretName(key2))
            {
                SecretName(s, findings, invalid, "ApiHost.ApiKeySecret", "ApiKeySecret", key2);
            }
            if (api.ClientCaFile is { } ca && !ValueRules.IsRelativeFile(ca))
            {
                invalid("ApiHost.ClientCaFile", "ClientCaFile '" + Shown(ca) + "'", "use a relative file path of letters, digits, '.', '_', '-' and '/'");
            }
        }

        private static void CheckDockerAndCapabilities(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid)
        {
            if (s.Capabilities is { } caps)
            {
                if (!ValueRules.IsSecretName(caps.Variable))
                {
                    invalid("Capabilities.Variable", "Variable '" + Shown(caps.Variable) + "'", "use upper-case letters, digits and '_'");
                }
                if (caps.Capabilities.Count == 0)
                {
                    findings.Add(Finding.For(Descriptors.EmptyCapabilities, s, "Capabilities", s.Name, caps.Variable));
                }
                for (var i = 0; i < caps.Capabilities.Count; i++)
                {
                    var cap = caps.Capabilities[i];
                    var key = SiteKeys.Element("Capabilities.Capabilities", i);
                    if (!ValueRules.IsCapability(cap))
                    {
                        invalid(key, "capability '" + Shown(cap) + "'", "use a dotted lower-case name such as 'host.shell.read'");
                    }
                    else if (PrivilegedCapability.IsMatch(cap) && !ValueRules.IsJustification(caps.Justification))
                    {
                        findings.Add(Finding.For(Descriptors.PrivilegedCapability, s, key, s.Name, cap));
                    }
                }
            }
            if (s.DockerSocket is { } socket)
            {
                if (!socket.ReadOnly)
                {
                    findings.Add(Finding.For(Descriptors.WritableDockerSocket, s, "DockerSocket.ReadOnly", s.Name));
                }
                else if (s.Role != ServiceRole.SocketProxy)
                {
                    findings.Add(Finding.For(Descriptors.DockerSocketProxy, s, "DockerSocket", s.Name));
                }
                if (s.Role == ServiceRole.SocketProxy)
                {
                    return; // the proxy is the one service meant to hold the socket; its API allowlist is its own configuration
                }
                var usesDocker = false;
                foreach (var cap in s.Capabilities?.Capabilities ?? EquatableArray<string>.Empty)
                {
                    usesDocker |= cap.StartsWith("host.docker.", System.StringComparison.Ordinal);
                }
                if (!usesDocker)
                {
                    findings.Add(Finding.For(Descriptors.UnusedDockerSocket, s, "DockerSocket", s.Name));
                }
            }
        }

        /// <summary>
        /// An argument that must name a secret does not. A credential-looking value is reported as a secret literal;
        /// either way the value is not repeated in the message.
        /// </summary>
        private static void SecretName(ServiceModel s, List<Finding> findings, System.Action<string, string, string> invalid, string key, string argument, string value)
        {
            if (LooksLikeCredential(value))
            {
                findings.Add(Finding.For(Descriptors.SecretLiteral, s, key, s.Name,
                    argument + " holds what looks like a secret value instead of a secret name", "name the secret (upper-case letters, digits and '_') and put the value in the env file"));
            }
            else
            {
                invalid(key, argument + " (value not shown)", "name a secret: upper-case letters, digits and '_'");
            }
        }

        /// <summary>Long, mixed letters and digits, or a well-known token prefix: more likely a key than a misspelt name.</summary>
        internal static bool LooksLikeCredential(string value)
        {
            var letters = 0;
            var digits = 0;
            foreach (var c in value)
            {
                letters += char.IsLetter(c) ? 1 : 0;
                digits += char.IsDigit(c) ? 1 : 0;
            }
            return (value.Length >= 12 && letters > 0 && digits > 0 && value.IndexOf(' ') < 0)
                || KnownTokenPrefix.IsMatch(value);
        }

        private static readonly Regex KnownTokenPrefix = new("^(sk-|ghp_|gho_|github_pat_|xox[abp]-|glpat-|AKIA)", RegexOptions.CultureInvariant);

        /// <summary>A value for a message: cut short, with control characters made visible.</summary>
        internal static string Shown(string value)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var c in value)
            {
                if (builder.Length >= 60)
                {
                    builder.Append('…');
                    break;
                }
                builder.Append(ValueRules.IsSafeText(c.ToString()) ? c.ToString() : "\\u" + ((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            return builder.ToString();
        }
    }
}
