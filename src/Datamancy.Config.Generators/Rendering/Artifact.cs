using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>One rendered file: its path below the artifacts folder, the name of its C# constant, its text.</summary>
    internal sealed record Artifact(string Path, string Environment, string ConstantName, string Content);

    /// <summary>Every artifact of a stack, for every environment.</summary>
    internal static class StackRenderer
    {
        public static readonly StackEnvironment[] Environments = { StackEnvironment.Dev, StackEnvironment.Prod, StackEnvironment.Local };

        /// <summary>The folder below the artifacts folder, also the name the emission step selects environments by.</summary>
        public static string Folder(this StackEnvironment environment) => environment switch
        {
            StackEnvironment.Dev => "dev",
            StackEnvironment.Prod => "prod",
            _ => "local",
        };

        /// <summary>Every artifact in one call: the plan, every compose fragment and service part, the joins (the render-only path).</summary>
        public static EquatableArray<Artifact> RenderAll(StackModel declared)
        {
            var plan = Plan(declared);
            var renders = Fragments.ServiceRenders.Fold(plan.Compose, plan.Texts).Select(Fragments.ServiceRenders.Render).ToList();
            return Fill(plan.Artifacts, Fragments.TextJoins.Of(plan.Compose, plan.Texts, renders).Select(Fragments.TextJoins.Join));
        }

        /// <summary>The constant of compose.yaml, whose text the join puts together from the service fragments.</summary>
        public const string ComposeConstant = "Compose";

        /// <summary>
        /// Fills in the joined texts (compose.yaml and every parted text) wherever the plan left them empty. A text is keyed
        /// by its constant name, or by its path where environments differ (<see cref="Fragments.PartedText.Artifact"/>).
        /// </summary>
        public static EquatableArray<Artifact> Fill(EquatableArray<Artifact> planned, IEnumerable<Fragments.JoinedText> texts)
        {
            var joined = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var text in texts)
            {
                joined[text.Key] = text.Content;
            }
            return planned.Select(a => a.Content.Length == 0 && (joined.TryGetValue(a.Path, out var content) || joined.TryGetValue(a.ConstantName, out content)) ? a with { Content = content } : a)
                .ToEquatableArray();
        }

        /// <summary>
        /// Every artifact of the stack except the texts of compose.yaml and of the parted texts, which are left empty, and
        /// the plans of their per-service fragments and parts (rendered, cached and joined by the pipeline).
        /// </summary>
        public static (EquatableArray<Artifact> Artifacts, Fragments.ComposePlan Compose, EquatableArray<Fragments.PartedText> Texts) Plan(StackModel declared)
        {
            // The backup plan adds its services (restic, database dumps) before any artifact is rendered.
            var stack = StackMemo.Of(declared).Extended;
            var backedUp = !ReferenceEquals(stack, declared);
            var directory = stack.WithRole(ServiceRole.Directory);
            var compose = Fragments.ComposeFragments.Plan(stack);
            var texts = new List<Fragments.PartedText> { Fragments.NetworkMapParts.Plan(stack), Fragments.ExposureParts.Plan(stack), Fragments.AuditParts.Plan(stack, compose.Services) };
            var parted = new HashSet<string>(texts.Select(t => t.Artifact), System.StringComparer.Ordinal) { ComposeConstant };
            var shared = new (string Path, string Constant, string Content)[]
            {
                ("compose.yaml", ComposeConstant, string.Empty),
                ("authelia/configuration.yml", "AutheliaConfiguration", stack.WithRole(ServiceRole.Sso) is null ? string.Empty : AutheliaRenderer.Render(stack)),
                (".env.example", "EnvExample", EnvTemplateRenderer.Render(stack, bootstrapOnly: false)),
                (".env.bootstrap.example", "EnvBootstrapExample", EnvTemplateRenderer.Render(stack, bootstrapOnly: true)),
                ("network-map.md", Fragments.NetworkMapParts.Constant, string.Empty),
                ("SECURITY-AUDIT.md", Fragments.AuditParts.Constant, string.Empty),
                (ExposureRenderer.FileName, Fragments.ExposureParts.Constant, string.Empty),
                (CaddyPreflightRenderer.FileName, "CaddyPreflight", CaddyPreflightRenderer.IsNeeded(stack) ? CaddyPreflightRenderer.Render(stack) : string.Empty),
                (Backups.BackupScript.Path, "BackupScript", backedUp ? Backups.BackupScript.Render(stack) : string.Empty),
                (Backups.DumpScript.Path, "DumpScript", backedUp ? Backups.DumpScript.Render(stack) : string.Empty),
                (Backups.DumpScript.ClickHouseConfigPath, "ClickHouseBackupConfig",
                    stack.Services.Any(s => Backups.BackupPlan.EngineOf(s) == Backups.DumpEngine.ClickHouse && Operations.OperationsMounts.HasDumpedData(s)) ? Backups.DumpScript.ClickHouseConfig(stack) : string.Empty),
                ("BACKUP.md", "BackupNotes", Backups.BackupNotesRenderer.Render(stack)),
                (Directory.DirectoryBootstrap.Path, "DirectoryBootstrap",
                    directory is not null && Directory.DirectoryBootstrap.IsBootstrapped(stack, directory) ? Directory.DirectoryBootstrap.Render(stack) : string.Empty),
                (Operations.RenovateRenderer.Path, "Renovate", Operations.RenovateRenderer.Render(stack)),
            };
            var artifacts = new List<Artifact>();
            foreach (var environment in Environments)
            {
                var folder = environment.Folder();
                var caddyfile = Fragments.CaddyfileParts.Plan(stack, environment);
                texts.Add(caddyfile);
                artifacts.Add(new Artifact(caddyfile.Artifact, folder, Fragments.CaddyfileParts.Constant, string.Empty));
                if (environment == StackEnvironment.Local)
                {
                    // The same run-time check as compose's entrypoint, to run by hand or in the proofs before Caddy.
                    if (CaddyPreflightRenderer.IsNeeded(stack))
                    {
                        artifacts.Add(new Artifact(folder + "/" + CaddyPreflightRenderer.FileName, folder, "CaddyPreflight", CaddyPreflightRenderer.Render(stack)));
                    }
                    continue;
                }
                foreach (var (path, constant, content) in shared)
                {
                    if (content.Length > 0 || parted.Contains(constant))
                    {
                        artifacts.Add(new Artifact(folder + "/" + path, folder, constant, content));
                    }
                }
                if (Kubernetes.KubernetesNames.Renderable(stack))
                {
                    // The ConfigMap embeds the whole Caddyfile: a Kubernetes stack's plan renders its sites too.
                    foreach (var file in Kubernetes.KubernetesRenderer.Render(stack, Fragments.TextParts.Render(caddyfile), shared[1].Content))
                    {
                        artifacts.Add(new Artifact(folder + "/" + Kubernetes.KubernetesRenderer.Folder + "/" + file.Name, folder, file.Constant, file.Content));
                    }
                }
            }
            return (artifacts.ToEquatableArray(), compose, texts.ToEquatableArray());
        }
    }
}
