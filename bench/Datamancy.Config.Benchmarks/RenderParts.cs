using System.Diagnostics;
using System.Globalization;
using System.Text;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Fragments;
using YamlDotNet.Core;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// <c>--render-parts [size]</c>: where a render's time goes, artifact by artifact, and what YamlDotNet's emitter costs per
/// scalar. Indicative (stopwatch, a few calls each); it says which part to cut next.
/// </summary>
public static class RenderParts
{
    public static string Run(int size)
    {
        var workload = new Workload(size);
        var stack = Generators.Rendering.Backups.BackupServices.Extend(workload.Model);
        var plan = ComposeFragments.Plan(stack);
        var fragments = plan.Services.Select(ComposeFragments.Emit).ToList();
        var texts = new[] { NetworkMapParts.Plan(stack), ExposureParts.Plan(stack), AuditParts.Plan(stack, plan.Services) }
            .Concat(StackRenderer.Environments.Select(e => CaddyfileParts.Plan(stack, e))).ToArray();
        var caddyfile = texts.Single(t => t.Artifact == CaddyfileParts.Key(StackEnvironment.Prod));
        var caddyParts = caddyfile.Inputs.Select(TextParts.Render).ToList();
        var services = ServiceRenders.Fold(plan, texts.ToEquatableArray());
        var parts = new List<(string Name, Func<object?> Body)>
        {
            ("render all (plan + every fragment + join)", () => StackRenderer.RenderAll(workload.Model)),
            ("plan (stack-wide artifacts + compose and part inputs)", () => StackRenderer.Plan(workload.Model)),
            ("plan, fresh model (nothing memoised: what an edit pays)", () => StackRenderer.Plan(workload.Model with { })),
            ("compose: plan (text above and below, every service input)", () => ComposeFragments.Plan(stack)),
            ("compose: service inputs only (model + stack facts)", () => ComposeFacts.Inputs(stack)),
            ("compose: build and emit every fragment", () => plan.Services.Select(ComposeFragments.Emit).ToList()),
            ("compose: build and emit one fragment", () => ComposeFragments.Emit(plan.Services[plan.Services.Count / 2])),
            ("compose: join", () => ComposeFragments.Join(plan, fragments)),
            ("compose: whole document (representation model)", () => ComposeRenderer.RenderWhole(stack)),
            ("Caddyfile (prod)", () => CaddyfileRenderer.Render(stack, StackEnvironment.Prod)),
            ("Caddyfile (prod): plan (head, portal, every service input)", () => CaddyfileParts.Plan(stack, StackEnvironment.Prod)),
            // What a Scriban render of one service's sites would cost at least: one small template, one context.
            ("Caddyfile (prod): head only (one Scriban render of a small template)", () => CaddyfileRenderer.Head(stack, StackEnvironment.Prod, "authelia:9091")),
            ("Caddyfile (prod): one service's sites (C#)", () => TextParts.Render(caddyfile.Inputs[caddyfile.Inputs.Count / 2])),
            ("Caddyfile (prod): render every service's sites (cold only)", () => caddyfile.Inputs.Select(TextParts.Render).ToList()),
            ("Caddyfile (prod): join", () => TextParts.Join(caddyfile, caddyParts)),
            ("authelia/configuration.yml", () => AutheliaRenderer.Render(stack)),
            (".env.example (fresh model: variables computed again)", () => EnvTemplateRenderer.Render(stack with { }, bootstrapOnly: false)),
            ("network-map.md", () => NetworkMapRenderer.Render(stack)),
            ("network-map.md: plan (text around the rows, every service input)", () => NetworkMapParts.Plan(stack)),
            ("SECURITY-AUDIT.md", () => SecurityAuditRenderer.Render(stack)),
            ("SECURITY-AUDIT.md: plan (items, every service input from its compose input)", () => AuditParts.Plan(stack, plan.Services)),
            ("SECURITY-AUDIT.md: the checklist's items (fresh model)", () => SecurityAuditRenderer.Items(stack with { })),
            ("fresh model: the services in order (what every item's first walk pays)", () => (stack with { }).Ordered().Count()),
            ("exposure.json", () => ExposureRenderer.Render(stack)),
            ("exposure.json: plan (frame, every service input)", () => ExposureParts.Plan(stack)),
            ("parts: render every part of every parted text (cold only)", () => texts.SelectMany(t => t.Inputs).Select(TextParts.Render).ToList()),
            ("parts: render one service's parts (one per parted text)", () => services[services.Count / 2].Parts.Select(TextParts.Render).ToList()),
            ("service render: one service's fragment and parts (one pipeline step)", () => ServiceRenders.Render(services[services.Count / 2])),
            (".env.bootstrap.example (fresh model)", () => EnvTemplateRenderer.Render(stack with { }, bootstrapOnly: true)),
            ("BACKUP.md", () => Generators.Rendering.Backups.BackupNotesRenderer.Render(stack)),
            ("backup.sh", () => Generators.Rendering.Backups.BackupScript.Render(stack)),
            ("dump.sh", () => Generators.Rendering.Backups.DumpScript.Render(stack)),
            ("renovate.json", () => Generators.Rendering.Operations.RenovateRenderer.Render(stack)),
            ("backup plan (BackupServices.Extend)", () => Generators.Rendering.Backups.BackupServices.Extend(workload.Model)),
        };
        parts.InsertRange(parts.FindIndex(p => p.Name == "exposure.json"), AuditItems(stack));
        var text = new StringBuilder();
        text.Append("### Render parts at ").Append(size.ToString(CultureInfo.InvariantCulture)).Append(" services (").Append(ShortRun.Machine()).Append(")\n\n");
        text.Append("| Part | Mean | Allocated |\n|---|---:|---:|\n");
        foreach (var (name, body) in parts)
        {
            var (nanoseconds, bytes) = Measure(body);
            text.Append("| ").Append(name).Append(" | ").Append(Report.Time(nanoseconds)).Append(" | ").Append(Report.Bytes(bytes)).Append(" |\n");
        }
        // The emitter alone: one sequence of n double-quoted scalars of a compose-like length, per scalar.
        const int scalars = 20_000;
        var values = Enumerable.Range(0, scalars).Select(i => "${SECRET_" + i.ToString(CultureInfo.InvariantCulture) + ":?SECRET is not set; see .env.example}").ToArray();
        var quoted = new YamlIntent(YamlIntentKind.Sequence, string.Empty, ScalarStyle.Any,
            values.Select(v => new YamlIntent(YamlIntentKind.Scalar, v, ScalarStyle.DoubleQuoted, EquatableArray<YamlIntent>.Empty)).ToEquatableArray());
        var (perDocument, perDocumentBytes) = Measure(() => YamlFragmentWriter.Emitted(quoted));
        var (perWritten, perWrittenBytes) = Measure(() => YamlFragmentWriter.Document(quoted));
        var floor = Measure(() => values.Aggregate(new StringBuilder(), (b, v) => b.Append("- \"").Append(v).Append("\"\n")).ToString());
        text.Append("\nEmitter: ").Append(Report.Time(perDocument / scalars)).Append(" and ").Append((perDocumentBytes / scalars).ToString(CultureInfo.InvariantCulture))
            .Append(" bytes allocated per double-quoted scalar of ").Append(values[0].Length.ToString(CultureInfo.InvariantCulture)).Append(" characters (StringBuilder floor: ")
            .Append(Report.Time(floor.Nanoseconds / scalars)).Append(", ").Append((floor.Bytes / scalars).ToString(CultureInfo.InvariantCulture)).Append(" bytes; BlockYamlWriter: ")
            .Append(Report.Time(perWritten / scalars)).Append(", ").Append((perWrittenBytes / scalars).ToString(CultureInfo.InvariantCulture)).Append(" bytes).\n");
        // What the pipeline re-runs after the one-descriptor edit: the plan, the join, and which fragments.
        var (before, after) = workload.DescriptorTrees;
        var driver = Workload.NewDriver(trackSteps: true).RunGenerators(workload.Compilation);
        var initial = driver.GetRunResult().Results.Single().TrackedSteps;
        var build = (Generators.StackBuild)initial[Generators.StepNames.StackBuild].Single().Outputs.Single().Value;
        text.Append("Initial run: blocked ").Append(((Generators.RenderedStack)initial[Generators.StepNames.Rendered].Single().Outputs.Single().Value).Blocked ? "yes" : "no")
            .Append(", build errors: ").Append(build.HasErrors ? "yes" : "no")
            .Append(", parse errors: ").Append(string.Join("; ", initial[Generators.StepNames.TreeParse].SelectMany(s => s.Outputs).SelectMany(o => ((Generators.Parsing.Trees.TreeParse)o.Value).Services)
                .SelectMany(p => p.Diagnostics).Where(d => d.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error).Select(d => d.Descriptor.Id + " " + string.Join(",", d.Arguments)).Distinct().Take(5)))
            .Append(", per-descriptor errors: ").Append(string.Join("; ", PerDescriptorErrors(workload.Model).Take(5)))
            .Append(", stack-wide findings: ").Append(string.Join("; ", build.Findings.Select(f => f.Descriptor.Id + " " + f.Owner + " " + string.Join(",", f.Arguments)).Take(5))).Append(".\n");
        var steps = driver.RunGenerators(workload.Compilation.ReplaceSyntaxTree(before, after)).GetRunResult().Results.Single().TrackedSteps;
        var rendered = (Generators.RenderedStack)steps[Generators.StepNames.Rendered].Single().Outputs.Single().Value;
        var renderSteps = steps.TryGetValue(Generators.StepNames.ServiceRenders, out var found) ? found : System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.IncrementalGeneratorRunStep>.Empty;
        var rerun = renderSteps.SelectMany(s => s.Outputs).Where(o => o.Reason != Microsoft.CodeAnalysis.IncrementalStepRunReason.Cached)
            .SelectMany(o => ((RenderedBucket)o.Value).Renders).ToList();
        text.Append("One-descriptor edit: blocked ").Append(rendered.Blocked ? "yes" : "no").Append(", services rendered again (compose fragment and parts; the edited service's bucket): ")
            .Append(rerun.Count.ToString(CultureInfo.InvariantCulture)).Append(" (").Append(string.Join(", ", rerun.Select(r => r.Name + " with " + string.Join(", ", r.Parts.Select(p => p.Artifact))))).Append(") of ")
            .Append(renderSteps.SelectMany(s => s.Outputs).Sum(o => ((RenderedBucket)o.Value).Renders.Count).ToString(CultureInfo.InvariantCulture))
            .Append(" in ").Append(renderSteps.Sum(s => s.Outputs.Length).ToString(CultureInfo.InvariantCulture)).Append(" buckets.\n");
        return text.ToString();
    }

