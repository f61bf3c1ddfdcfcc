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
        Assert.DoesNotContain("link.open-webui.qdrant", second.Artifact("prod/compose.yaml"));
        Assert.Equal(Sources(Cold(edited)), Sources(second));
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
        Assert.Contains("pids_limit: 300", compose);
        Assert.Equal(Sources(cold), Sources(second));
    }

    [Fact]
    public void Unrelated_edit_renders_no_fragment()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));
        Assert.All(Reasons(second, StepNames.RenderPlan), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Fragments(second), f => Assert.Equal(IncrementalStepRunReason.Cached, f.Reason));
        Assert.All(Reasons(second, StepNames.Rendered), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.Equal(Sources(first), Sources(second));
    }

    /// <summary>Each artifact's manifest file: its content and why it was (not) produced again.</summary>
    private static (ManifestContent Content, IncrementalStepRunReason Reason)[] Contents(GeneratorRun run) =>
        run.Result.Results.Single().TrackedSteps[StepNames.ManifestContents].SelectMany(s => s.Outputs)
            .Select(o => ((ManifestContent)o.Value, o.Reason)).ToArray();

    [Fact]
    public void Editing_one_descriptor_checks_that_services_rules_again_and_no_other()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\""));

        // One output per declared service; only the edited one ran again (its verdict is equal, so Unchanged).
        var before = Reasons(first, StepNames.ServiceRules);
        var after = Reasons(second, StepNames.ServiceRules);
        Assert.Equal(first.Model().Services.Count(s => !Generators.Rendering.Backups.BackupPlan.IsGenerated(s)), before.Length);
        Assert.All(before, r => Assert.Equal(IncrementalStepRunReason.New, r));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, after.Where(r => r != IncrementalStepRunReason.Cached).ToArray());
        Assert.Equal(before.Length - 1, after.Count(r => r == IncrementalStepRunReason.Cached));
    }

    [Fact]
    public void Editing_one_descriptor_reemits_only_the_artifacts_whose_text_changed()
    {
        var (first, compilation) = Start();
        var edited = Replace(compilation, "\"ghcr.io/berriai/litellm:main-v1.52.0\"", "\"ghcr.io/berriai/litellm:main-v1.53.0\"");
        var second = first.Rerun(edited);

        var old = Contents(first).ToDictionary(c => c.Content.Index, c => c.Content);
        var now = Contents(second);
        Assert.Equal(old.Keys.OrderBy(i => i), now.Select(c => c.Content.Index).OrderBy(i => i));
        var changed = now.Where(c => c.Content.Content != old[c.Content.Index].Content).Select(c => c.Content.Path).OrderBy(p => p, StringComparer.Ordinal).ToArray();
        // dev's compose.yaml carries the text; prod's is the same text, so it names dev's and stays as it was.
        Assert.Contains("dev/compose.yaml", changed);
        Assert.DoesNotContain("prod/compose.yaml", changed);
        Assert.True(now.Single(c => c.Content.Path == "prod/compose.yaml").Content.SameAs >= 0);
        Assert.Contains("main-v1.53.0", second.Artifact("prod/compose.yaml"));
        Assert.DoesNotContain("prod/Caddyfile", changed);
        // The step runs again (its input, the whole rendered stack, changed); an artifact whose text is equal comes out
        // Unchanged, so its source output does not run: the generated file is the very text of the first run. (Roslyn
        // still parses every generated file of the run again; sharing dev's and prod's equal texts halves that.)
        Assert.All(now, c => Assert.Equal(changed.Contains(c.Content.Path) ? IncrementalStepRunReason.Modified : IncrementalStepRunReason.Unchanged, c.Reason));
        var oldFiles = first.Result.Results.Single().GeneratedSources.ToDictionary(g => g.HintName);
        var newFiles = second.Result.Results.Single().GeneratedSources.ToDictionary(g => g.HintName);
        foreach (var (content, _) in now)
        {
            var hint = "Datamancy.Artifact." + content.Index + ".g.cs";
            Assert.Equal(!changed.Contains(content.Path), ReferenceEquals(oldFiles[hint].SourceText, newFiles[hint].SourceText));
        }
        Assert.Equal(Sources(Cold(edited)), Sources(second));
    }

    [Fact]
    public void Unrelated_edit_checks_no_service_and_reemits_no_artifact()
    {
        var (first, compilation) = Start();
        var second = first.Rerun(Replace(compilation, "var x = 40; return x + 2;", "var x = 41; return x + 1;"));
        Assert.All(Reasons(second, StepNames.ServiceRules), r => Assert.Equal(IncrementalStepRunReason.Cached, r));
        Assert.All(Contents(second), c => Assert.Equal(IncrementalStepRunReason.Cached, c.Reason));
        Assert.NotEmpty(Contents(second));
    }

    [Fact]
    public void Every_artifact_has_its_own_manifest_file_and_a_blocked_stack_has_none()
    {
        var (first, _) = Start();
        var contents = Contents(first).Select(c => c.Content).OrderBy(c => c.Index).ToArray();
        // The compiled manifest (read back from the assembly's metadata) has every artifact's text, shared ones included.
        Assert.Equal(first.Artifacts.Select(a => (a.Path, a.Content)), contents.Select(c => (c.Path, c.SameAs >= 0 ? contents[c.SameAs].Content : c.Content)));
        Assert.Equal(contents.Length, Sources(first).Keys.Count(k => k.StartsWith("Datamancy.Artifact.", StringComparison.Ordinal)));
        // Each text is carried once: a shared one names an earlier artifact with the same text, and no two carried texts are equal.
        Assert.Contains(contents, c => c.SameAs >= 0);
        Assert.All(contents.Where(c => c.SameAs >= 0), c => Assert.True(c.SameAs < c.Index && contents[c.SameAs].SameAs < 0 && c.Content.Length == 0));
        var carried = contents.Where(c => c.SameAs < 0).Select(c => c.Content).ToList();
        Assert.Equal(carried.Count, carried.Distinct(StringComparer.Ordinal).Count());

        var blocked = GeneratorHarness.Run(GeneratorHarness.SampleSources().Select(s => s.Replace("[DockerSocket]", "[DockerSocket(ReadOnly = false)]")).ToArray());
        Assert.DoesNotContain(blocked.Result.GeneratedTrees, t => t.FilePath.Contains("Datamancy.Artifact.", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(typeof(RenderPlan))]
    [InlineData(typeof(ServiceFragment))]
    [InlineData(typeof(ManifestContent))]
    public void The_render_steps_hold_no_Roslyn_object_and_no_position(Type root)
    {
        // The same walk as ModelPurityTests, over the values the plan and fragment steps cache.
        var purity = new ModelPurityTests();
        purity.No_Roslyn_object_is_reachable(root);
        purity.What_renders_holds_no_position(root);
    }
}
