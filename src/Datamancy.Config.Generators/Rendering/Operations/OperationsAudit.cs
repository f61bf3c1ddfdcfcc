using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering.Backups;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Generators.Validation;
using AuditItem = Datamancy.Config.Generators.Rendering.SecurityAuditRenderer.AuditItem;
using AuditSection = Datamancy.Config.Generators.Rendering.SecurityAuditRenderer.AuditSection;

namespace Datamancy.Config.Generators.Rendering.Operations
{
    /// <summary>The audit items that operations decide: backups, secret rotation, image updates, second factors.</summary>
    internal static class OperationsAudit
    {
        public const string SecretsTitle = "Secrets rotated and stored securely";
        /// <summary>The state of a secret before the emission step reads the rotation record.</summary>
        public const string NotRecorded = "no rotation record (run the secrets command)";

        /// <summary>The volumes' lines are the services' (<see cref="BackupPart"/>); the status sums their failures.</summary>
        public static AuditItem Backups(StackModel stack)
        {
            var r = stack.Settings.BackupRetention;
            var schedule = "Schedule: daily " + BackupScript.DailyHourUtc.ToString("00", CultureInfo.InvariantCulture) + ":00 UTC, weekly on Sundays; retention "
                + r.Daily + " daily / " + r.Weekly + " weekly / " + r.Monthly + " monthly; restore commands and the restore test in BACKUP.md.";
            return new AuditItem("Volumes backed up on a schedule", BackupAuditFacts.AnyFails(stack) ? "fail" : "pass", new List<string>(),
                new AuditSection(AuditChecklistParts.Lines("The stack has no persistent volumes."), new List<string> { schedule }));
        }

        /// <summary>The service's writable named volumes and how the backup plan covers each.</summary>
        public static string BackupPart(AuditPartInput input)
        {
            var s = input.Service;
            var text = new System.Text.StringBuilder();
            foreach (var b in input.Backups)
            {
                var v = b.Volume;
                var line = "`" + v.Source + "` (" + s.Name + " " + v.Target + "): " + v.Backup.ToString().ToLowerInvariant();
                text.Append(AuditChecklistParts.Line(b.Coverage switch
                {
                    BackupCoverage.NoDecision => line + ": NO DECISION",
                    BackupCoverage.NotBackedUp => line,
                    BackupCoverage.NotCovered => line + ": NOT covered by the backup service",
                    BackupCoverage.LiveDatabaseFiles => line + ": live database files copied, " + (BackupPlan.EngineOf(s) is var engine && engine == DumpEngine.Files
                        ? "no dump mechanism known for `" + s.Image + "`"
                        : "not the image's data folder `" + BackupPlan.DataPath(engine) + "`, so the dump does not cover it"),
                    BackupCoverage.DumpWithoutSecret => line + ": dump service `" + b.DumpService + "` has no password secret (declare the engine's password variable)",
                    BackupCoverage.Dump => line + ", from a consistent dump (`" + b.DumpService + "`), restic tag `volume:" + v.Source + "`",
                    _ => line + ", files, restic tag `volume:" + v.Source + "`",
                }));
            }
            return text.ToString();
        }

        /// <summary>The emission step replaces <see cref="NotRecorded"/> with each secret's rotation date and sets the status.</summary>
        public static AuditItem Secrets(StackModel stack)
        {
            var ages = stack.Settings.SecretMaxAges;
            var details = SecretSpecs.Of(stack)
                .Select(s => SecretLine(s.Name, s.Kind, ages.For(s.Kind)) + NotRecorded)
                .ToList();
            details.Add("Values are created by the secrets command, passed to containers by reference only, in owner-only (0600) env files; no value is in the descriptors (DMC3001).");
            return new AuditItem(SecretsTitle, "fail", details);
        }

        /// <summary>The fixed start of a secret's line, which the emission step parses: <c>`NAME` (kind, max N days): </c>.</summary>
        public static string SecretLine(string name, SecretKind kind, int maxDays) =>
            "`" + name + "` (" + kind.ToString() + ", max " + maxDays.ToString(CultureInfo.InvariantCulture) + " days): ";

