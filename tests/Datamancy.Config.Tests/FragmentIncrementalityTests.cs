using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Emission;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// The render stage is per service: the stack-level plan runs once per model change, then every service's fragment is
/// its own pipeline output, cached on its own input, and a join puts the artifacts together. These tests pin down that
/// an edit re-renders exactly the fragments whose text changes — the edited service's, and another service's only when
/// the edit reaches it (a link changes its networks) — and that the joined output equals a cold run's byte for byte.
/// </summary>
public sealed class FragmentIncrementalityTests
{
    private static (GeneratorRun First, CSharpCompilation Compilation) Start() => IncrementalityTests.Start();

    private static CSharpCompilation Replace(CSharpCompilation compilation, string oldText, string newText) => IncrementalityTests.Replace(compilation, oldText, newText);

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) => IncrementalityTests.Reasons(run, step);

    /// <summary>Each service fragment's name and why it was (not) produced again.</summary>
    private static (string Name, IncrementalStepRunReason Reason)[] Fragments(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[StepNames.ServiceFragments].SelectMany(s => s.Outputs)
            .Select(o => (((ServiceFragment)o.Value).Name, o.Reason)).ToArray();

    private static string[] Rerendered(GeneratorRun run) =>
        Fragments(run).Where(f => f.Reason is not IncrementalStepRunReason.Cached).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>Each service's compose input (its model and the stack facts its block reads) and why it was (not) produced again.</summary>
    private static (string Name, IncrementalStepRunReason Reason)[] Inputs(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[StepNames.ComposeInputs].SelectMany(s => s.Outputs)
            .Select(o => (((ServiceFragmentInput)o.Value).Name, o.Reason)).ToArray();

    /// <summary>The services whose compose input changed: the blocks the edit has to build again.</summary>
    private static string[] ChangedInputs(GeneratorRun run) =>
        Inputs(run).Where(i => i.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The services whose block text differs between two runs (or that one run lacks).</summary>
    private static string[] ChangedTexts(GeneratorRun before, GeneratorRun after)
    {
        static Dictionary<string, string> Texts(GeneratorRun run) =>
            run.Result.Results.Single().TrackedSteps[StepNames.ServiceFragments].SelectMany(s => s.Outputs)
                .Select(o => (ServiceFragment)o.Value).ToDictionary(f => f.Name, f => f.Text);
        var (old, now) = (Texts(before), Texts(after));
        return old.Keys.Union(now.Keys)
            .Where(name => !old.TryGetValue(name, out var text) || !now.TryGetValue(name, out var other) || text != other)
            .OrderBy(n => n, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Exactly the blocks whose text changes were built again: their inputs changed and their fragments ran; every other
    /// service's input compares equal to the last run's and its fragment step did not run.
    /// </summary>
    private static void RerenderedExactly(GeneratorRun first, GeneratorRun second, string[] expected)
    {
        Assert.Equal(expected, ChangedTexts(first, second));
        Assert.Equal(expected, ChangedInputs(second));
        Assert.Equal(expected, Rerendered(second));
        Assert.All(Inputs(second).Where(i => !expected.Contains(i.Name)),
            i => Assert.True(i.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, i.Name + ": " + i.Reason));
    }

    private static Dictionary<string, string> Sources(GeneratorRun run) =>
        run.Result.Results.Single().GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

    /// <summary>The edited compilation, generated from scratch: what the warm run must equal.</summary>
    private static GeneratorRun Cold(CSharpCompilation compilation)
    {
        var options = new TestOptionsProvider(new Dictionary<string, string>());
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            new[] { new DatamancyGenerator().AsSourceGenerator() },
            parseOptions: GeneratorHarness.ParseOptions,
            optionsProvider: options,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return GeneratorHarness.Run(compilation, driver, options);
    }

    [Fact]
    public void Every_service_has_one_fragment_and_a_cold_run_renders_each_once()
    {
        var (first, _) = Start();
        var fragments = Fragments(first);
        var services = first.Model().Services.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(services, fragments.Select(f => f.Name).ToArray()); // backup services included, in compose order
        Assert.All(fragments, f => Assert.Equal(IncrementalStepRunReason.New, f.Reason));
        var compose = first.Artifact("prod/compose.yaml");
        Assert.All(first.Result.Results.Single().TrackedSteps[StepNames.ServiceFragments].SelectMany(s => s.Outputs),
            o => Assert.Contains(((ServiceFragment)o.Value).Text, compose));
    }

    [Fact]
    public void Editing_one_descriptor_rerenders_only_that_services_fragment()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\"");
        var second = first.Rerun(edited);

        Assert.Equal(new[] { "litellm" }, Rerendered(second));
        Assert.Equal(IncrementalStepRunReason.Modified, Fragments(second).Single(f => f.Name == "litellm").Reason);
        Assert.Equal(Fragments(first).Length - 1, Fragments(second).Count(f => f.Reason == IncrementalStepRunReason.Cached));
        // The plan re-ran, so it produced every service's input again; only the edited one differs from the last run's.
        Assert.Equal(new[] { ("litellm", IncrementalStepRunReason.Modified) }, Inputs(second).Where(i => i.Reason != IncrementalStepRunReason.Unchanged).ToArray());
        Assert.Equal(Inputs(first).Length - 1, Inputs(second).Count(i => i.Reason == IncrementalStepRunReason.Unchanged));
        RerenderedExactly(first, second, new[] { "litellm" });
        // The plan and the join ran once each; the result is what a cold run of the edited code writes.
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, StepNames.RenderPlan));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, StepNames.Rendered));
        Assert.Contains("main-v1.53.0", second.Artifact("prod/compose.yaml"));
        Assert.Equal(Sources(Cold(edited)), Sources(second));
    }

    [Fact]
    public void Removing_a_link_rerenders_both_ends_and_nothing_else()
    {
        var (first, compilation) = Start();
        Assert.Contains("\"link.open-webui.qdrant\"", first.Artifact("prod/compose.yaml"));
        var edited = Replace(compilation, "[Uses(typeof(Qdrant))]\n", string.Empty);
        var second = first.Rerun(edited);

        // The edit is in open-webui's descriptor, but qdrant's block changes too: it no longer joins the link's network.
        Assert.Equal(new[] { "open-webui", "qdrant" }, Rerendered(second));
        RerenderedExactly(first, second, new[] { "open-webui", "qdrant" });
        Assert.DoesNotContain("link.open-webui.qdrant", second.Artifact("prod/compose.yaml"));
        Assert.Equal(Sources(Cold(edited)), Sources(second));
    }

    [Fact]
    public void Adding_a_link_to_a_database_rebuilds_the_blocks_whose_text_changes_and_no_other()
    {
        var (first, compilation) = Start();
        Assert.DoesNotContain("link.open-webui.postgres", first.Artifact("prod/compose.yaml"));
        var edited = Replace(compilation, "[Uses(typeof(Qdrant))]\n", "[Uses(typeof(Qdrant))]\n[Uses(typeof(Postgres))]\n");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        // The edit is in open-webui's descriptor; postgres's block changes too (it joins the new link's network), and no
        // other: the stack facts every other block reads (its networks, profiles, secrets, mounts…) are equal.
        RerenderedExactly(first, second, new[] { "open-webui", "postgres" });
        Assert.Contains("\"link.open-webui.postgres\"", second.Artifact("prod/compose.yaml"));
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void A_stack_wide_fact_rerenders_every_service_that_reads_it()
    {
        var (first, compilation) = Start();
        // The default pids limit is a stack setting that every block without its own [Resources(Pids)] writes.
        var edited = Replace(compilation, "Networking = NetworkLayout.PerLink, Kubernetes = true)]", "Networking = NetworkLayout.PerLink, Kubernetes = true, DefaultPids = 300)]");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        var compose = second.Artifact("prod/compose.yaml");
        var expected = second.Model().Services.Where(s => s.Resources.Pids == 0).Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, Rerendered(second));
        RerenderedExactly(first, second, expected);
        Assert.Contains("pids_limit: 300", compose);
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void Unrelated_edit_renders_no_fragment()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));
        Assert.All(Reasons(second, StepNames.RenderPlan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Inputs(second), i => Assert.Equal(IncrementalStepRunReason.Cached, i.Reason));
        Assert.All(Fragments(second), f => Assert.Equal(IncrementalStepRunReason.Cached, f.Reason));
        Assert.All(Reasons(second, StepNames.Rendered), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(Sources(first), Sources(second));
    }

    [Fact]
    public void Editing_one_descriptor_checks_that_services_rules_again_and_no_other()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\""));

        // One output per declared service; only the edited one ran again.
        var before = Checked(first);
        var after = Checked(second);
        Assert.Equal(first.Model().Services.Where(s => !Generators.Rendering.Backups.BackupPlan.IsGenerated(s)).Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal),
            before.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(before, c => Assert.Equal(IncrementalStepRunReason.New, c.Reason));
        Assert.Equal(new[] { ("litellm", IncrementalStepRunReason.Modified) }, after.Where(c => c.Reason != IncrementalStepRunReason.Cached).ToArray());
        Assert.Equal(before.Length - 1, after.Count(c => c.Reason == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void A_service_rule_error_still_blocks_the_stack()
    {
        // DMC3005 (a writable Docker socket) is one service's own rule: its per-service check blocks every artifact.
        var run = GeneratorHarness.Run(GeneratorHarness.SampleSources().Select(s => s.Replace("[DockerSocket]", "[DockerSocket(ReadOnly = false)]")).ToArray());
        var build = (StackBuild)run.Result.Results.Single().TrackedSteps[StepNames.StackBuild].Single().Outputs.Single().Value;
        Assert.True(build.HasErrors);
        Assert.DoesNotContain(build.Findings, f => f.Descriptor.Id == "DMC3005"); // reported by ServiceAnalyzer, not by the stack build
        Assert.Single(run.Result.Results.Single().TrackedSteps[StepNames.ServiceRules].SelectMany(s => s.Outputs), o => ((CheckedService)o.Value!).HasErrors);
        var manifest = run.Result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Datamancy.Stack.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public const bool Blocked = true;", manifest);
    }

    [Fact]
    public void Unrelated_edit_checks_no_service()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));
        Assert.NotEmpty(Checked(second));
        Assert.All(Checked(second), c => Assert.Equal(IncrementalStepRunReason.Cached, c.Reason));
    }

    [Fact]
    public void The_manifest_carries_each_artifact_text_once_and_the_compiled_constants_hold_every_text()
    {
        var (first, _) = Start();
        var rendered = (RenderedStack)first.Result.Results.Single().TrackedSteps[StepNames.Rendered].Single().Outputs.Single().Value;
        var contents = ManifestContent.Of(rendered);
        // The compiled manifest (read back from the assembly's metadata) has every artifact's text, shared ones included.
        Assert.Equal(rendered.Artifacts.Select(a => (a.Path, a.Content)), first.Artifacts.Select(a => (a.Path, a.Content)));
        Assert.Equal(rendered.Artifacts.Select(a => a.Content), contents.Select(c => c.SameAs >= 0 ? contents[c.SameAs].Content : c.Content));
        // A shared text names an earlier artifact that carries it; no two carried texts are equal.
        Assert.Contains(contents, c => c.SameAs >= 0);
        Assert.All(contents.Where(c => c.SameAs >= 0), c => Assert.True(c.SameAs < c.Index && contents[c.SameAs].SameAs < 0 && c.Content.Length == 0));
        var carried = contents.Where(c => c.SameAs < 0).Select(c => c.Content).ToList();
        Assert.Equal(carried.Count, carried.Distinct(StringComparer.Ordinal).Count());
        var prodCompose = contents.Single(c => c.Path == "prod/compose.yaml");
        Assert.Equal("dev/compose.yaml", contents[prodCompose.SameAs].Path);
        var manifest = Sources(first)["Datamancy.Stack.g.cs"];
        Assert.Contains("public const string Content" + prodCompose.Index + " = Content" + prodCompose.SameAs + ";", manifest);
    }

    /// <summary>Each service part of a parted text (network map, exposure, audit): its key and why it was (not) rendered again.</summary>
    private static (string Key, IncrementalStepRunReason Reason)[] Parts(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[StepNames.ServiceParts].SelectMany(s => s.Outputs)
            .Select(o => (Key((ServicePart)o.Value), o.Reason)).ToArray();

    /// <summary>Each part's input and why it was (not) produced again.</summary>
    private static (string Key, IncrementalStepRunReason Reason)[] PartInputs(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[StepNames.PartInputs].SelectMany(s => s.Outputs)
            .Select(o => (((ServicePartInput)o.Value).Artifact + "/" + ((ServicePartInput)o.Value).Name, o.Reason)).ToArray();

    private static string Key(ServicePart part) => part.Artifact + "/" + part.Name;

    /// <summary>The parts rendered again (their step ran), as <c>Artifact/service</c>.</summary>
    private static string[] RerenderedParts(GeneratorRun run) =>
        Parts(run).Where(p => p.Reason is not IncrementalStepRunReason.Cached).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>The parts whose input differs from the last run's.</summary>
    private static string[] ChangedPartInputs(GeneratorRun run) =>
        PartInputs(run).Where(i => i.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(i => i.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>The parts whose text differs between two runs (or that one run lacks).</summary>
    private static string[] ChangedPartTexts(GeneratorRun before, GeneratorRun after)
    {
        static Dictionary<string, string> Texts(GeneratorRun run) =>
            run.Result.Results.Single().TrackedSteps[StepNames.ServiceParts].SelectMany(s => s.Outputs)
                .Select(o => (ServicePart)o.Value).ToDictionary(Key, p => string.Join("\u0000", p.Sections));
        var (old, now) = (Texts(before), Texts(after));
        return old.Keys.Union(now.Keys)
            .Where(key => !old.TryGetValue(key, out var text) || !now.TryGetValue(key, out var other) || text != other)
            .OrderBy(k => k, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// Exactly the edited services' parts (their model is in the input) and the parts whose text changes were rendered
    /// again: their inputs changed and their steps ran; every other part's input compares equal to the last run's and its
    /// step did not run.
    /// </summary>
    private static void RerenderedPartsExactly(GeneratorRun first, GeneratorRun second, params string[] edited)
    {
        var expected = PartsOf(edited).Union(ChangedPartTexts(first, second)).OrderBy(k => k, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, ChangedPartInputs(second));
        Assert.Equal(expected, RerenderedParts(second));
        Assert.All(PartInputs(second).Where(i => !expected.Contains(i.Key)),
            i => Assert.True(i.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, i.Key + ": " + i.Reason));
    }

    private static readonly string[] PartedTexts = { NetworkMapParts.Constant, ExposureParts.Constant, AuditParts.Constant };

    private static string[] PartsOf(params string[] services) =>
        PartedTexts.SelectMany(t => services.Select(s => t + "/" + s)).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_service_has_one_part_per_parted_text_and_a_cold_run_renders_each_once()
    {
        var (first, _) = Start();
        var services = first.Model().Services.Select(s => s.Name).ToArray();
        Assert.Equal(PartsOf(services), Parts(first).Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.All(Parts(first), p => Assert.Equal(IncrementalStepRunReason.New, p.Reason));
        // Each part's text stands in its artifact as the part rendered it.
        var paths = new Dictionary<string, string> { [NetworkMapParts.Constant] = "prod/network-map.md", [ExposureParts.Constant] = "prod/exposure.json", [AuditParts.Constant] = "prod/SECURITY-AUDIT.md" };
        foreach (var part in first.Result.Results.Single().TrackedSteps[StepNames.ServiceParts].SelectMany(s => s.Outputs).Select(o => (ServicePart)o.Value))
        {
            Assert.Null(part.Error);
            Assert.All(part.Sections, section => Assert.Contains(section, first.Artifact(paths[part.Artifact])));
        }
        Assert.Contains(Parts(first), p => p.Key == AuditParts.Constant + "/litellm");
    }

    [Fact]
    public void Editing_one_descriptor_renders_only_that_services_parts()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\"");
        var second = first.Rerun(edited);

        // The plan re-ran and produced every part's input again; only the edited service's differ from the last run's,
        // and only their steps ran (the image is in none of these texts, so each produced the text it had).
        Assert.Equal(PartsOf("litellm"), ChangedPartInputs(second));
        Assert.All(PartInputs(second).Where(i => !i.Key.EndsWith("/litellm", StringComparison.Ordinal)), i => Assert.Equal(IncrementalStepRunReason.Unchanged, i.Reason));
        Assert.Equal(PartsOf("litellm"), RerenderedParts(second));
        Assert.Equal(Parts(first).Length - PartedTexts.Length, Parts(second).Count(p => p.Reason == IncrementalStepRunReason.Cached));
        Assert.Empty(ChangedPartTexts(first, second));
        Assert.Equal(Sources(Cold(edited)), Sources(second));
    }

    [Fact]
    public void Editing_one_services_host_renders_the_parts_whose_text_changes_and_no_other()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "[UiHost(\"litellm\")]", "[UiHost(\"llm\")]");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        // litellm's route and host entry change; the ingress's hairpin aliases in the map too when it has them.
        var expected = ChangedPartTexts(first, second);
        Assert.Contains(NetworkMapParts.Constant + "/litellm", expected);
        Assert.Contains(ExposureParts.Constant + "/litellm", expected);
        Assert.DoesNotContain(AuditParts.Constant + "/litellm", expected);
        Assert.All(expected, k => Assert.True(k.EndsWith("/litellm", StringComparison.Ordinal) || k == NetworkMapParts.Constant + "/caddy", k));
        RerenderedPartsExactly(first, second, "litellm");
        Assert.Contains("llm.project-saturn.com", second.Artifact("prod/network-map.md"));
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void A_stack_fact_renders_exactly_the_parts_that_read_it()
    {
        var (first, compilation) = Start();
        // The domain is in every routed host: the map's and exposure's parts of services with a UI or API host change,
        // the audit's parts (which never name a host) and the other services' parts do not.
        var edited = Replace(compilation, "[Stack(\"datamancy\", \"project-saturn.com\"", "[Stack(\"datamancy\", \"project-jupiter.com\"");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        var routed = second.Model().Services.Where(s => s.Ui is not null || s.Api is not null).Select(s => s.Name).ToArray();
        Assert.NotEmpty(routed);
        var expected = ChangedPartTexts(first, second);
        Assert.All(routed, name => Assert.Contains(NetworkMapParts.Constant + "/" + name, expected));
        Assert.All(routed, name => Assert.Contains(ExposureParts.Constant + "/" + name, expected));
        Assert.DoesNotContain(expected, k => k.StartsWith(AuditParts.Constant + "/", StringComparison.Ordinal));
        Assert.True(expected.Length < Parts(first).Length / 2, string.Join(", ", expected));
        RerenderedPartsExactly(first, second);
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void Removing_a_link_renders_the_parts_whose_text_changes()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "[Uses(typeof(Qdrant))]\n", string.Empty);
        var second = first.Rerun(edited);

        // No map, exposure or audit line names the link, except the audit's note on a service left without any network;
        // open-webui's parts run again (its model is in their inputs), qdrant's only where its text changes.
        Assert.All(ChangedPartTexts(first, second), k => Assert.StartsWith(AuditParts.Constant + "/", k));
        RerenderedPartsExactly(first, second, "open-webui");
        Assert.Equal(Sources(Cold(edited)), Sources(second));
    }

    [Fact]
    public void Unrelated_edit_renders_no_part()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));
        Assert.All(PartInputs(second), i => Assert.Equal(IncrementalStepRunReason.Cached, i.Reason));
        Assert.All(Parts(second), p => Assert.Equal(IncrementalStepRunReason.Cached, p.Reason));
    }

    /// <summary>Each per-service check's service name and why it was (not) run again.</summary>
    private static (string Name, IncrementalStepRunReason Reason)[] Checked(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[StepNames.ServiceRules].SelectMany(s => s.Outputs)
            .Select(o => (((CheckedService)o.Value!).Model.Name, o.Reason)).ToArray();

    [Theory]
    [InlineData(typeof(RenderPlan))]
    [InlineData(typeof(ServiceFragment))]
    [InlineData(typeof(ServiceFragmentInput))]
    [InlineData(typeof(ServicePart))]
    [InlineData(typeof(ServicePartInput))]
    [InlineData(typeof(ManifestContent))]
    [InlineData(typeof(CheckedService))]
    public void The_render_steps_hold_no_Roslyn_object_and_no_position(Type root)
    {
        // The same walk as ModelPurityTests, over the values the plan and fragment steps cache.
        var purity = new ModelPurityTests();
        purity.No_Roslyn_object_is_reachable(root);
        purity.What_renders_holds_no_position(root);
    }
}
