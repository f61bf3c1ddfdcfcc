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
/// The render stage is per service: the stack-level plan runs once per model change, then every service's compose
/// fragment and parts (network map, exposure, audit) are one pipeline output, cached on the service's render input, and a
/// join puts the artifacts together. These tests pin down that an edit re-renders exactly the services whose model or
/// one of whose texts changes — the edited service, and another service only when the edit reaches one of its texts (a
/// link changes its networks, a renamed host its hairpin aliases) — that within each input only the fragment and parts
/// whose text changes differ, and that the joined output equals a cold run's byte for byte.
/// </summary>
public sealed class FragmentIncrementalityTests
{
    private static (GeneratorRun First, CSharpCompilation Compilation) Start() => IncrementalityTests.Start();

    private static CSharpCompilation Replace(CSharpCompilation compilation, string oldText, string newText) => IncrementalityTests.Replace(compilation, oldText, newText);

    private static IncrementalStepRunReason[] Reasons(GeneratorRun run, string step) => IncrementalityTests.Reasons(run, step);

    private static IEnumerable<(T Value, IncrementalStepRunReason Reason)> Outputs<T>(GeneratorRun run, string step) =>
        run.Result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => ((T)o.Value, o.Reason));

    /// <summary>Each service's render (its compose fragment and parts) and why its bucket's step was (not) run again.</summary>
    private static (string Name, IncrementalStepRunReason Reason)[] Renders(GeneratorRun run) =>
        Outputs<RenderedBucket>(run, StepNames.ServiceRenders).SelectMany(o => o.Value.Renders.Select(r => (r.Name, o.Reason))).ToArray();

    /// <summary>Every service's render, from the bucket steps.</summary>
    private static IEnumerable<ServiceRender> RenderValues(GeneratorRun run) =>
        Outputs<RenderedBucket>(run, StepNames.ServiceRenders).SelectMany(o => o.Value.Renders);

    /// <summary>Every service's render input, from the bucket steps.</summary>
    private static IEnumerable<ServiceRenderInput> InputValues(GeneratorRun run) =>
        Outputs<RenderBucket>(run, StepNames.ServiceInputs).SelectMany(o => o.Value.Inputs);

    /// <summary>Every service of the render buckets that hold one of <paramref name="names"/>: what an edit to those services renders again.</summary>
    private static string[] BucketMates(GeneratorRun run, IEnumerable<string> names) =>
        Outputs<RenderBucket>(run, StepNames.ServiceInputs).Where(o => o.Value.Inputs.Any(i => names.Contains(i.Name)))
            .SelectMany(o => o.Value.Inputs.Select(i => i.Name)).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>The services whose render step ran.</summary>
    private static string[] Rerendered(GeneratorRun run) =>
        Renders(run).Where(f => f.Reason is not IncrementalStepRunReason.Cached).Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>Each service's render input (its model, the stack facts its block reads, its part inputs) and why it was (not) produced again.</summary>
    private static (string Name, IncrementalStepRunReason Reason)[] Inputs(GeneratorRun run) =>
        Outputs<RenderBucket>(run, StepNames.ServiceInputs).SelectMany(o => o.Value.Inputs.Select(i => (i.Name, o.Reason))).ToArray();

    /// <summary>The services whose render input changed: the services the edit has to render again.</summary>
    private static string[] ChangedInputs(GeneratorRun run) =>
        Inputs(run).Where(i => i.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged)).Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    /// <summary>Each service's compose fragment.</summary>
    private static Dictionary<string, ServiceFragment> Fragments(GeneratorRun run) =>
        RenderValues(run).Select(r => r.Fragment).ToDictionary(f => f.Name);

    /// <summary>Each service part of a parted text, by <c>Artifact/service</c>.</summary>
    private static Dictionary<string, ServicePart> Parts(GeneratorRun run) =>
        RenderValues(run).SelectMany(r => r.Parts).ToDictionary(Key);

    private static string Key(ServicePart part) => part.Artifact + "/" + part.Name;

    /// <summary>The keys whose value differs between two runs (or that one run lacks).</summary>
    private static string[] Changed<T>(Dictionary<string, T> old, Dictionary<string, T> now, Func<T, T, bool> equal) =>
        old.Keys.Union(now.Keys)
            .Where(key => !old.TryGetValue(key, out var value) || !now.TryGetValue(key, out var other) || !equal(value, other))
            .OrderBy(k => k, StringComparer.Ordinal).ToArray();

    /// <summary>The services whose block text differs between two runs (or that one run lacks).</summary>
    private static string[] ChangedTexts(GeneratorRun before, GeneratorRun after) =>
        Changed(Fragments(before), Fragments(after), (a, b) => a.Text == b.Text);

    /// <summary>The parts whose text differs between two runs (or that one run lacks), as <c>Artifact/service</c>.</summary>
    private static string[] ChangedPartTexts(GeneratorRun before, GeneratorRun after) =>
        Changed(Parts(before), Parts(after), (a, b) => a.Sections.SequenceEqual(b.Sections));

    /// <summary>The services whose compose input differs from the last run's (by value: the input is one service's whole render input).</summary>
    private static string[] ChangedComposeInputs(GeneratorRun before, GeneratorRun after)
    {
        static Dictionary<string, ServiceFragmentInput> Of(GeneratorRun run) =>
            InputValues(run).Select(i => i.Compose).ToDictionary(i => i.Name);
        return Changed(Of(before), Of(after), (a, b) => a.Equals(b));
    }

    /// <summary>The parts whose input differs from the last run's (by value), as <c>Artifact/service</c>.</summary>
    private static string[] ChangedPartInputs(GeneratorRun before, GeneratorRun after)
    {
        static Dictionary<string, ServicePartInput> Of(GeneratorRun run) =>
            InputValues(run).SelectMany(i => i.Parts).ToDictionary(i => i.Artifact + "/" + i.Name);
        return Changed(Of(before), Of(after), (a, b) => a.Equals(b));
    }

    private static string ServiceOf(string key) => key[(key.LastIndexOf('/') + 1)..];

    /// <summary>
    /// Exactly the services whose model changed (<paramref name="edited"/>: their model is in every one of their inputs)
    /// or one of whose texts (compose block, parts) changes were rendered again: within their render inputs exactly those
    /// fragments and parts differ, their inputs changed and their steps ran; every other service's input compares equal
    /// to the last run's and its render step did not run.
    /// </summary>
    private static void RerenderedExactly(GeneratorRun first, GeneratorRun second, params string[] edited)
    {
        var texts = ChangedTexts(first, second);
        var partTexts = ChangedPartTexts(first, second);
        Assert.Equal(edited.Union(texts).OrderBy(n => n, StringComparer.Ordinal), ChangedComposeInputs(first, second));
        Assert.Equal(PartsOf(first, edited).Union(PartsOf(second, edited)).Union(partTexts).OrderBy(k => k, StringComparer.Ordinal), ChangedPartInputs(first, second));
        // Their render buckets ran (all of their services), and no other bucket.
        var expected = BucketMates(second, edited.Union(texts).Union(partTexts.Select(ServiceOf)));
        Assert.Equal(expected, ChangedInputs(second));
        Assert.Equal(expected, Rerendered(second));
        Assert.All(Inputs(second).Where(i => !expected.Contains(i.Name)),
            i => Assert.True(i.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, i.Name + ": " + i.Reason));
        Assert.All(Renders(second).Where(r => !expected.Contains(r.Name)), r => Assert.Equal(IncrementalStepRunReason.Cached, r.Reason));
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
    public void Every_service_has_one_render_and_a_cold_run_renders_each_once()
    {
        var (first, _) = Start();
        var renders = Renders(first);
        var services = first.Model().Services.Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray();
        Assert.Equal(services, renders.Select(f => f.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray()); // backup services included
        Assert.All(renders, f => Assert.Equal(IncrementalStepRunReason.New, f.Reason));
        Assert.Equal(services, Inputs(first).Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray());
        // About √n buckets, each holding its services in compose order.
        var buckets = Outputs<RenderBucket>(first, StepNames.ServiceInputs).Select(o => o.Value).ToArray();
        Assert.InRange(buckets.Length, 2, RenderBuckets.CountFor(services.Length));
        Assert.All(buckets, b => Assert.Equal(b.Inputs.Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal), b.Inputs.Select(i => i.Name)));
        var compose = first.Artifact("prod/compose.yaml");
        Assert.All(Fragments(first).Values, f => Assert.Contains(f.Text, compose));
    }

    [Fact]
    public void Editing_one_descriptor_rerenders_only_that_services_bucket()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\"");
        var second = first.Rerun(edited);

        // Exactly one render step ran: the bucket that holds litellm; every other bucket's step is Cached.
        var bucket = BucketMates(second, new[] { "litellm" });
        Assert.True(bucket.Length < Renders(first).Length / 2, string.Join(", ", bucket));
        Assert.Equal(bucket, Rerendered(second));
        Assert.Single(Reasons(second, StepNames.ServiceRenders), r => r != IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, Renders(second).Single(f => f.Name == "litellm").Reason);
        Assert.Equal(Renders(first).Length - bucket.Length, Renders(second).Count(f => f.Reason == IncrementalStepRunReason.Cached));
        // The plan re-ran, so it produced every bucket's inputs again; only the edited one's differ from the last run's.
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, StepNames.ServiceInputs).Where(r => r != IncrementalStepRunReason.Unchanged));
        Assert.Equal(bucket, Inputs(second).Where(i => i.Reason != IncrementalStepRunReason.Unchanged).Select(i => i.Name).OrderBy(n => n, StringComparer.Ordinal));
        Assert.Equal(new[] { "litellm" }, ChangedComposeInputs(first, second));
        // Its block's text changed, and its audit part (the image's checklist line); the map and exposure do not name the image.
        Assert.Equal(new[] { "litellm" }, ChangedTexts(first, second));
        Assert.Equal(new[] { AuditParts.Constant + "/litellm" }, ChangedPartTexts(first, second));
        // Its Caddyfile part inputs hold its model, so they changed; no site names the image, so their texts did not.
        Assert.Equal(Caddyfiles.Select(c => c + "/litellm").OrderBy(k => k, StringComparer.Ordinal), ChangedPartInputs(first, second).Where(IsCaddyfilePart));
        RerenderedExactly(first, second, "litellm");
        // The plan and the join ran once each; the result is what a cold run of the edited code writes.
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, StepNames.RenderPlan));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, Reasons(second, StepNames.Rendered));
        Assert.Contains("main-v1.53.0", second.Artifact("prod/compose.yaml"));
        Assert.Equal(Sources(Cold(edited)), Sources(second));
    }

    [Fact]
    public void Removing_a_link_rerenders_both_ends_and_the_services_whose_text_changes()
    {
        var (first, compilation) = Start();
        Assert.Contains("\"link.open-webui.qdrant\"", first.Artifact("prod/compose.yaml"));
        var edited = Replace(compilation, "[Uses(typeof(Qdrant))]\n", string.Empty);
        var second = first.Rerun(edited);

        // The edit is in open-webui's descriptor, but qdrant's block changes too: it no longer joins the link's network.
        Assert.Equal(new[] { "open-webui", "qdrant" }, ChangedTexts(first, second));
        // No map, exposure or audit line names the link, except the audit's note on a service left without any network.
        Assert.All(ChangedPartTexts(first, second), k => Assert.StartsWith(AuditParts.Constant + "/", k));
        RerenderedExactly(first, second, "open-webui");
        Assert.DoesNotContain("link.open-webui.qdrant", second.Artifact("prod/compose.yaml"));
        Assert.Equal(Sources(Cold(edited)), Sources(second));
    }

    [Fact]
    public void Adding_a_link_to_a_database_rerenders_the_services_whose_text_changes_and_no_other()
    {
        var (first, compilation) = Start();
        Assert.DoesNotContain("link.open-webui.postgres", first.Artifact("prod/compose.yaml"));
        var edited = Replace(compilation, "[Uses(typeof(Qdrant))]\n", "[Uses(typeof(Qdrant))]\n[Uses(typeof(Postgres))]\n");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        // The edit is in open-webui's descriptor; postgres's block changes too (it joins the new link's network), and no
        // other: the stack facts every other block reads (its networks, profiles, secrets, mounts…) are equal.
        Assert.Equal(new[] { "open-webui", "postgres" }, ChangedTexts(first, second));
        RerenderedExactly(first, second, "open-webui");
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
        Assert.Equal(expected, ChangedTexts(first, second));
        Assert.Empty(ChangedPartTexts(first, second)); // no part reads the pids limit
        Assert.Equal(BucketMates(second, expected), Rerendered(second));
        RerenderedExactly(first, second);
        Assert.Contains("pids_limit: 300", compose);
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void Unrelated_edit_renders_no_service()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));
        Assert.All(Reasons(second, StepNames.RenderPlan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.NotEmpty(Inputs(second));
        Assert.All(Inputs(second), i => Assert.Equal(IncrementalStepRunReason.Cached, i.Reason));
        Assert.All(Renders(second), f => Assert.Equal(IncrementalStepRunReason.Cached, f.Reason));
        Assert.Contains(Parts(second).Keys, IsCaddyfilePart); // the Caddyfiles' sites are among the cached renders
        Assert.All(Reasons(second, StepNames.Rendered), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(Sources(first), Sources(second));
    }

    [Fact]
    public void Editing_one_descriptor_checks_its_trees_services_again_and_no_other()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\""));

        // One output per bucket of the trees that declare services; only the edited tree's bucket's check ran again,
        // and of its services only the edited one's model changed.
        Assert.Equal(RuleBuckets.Count, CheckedTrees(first).Length);
        Assert.Equal(first.Model().Services.Where(s => !Generators.Rendering.Backups.BackupPlan.IsGenerated(s)).Select(s => s.Name).OrderBy(n => n, StringComparer.Ordinal),
            IncrementalityTests.Checked(first).Keys.OrderBy(n => n, StringComparer.Ordinal));
        Assert.All(CheckedTrees(first), t => Assert.Equal(IncrementalStepRunReason.New, t.Reason));
        var ran = Assert.Single(CheckedTrees(second), t => t.Reason != IncrementalStepRunReason.Cached);
        Assert.Equal(IncrementalStepRunReason.Modified, ran.Reason);
        var parsed = Assert.Single(Outputs<Generators.Parsing.Trees.TreeParse>(second, StepNames.TreeParse), t => t.Reason == IncrementalStepRunReason.Modified);
        Assert.Subset(ran.Services.ToHashSet(), parsed.Value.Services.Select(p => p.Model!.Name).ToHashSet());
        Assert.True(ran.Services.Length < IncrementalityTests.Checked(second).Count, string.Join(", ", ran.Services)); // not every service
        Assert.Contains("litellm", ran.Services);
        Assert.Equal(new[] { "litellm" }, IncrementalityTests.ChangedModels(first, second));
    }

    [Fact]
    public void A_service_rule_error_still_blocks_the_stack()
    {
        // DMC3005 (a writable Docker socket) is one service's own rule: its per-service check blocks every artifact.
        var run = GeneratorHarness.Run(GeneratorHarness.SampleSources().Select(s => s.Replace("[DockerSocket]", "[DockerSocket(ReadOnly = false)]")).ToArray());
        var build = (StackBuild)run.Result.Results.Single().TrackedSteps[StepNames.StackBuild].Single().Outputs.Single().Value;
        Assert.True(build.HasErrors);
        Assert.DoesNotContain(build.Findings, f => f.Descriptor.Id == "DMC3005"); // reported by ServiceAnalyzer, not by the stack build
        Assert.Single(Outputs<CheckedBucket>(run, StepNames.TreeRules).SelectMany(b => b.Value.Trees).SelectMany(t => t.Services), c => c.HasErrors);
        var manifest = run.Result.GeneratedTrees.Single(t => t.FilePath.EndsWith("Datamancy.Stack.g.cs", StringComparison.Ordinal)).ToString();
        Assert.Contains("public const bool Blocked = true;", manifest);
    }

    [Fact]
    public void Unrelated_edit_checks_no_service()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));
        Assert.NotEmpty(IncrementalityTests.Checked(second));
        Assert.All(CheckedTrees(second), t => Assert.Equal(IncrementalStepRunReason.Cached, t.Reason));
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

    private static readonly string[] PartedTexts = { NetworkMapParts.Constant, ExposureParts.Constant, AuditParts.Constant };

    /// <summary>The Caddyfiles' keys: one text per environment under one constant name, so each is keyed by its path.</summary>
    private static readonly string[] Caddyfiles = { "dev/Caddyfile", "prod/Caddyfile", "local/Caddyfile" };

    private static bool IsCaddyfilePart(string key) => Caddyfiles.Any(c => key.StartsWith(c + "/", StringComparison.Ordinal));

    /// <summary>The texts that list a service, in the plan's order: every text but the Caddyfiles, which list only services with a UI or API host.</summary>
    private static string[] TextsOf(Generators.Model.ServiceModel service) =>
        service.Ui is null && service.Api is null ? PartedTexts : PartedTexts.Concat(Caddyfiles).ToArray();

    /// <summary>Every part key of <paramref name="services"/> in the run's model.</summary>
    private static string[] PartsOf(GeneratorRun run, params string[] services) =>
        run.Model().Services.Where(s => services.Contains(s.Name)).SelectMany(s => TextsOf(s).Select(t => t + "/" + s.Name)).OrderBy(k => k, StringComparer.Ordinal).ToArray();

    [Fact]
    public void Every_service_has_one_part_per_parted_text_in_its_render()
    {
        var (first, _) = Start();
        var models = first.Model().Services.ToDictionary(s => s.Name);
        var services = models.Keys.ToArray();
        Assert.Equal(PartsOf(first, services), Parts(first).Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        // Each render holds its own service's parts, one per text that lists it, in the plan's text order, and its input one part input per part.
        Assert.All(RenderValues(first), r =>
        {
            Assert.Equal(TextsOf(models[r.Name]), r.Parts.Select(p => p.Artifact));
            Assert.All(r.Parts, p => Assert.Equal(r.Name, p.Name));
        });
        Assert.All(InputValues(first), i =>
            Assert.Equal(TextsOf(models[i.Name]).Select(t => t + "/" + i.Name), i.Parts.Select(p => p.Artifact + "/" + p.Name)));
        // Each part's text stands in its artifact as the part rendered it (a Caddyfile's key is its path).
        var paths = new Dictionary<string, string> { [NetworkMapParts.Constant] = "prod/network-map.md", [ExposureParts.Constant] = "prod/exposure.json", [AuditParts.Constant] = "prod/SECURITY-AUDIT.md" };
        foreach (var part in Parts(first).Values)
        {
            Assert.Null(part.Error);
            Assert.All(part.Sections, section => Assert.Contains(section, first.Artifact(paths.TryGetValue(part.Artifact, out var path) ? path : part.Artifact)));
        }
        Assert.Contains(AuditParts.Constant + "/litellm", Parts(first).Keys);
        // A service with neither a UI nor an API host has no Caddyfile part; litellm has both sites in each Caddyfile's part.
        Assert.DoesNotContain(Parts(first).Keys, k => IsCaddyfilePart(k) && ServiceOf(k) == "postgres");
        Assert.All(Caddyfiles, c =>
        {
            var sites = Parts(first)[c + "/litellm"].Sections.Single();
            Assert.StartsWith("\nlitellm.project-saturn.com {", sites);
            Assert.Single(sites.Split("\n}\n\n"), site => site.Contains("@outside_allowlist", StringComparison.Ordinal));
        });
    }

    [Fact]
    public void Editing_one_services_host_rerenders_the_services_whose_text_changes_and_no_other()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "[UiHost(\"litellm\")]", "[UiHost(\"llm\")]");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        // litellm's route, host entry and checklist lines change; the ingress's hairpin aliases in the map too when it has them.
        var expected = ChangedPartTexts(first, second);
        Assert.Contains(NetworkMapParts.Constant + "/litellm", expected);
        Assert.Contains(ExposureParts.Constant + "/litellm", expected);
        Assert.Contains(AuditParts.Constant + "/litellm", expected);
        Assert.All(expected, k => Assert.True(k.EndsWith("/litellm", StringComparison.Ordinal) || k == NetworkMapParts.Constant + "/caddy", k));
        Assert.All(ChangedTexts(first, second), name => Assert.True(name is "litellm" or "caddy", name));
        // Of the Caddyfiles' parts, exactly litellm's sites in each environment change.
        Assert.Equal(Caddyfiles.Select(c => c + "/litellm").OrderBy(k => k, StringComparer.Ordinal), expected.Where(IsCaddyfilePart));
        RerenderedExactly(first, second, "litellm");
        Assert.Contains("llm.project-saturn.com", second.Artifact("prod/network-map.md"));
        Assert.All(Caddyfiles, c => Assert.Contains("\n\nllm.project-saturn.com {\n", second.Artifact(c)));
        Assert.All(Caddyfiles, c => Assert.DoesNotContain("\nlitellm.project-saturn.com {", second.Artifact(c)));
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void Editing_one_services_API_host_changes_only_its_Caddyfile_parts()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "[ApiHost(ApiKeySecret = \"LITELLM_MASTER_KEY\")]", "[ApiHost(Subdomain = \"llm-api\", ApiKeySecret = \"LITELLM_MASTER_KEY\")]");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        // litellm's sites change in each environment's Caddyfile and no other service's; the ingress renders again only
        // when the host is among its hairpin aliases (its compose block or map part changes, which RerenderedExactly checks).
        var changed = ChangedPartTexts(first, second);
        Assert.Equal(Caddyfiles.Select(c => c + "/litellm").OrderBy(k => k, StringComparer.Ordinal), changed.Where(IsCaddyfilePart));
        Assert.All(changed, k => Assert.True(k.EndsWith("/litellm", StringComparison.Ordinal) || k == NetworkMapParts.Constant + "/caddy", k));
        Assert.All(Rerendered(second), name => Assert.Contains(name, BucketMates(second, new[] { "litellm", "caddy" })));
        RerenderedExactly(first, second, "litellm");
        Assert.All(Caddyfiles, c => Assert.Contains("\n\nllm-api.project-saturn.com {\n", second.Artifact(c)));
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void The_SSO_upstream_changes_the_Caddyfiles_plan_text_and_no_services_sites()
    {
        var (first, compilation) = Start();
        // The (authelia) snippet and the portal's site are the plan's; only an API whose bearer Authelia verifies reads
        // the upstream in its sites, and the sample has none.
        var edited = Replace(compilation, "Port = 9091, Role = ServiceRole.Sso", "Port = 9092, Role = ServiceRole.Sso");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        Assert.DoesNotContain(ChangedPartInputs(first, second), IsCaddyfilePart); // authelia has no site of its own
        RerenderedExactly(first, second, "authelia");
        Assert.Contains("forward_auth authelia:9092 {", second.Artifact("prod/Caddyfile"));
        Assert.All(Caddyfiles, c => Assert.Contains("authelia:9092", second.Artifact(c)));
        Assert.All(Caddyfiles, c => Assert.DoesNotContain("authelia:9091", second.Artifact(c)));
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void A_stack_fact_rerenders_exactly_the_services_whose_text_reads_it()
    {
        var (first, compilation) = Start();
        // The domain is in every routed host: the map's, exposure's and audit's parts of services with a UI or API host
        // change, the other services' parts do not.
        var edited = Replace(compilation, "[Stack(\"datamancy\", \"project-saturn.com\"", "[Stack(\"datamancy\", \"project-jupiter.com\"");
        var cold = Cold(edited);
        Assert.Empty(cold.Errors);
        var second = first.Rerun(edited);

        var routed = second.Model().Services.Where(s => s.Ui is not null || s.Api is not null).Select(s => s.Name).ToArray();
        Assert.NotEmpty(routed);
        var expected = ChangedPartTexts(first, second);
        Assert.All(routed, name => Assert.Contains(NetworkMapParts.Constant + "/" + name, expected));
        Assert.All(routed, name => Assert.Contains(ExposureParts.Constant + "/" + name, expected));
        Assert.All(routed, name => Assert.Contains(AuditParts.Constant + "/" + name, expected));
        Assert.All(expected, k => Assert.Contains(ServiceOf(k), routed));
        Assert.True(expected.Length < Parts(first).Count / 2, string.Join(", ", expected));
        RerenderedExactly(first, second);
        Assert.Contains(Renders(second), r => r.Reason == IncrementalStepRunReason.Cached);
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void An_edit_that_flips_a_checklist_status_changes_the_status_and_renders_only_the_edited_services_bucket()
    {
        const string item = "Images up to date";
        var (first, compilation) = Start();
        Assert.Contains("| " + item + " | pass |", first.Artifact("prod/SECURITY-AUDIT.md"));
        // A floating tag is a warning (the stack still renders) and fails the item, whose status reads every service.
        var unpinned = Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:latest\"");
        var second = first.Rerun(unpinned);

        var audit = second.Artifact("prod/SECURITY-AUDIT.md");
        Assert.Contains("| " + item + " | fail |", audit);
        Assert.Contains("## " + item + "\n\nStatus: **fail**", audit);
        Assert.Contains("- litellm: `ghcr.io/berriai/litellm:latest` NOT pinned to a version", audit);
        // The status and the heading are the plan's; the failing line is the edited service's own part, and no other part ran.
        Assert.Equal(new[] { AuditParts.Constant + "/litellm" }, ChangedPartTexts(first, second));
        RerenderedExactly(first, second, "litellm");
        Assert.Equal(BucketMates(second, new[] { "litellm" }), Rerendered(second));
        Assert.Equal(Sources(Cold(unpinned)), Sources(second));

        // Pinned again, the item passes again; still only the edited service renders.
        var third = second.Rerun(compilation);
        Assert.Contains("| " + item + " | pass |", third.Artifact("prod/SECURITY-AUDIT.md"));
        RerenderedExactly(second, third, "litellm");
        Assert.Equal(BucketMates(third, new[] { "litellm" }), Rerendered(third));
        Assert.Equal(Sources(first), Sources(third));
    }

    /// <summary>Each bucket check's service names and why it was (not) run again.</summary>
    private static (string[] Services, IncrementalStepRunReason Reason)[] CheckedTrees(GeneratorRun run) =>
        Outputs<CheckedBucket>(run, StepNames.TreeRules).Select(o => (o.Value.Trees.SelectMany(t => t.Services).Select(c => c.Model.Name).ToArray(), o.Reason)).ToArray();

    [Theory]
    [InlineData(typeof(RenderPlan))]
    [InlineData(typeof(ServiceRender))]
    [InlineData(typeof(ServiceRenderInput))]
    [InlineData(typeof(RenderBucket))]
    [InlineData(typeof(RenderedBucket))]
    [InlineData(typeof(ManifestContent))]
    [InlineData(typeof(ManifestIndex))]
    [InlineData(typeof(TextJoin))]
    [InlineData(typeof(JoinedText))]
    [InlineData(typeof(NamedLocals))]
    [InlineData(typeof(CheckedTree))]
    [InlineData(typeof(CheckedBucket))]
    public void The_render_steps_hold_no_Roslyn_object_and_no_position(Type root)
    {
        // The same walk as ModelPurityTests, over the values the plan and fragment steps cache.
        var purity = new ModelPurityTests();
        purity.No_Roslyn_object_is_reachable(root);
        purity.What_renders_holds_no_position(root);
    }
}
