using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// The stack facts a service's checklist lines read about its hosts, resolved: set only for a service with a UI or
    /// API host, and each field only where one of its lines reads it, so a stack setting changes only the parts it reaches.
    /// </summary>
    /// <param name="Domain">The stack's domain.</param>
    /// <param name="DefaultPolicy">The stack's default policy, for a UI host behind SSO (else <see cref="AuthPolicy.Default"/>).</param>
    /// <param name="Portal">The SSO portal's host, for an app-level OIDC host or a client-credentials API (else null).</param>
    internal sealed record AuditHosts(string Domain, AuthPolicy DefaultPolicy, string? Portal)
    {
        /// <summary>The facts <paramref name="service"/>'s lines read, or null when it has no UI or API host.</summary>
        public static AuditHosts? For(StackModel stack, ServiceModel service) =>
            service.Ui is null && service.Api is null ? null : new AuditHosts(
                stack.Domain,
                service.Ui is { Sso: SsoMode.ForwardAuth or SsoMode.Oidc } ? stack.Settings.DefaultPolicy : AuthPolicy.Default,
                service.Ui is { Sso: SsoMode.Oidc } || service.Api is { ClientCredentials: true } ? stack.PortalFqdn() : null);

        /// <summary>A host's name under the domain.</summary>
        public string Fqdn(string subdomain) => StackQueries.Fqdn(subdomain, Domain);

        /// <summary>The policy a UI host behind SSO enforces: its own, else the stack's default.</summary>
        public AuthPolicy Policy(UiHostModel ui) => ui.Policy == AuthPolicy.Default ? DefaultPolicy : ui.Policy;

        /// <summary>The portal's host (read only where it is set).</summary>
        public string PortalHost => Portal ?? throw new System.InvalidOperationException("The portal is not a fact of this service.");
    }

    /// <summary>
    /// The per-service sections of SECURITY-AUDIT.md's checklist: each parted item's lines of one service, in the
    /// checklist's section order (the plan frames each section with the item's heading, status and stack-level lines).
    /// </summary>
    internal static class AuditChecklistParts
    {
        /// <summary>The service's text of every checklist section, in the plan's section order.</summary>
        public static IEnumerable<string> Render(AuditPartInput input)
        {
            yield return SecurityAuditRenderer.UiPart(input);
            yield return SecurityAuditRenderer.EveryUserPart(input);
            yield return Operations.OperationsAudit.SecondFactorUiPart(input);
            yield return Operations.OperationsAudit.SecondFactorApiPart(input);
            yield return Operations.OperationsAudit.BackupPart(input);
            yield return Operations.OperationsAudit.ImagePart(input);
            yield return SecurityAuditExtras.BuildPart(input);
            yield return SecurityAuditRenderer.ApiHostPart(input);
            yield return RuntimeChannelsAudit.AllowlistPart(input);
        }

        /// <summary>One checklist line as it stands in the text, or nothing.</summary>
        public static string Line(string? line) => line is null ? string.Empty : "\n- " + line;

        /// <summary>A section of whole lines, with <paramref name="empty"/> as its line when no service has one.</summary>
        public static PartSection Lines(string? empty = null) =>
            new(string.Empty, string.Empty, string.Empty, Line(empty), EquatableArray<string>.Empty);
    }
}