    /// <summary>
    /// Each checklist item in the checklist's order, on a fresh model (nothing memoised) and on the plan's (what the
    /// stack memo and the links already hold is not paid again): which items an edit pays most for.
    /// </summary>
    private static IEnumerable<(string Name, Func<object?> Body)> AuditItems(StackModel stack)
    {
        foreach (var item in SecurityAuditRenderer.Checklist(stack))
        {
            var title = "SECURITY-AUDIT.md item: " + item(stack).Title;
            yield return (title + " (fresh model)", () => item(stack with { }));
            yield return (title + " (memoised model)", () => item(stack));
        }
    }

    private static IEnumerable<string> PerDescriptorErrors(StackModel stack)
    {
        var findings = new List<Generators.Diagnostics.Finding>();
        Generators.Validation.StackSettingsRules.Check(stack.Settings, findings);
        foreach (var service in stack.Services)
        {
            Generators.Validation.ServiceRules.Check(service, findings);
        }
        return findings.Where(f => f.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(f => f.Descriptor.Id + " " + f.Owner + " " + f.SiteKey + " " + string.Join(",", f.Arguments)).Distinct();
    }

    internal static (double Nanoseconds, long Bytes) Measure(Func<object?> body)
    {
        GC.KeepAlive(body());
        var calls = 0;
        var bytes = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        while (calls < 3 || (calls < 50 && clock.Elapsed < TimeSpan.FromMilliseconds(500)))
        {
            GC.KeepAlive(body());
            calls++;
        }
        clock.Stop();
        return (clock.Elapsed.TotalNanoseconds / calls, (GC.GetTotalAllocatedBytes(precise: true) - bytes) / calls);
    }
}