        /// <summary>The images' lines are the services' (<see cref="ImagePart"/>, <see cref="SecurityAuditExtras.BuildPart"/>); the status reads every image.</summary>
        public static AuditItem Images(StackModel stack)
        {
            var pinned = true;
            var generated = new List<string>();
            foreach (var s in stack.Ordered())
            {
                pinned &= ImagePins.Pinned(s);
                if (BackupPlan.IsGenerated(s) && !generated.Contains(s.Image))
                {
                    generated.Add(s.Image);
                }
            }
            var after = new List<string>();
            if (generated.Count > 0)
            {
                after.Add("Added by the backup plan: " + string.Join(", ", generated.Select(i => "`" + i + "`")) + " (pinned by Datamancy.Config; they move with its package version; the dump services reuse their database's image).");
            }
            after.Add("Updates are tracked by Renovate (`renovate.json`): its regex manager finds the image references in the C# descriptors, so updates arrive as pull requests against the source of truth.");
            return new AuditItem("Images up to date", pinned ? "pass" : "fail", new List<string>(),
                new AuditSection(AuditChecklistParts.Lines(), new List<string>()),
                new AuditSection(AuditChecklistParts.Lines(), after));
        }

        /// <summary>The service's image and whether it is pinned.</summary>
        public static string ImagePart(AuditPartInput input)
        {
            var s = input.Service;
            return AuditChecklistParts.Line(s.Name + ": `" + s.Image + "`" + (ValueRules.IsPinned(s.Image) ? string.Empty : " NOT pinned to a version"));
        }

        /// <summary>SSO hosts' lines are the services' (<see cref="SecondFactorUiPart"/>, <see cref="SecondFactorApiPart"/>); a stack-wide downgrade fails.</summary>
        public static AuditItem SecondFactor(StackModel stack)
        {
            var any = false;
            var blanket = false;
            foreach (var s in stack.Ordered())
            {
                if (s.Ui is { Sso: SsoMode.ForwardAuth or SsoMode.Oidc } ui)
                {
                    any = true;
                    // A host declared one-factor is a decision, listed with its reason; a stack-wide downgrade fails.
                    blanket |= stack.EffectivePolicy(ui) != AuthPolicy.TwoFactor && ui.Policy != AuthPolicy.OneFactor;
                }
                any |= s.Api is { ClientCredentials: true };
            }
            return new AuditItem("Second factor (TOTP) on SSO hosts", blanket ? "fail" : "pass", new List<string>(),
                new AuditSection(AuditChecklistParts.Lines(), new List<string>()),
                new AuditSection(AuditChecklistParts.Lines(), any ? new List<string>() : new List<string> { "The stack has no SSO hosts." }));
        }

        /// <summary>The service's UI host behind SSO and the factors it asks for.</summary>
        public static string SecondFactorUiPart(AuditPartInput input)
        {
            if (input.Service.Ui is not { Sso: SsoMode.ForwardAuth or SsoMode.Oidc } ui)
            {
                return string.Empty;
            }
            var hosts = input.Hosts!;
            var why = hosts.Policy(ui) == AuthPolicy.TwoFactor ? "two_factor (TOTP)"
                : ui.Policy == AuthPolicy.OneFactor ? "one_factor: declared on the host (`Policy = AuthPolicy.OneFactor`)"
                : "one_factor: the stack's `DefaultPolicy` is OneFactor";
            return AuditChecklistParts.Line(hosts.Fqdn(ui.Subdomain) + ": " + why);
        }

        /// <summary>The service's machine client, which has no second factor.</summary>
        public static string SecondFactorApiPart(AuditPartInput input) =>
            input.Service.Api is { ClientCredentials: true } api
                ? AuditChecklistParts.Line(input.Hosts!.Fqdn(api.Subdomain) + ": one_factor for the machine client `oauth2:client:" + input.Service.ApiClientId() + "` (client credentials have no second factor)")
                : string.Empty;
    }
}
