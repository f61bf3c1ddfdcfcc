using System.Collections.Immutable;
using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>One join per text, one generated file per carried text: an edit joins and writes only what it changed.</summary>
public sealed class TextJoinsTests
{
    private static T[] Values<T>(GeneratorRun run, string step) =>
        run.Result.Results.Single().TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => (T)o.Value).ToArray();

    [Fact]
    public void An_image_edit_joins_and_writes_only_compose_and_the_audit_again()
    {
        var first = GeneratorHarness.Run(TestStacks.Sources("real-homelab"));
        var second = first.Rerun(IncrementalityTests.Replace(first.Input, "\"vaultwarden/server:1.32.7\"", "\"vaultwarden/server:1.32.8\""));

        var joins = second.Result.Results.Single().TrackedSteps[StepNames.JoinedTexts].SelectMany(s => s.Outputs).ToArray();
        var rejoined = joins.Where(o => o.Reason != IncrementalStepRunReason.Cached).Select(o => ((JoinedText)o.Value).Key).ToArray();
        Assert.Equal(new[] { StackRenderer.ComposeConstant, AuditParts.Constant }, rejoined);
        Assert.True(joins.Length > 5, "one join per text: " + joins.Length);

        // The main file is unchanged; of the carried texts' files, compose.yaml's and the audit's are written again.
        Assert.All(IncrementalityTests.Reasons(second, StepNames.ManifestIndex), r => Assert.True(r is IncrementalStepRunReason.Unchanged or IncrementalStepRunReason.Cached, r.ToString()));
        var written = second.Result.Results.Single().TrackedSteps[StepNames.ManifestTexts].SelectMany(s => s.Outputs)
            .Where(o => o.Reason != IncrementalStepRunReason.Cached && o.Reason != IncrementalStepRunReason.Unchanged).Select(o => ((Generators.Emission.ManifestContent)o.Value).Path).ToArray();
        Assert.Equal(new[] { "dev/compose.yaml", "dev/SECURITY-AUDIT.md" }, written);
        Assert.Equal(GeneratorHarness.Run(TestStacks.Sources("real-homelab").Select(s => s.Replace("vaultwarden/server:1.32.7", "vaultwarden/server:1.32.8")).ToArray()).Artifacts, second.Artifacts);
    }

    [Fact]
    public void Renders_that_do_not_fit_the_plan_block_the_stack_with_an_internal_error_not_a_generator_failure()
    {
        var run = TestStacks.Run("real-homelab");
        var plan = Values<RenderPlan>(run, StepNames.RenderPlan).Single();
        var buckets = Values<RenderedBucket>(run, StepNames.ServiceRenders);
        var full = buckets.First(b => b.Renders.Count > 0);

        var joins = TextJoins.Of(plan, buckets.Append(full));
        var failed = Assert.Single(joins);
        var joined = TextJoins.Join(failed);
        Assert.StartsWith("InvalidOperationException|", joined.Error);
        var rendered = RenderedStack.Join(plan, new[] { joined }.ToImmutableArray(), plan.Model);
        Assert.True(rendered.Blocked);
        Assert.Empty(rendered.Artifacts);
        Assert.Equal(joined.Error, rendered.InternalError);

        // Put back as they are, the same buckets join to the run's own texts.
        var texts = TextJoins.Of(plan, buckets).Select(TextJoins.Join).ToImmutableArray();
        Assert.All(texts, t => Assert.Null(t.Error));
        Assert.Equal(Values<RenderedStack>(run, StepNames.Rendered).Single().Artifacts, RenderedStack.Join(plan, texts, plan.Model).Artifacts);
    }
}
