using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Emission;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Fuzzing;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// The render plan reads the stack with local fields blanked (LocalFields) and the buckets put them back. These tests
/// prove that this changes no byte of any artifact: the pipeline's artifacts equal the whole-model renderer's
/// (<see cref="StackRenderer.RenderAll"/>, which blanks nothing) over every test stack and the fuzzer's stacks.
/// </summary>
public sealed class LocalFieldsTests
{
    private const int FuzzStacks = 300;

    private const string Homelab = "real-homelab";

    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_test_stack_renders_the_same_with_local_fields_blanked(string name) =>
        AssertSameAsWholeModel(TestStacks.Run(name).Result, name);

    [Fact]
    public void The_fuzzers_stacks_render_the_same_with_local_fields_blanked()
    {
        var compared = 0;
        var blanked = 0;
        for (var i = 0; i < FuzzStacks; i++)
        {
            var stack = FuzzTests.StackAt(FuzzGen.Clean, Seeded.Seed + 7, i);
            var source = stack.ToSource();
            try
            {
                var result = GeneratorOnlyHarness.RunGeneratorOnly(source).Result;
                if (AssertSameAsWholeModel(result, "fuzz " + i))
                {
                    compared++;
                    var model = Build(result).Model!;
                    blanked += ReferenceEquals(LocalFields.Blank(model), model) ? 0 : 1;
                }
            }
            catch (Exception failure)
            {
                throw new Xunit.Sdk.XunitException("seed " + (Seeded.Seed + 7) + ", iteration " + i + ": " + failure.Message + "\n" + source);
            }
        }
        Assert.True(compared > FuzzStacks / 20, "too few rendered stacks to compare: " + compared);
        Assert.True(blanked > compared / 2, "too few stacks with a blanked field: " + blanked + " of " + compared);
    }

    [Fact]
    public void A_blanked_image_keeps_what_stack_level_texts_read_of_it()
    {
        Assert.True(ValueRules.IsPinned(LocalFields.PinnedImage));
        Assert.False(ValueRules.IsPinned(LocalFields.FloatingImage));
        var model = Build(TestStacks.Run(Homelab).Result).Model!;
        var blanked = LocalFields.Blank(model);
        var locals = LocalFields.ByName(LocalFields.Of(model));
        // Databases, the directory and the ingress keep their images (the dump engine, the bootstrap, the Caddy rule); the others are blanked.
        Assert.All(blanked.Services.Zip(model.Services), pair =>
        {
            var (b, s) = pair;
            var kept = s.Role is Generators.Model.ServiceRole.Database or Generators.Model.ServiceRole.Directory or Generators.Model.ServiceRole.Ingress;
            Assert.Equal(kept ? s.Image : ValueRules.IsPinned(s.Image) ? LocalFields.PinnedImage : LocalFields.FloatingImage, b.Image);
            Assert.Equal(s with { Image = b.Image }, b);
            Assert.Equal(s, LocalFields.Restore(b, locals.TryGetValue(s.Name, out var l) ? l : ServiceLocals.None));
        });
        Assert.Contains(model.Services, s => s.Role == Generators.Model.ServiceRole.Database);
        Assert.Contains(model.Services, s => s.Role == Generators.Model.ServiceRole.Directory);
    }

    [Fact]
    public void A_stack_with_Kubernetes_manifests_blanks_nothing()
    {
        // The manifests list every image in the stack-level text, so a Kubernetes stack's plan reads the whole model.
        var model = Build(TestStacks.Run("sample").Result).Model!;
        Assert.True(model.Settings.Kubernetes);
        Assert.Same(model, LocalFields.Blank(model));
        Assert.Empty(LocalFields.Of(model));
    }

    [Fact]
    public void An_image_edit_keeps_the_plan_and_a_database_image_edit_does_not()
    {
        var first = GeneratorHarness.Run(TestStacks.Sources(Homelab));
        Assert.Empty(first.Errors);
        var compilation = first.Input;
        var edited = IncrementalityTests.Replace(compilation, "\"vaultwarden/server:1.32.7\"", "\"vaultwarden/server:1.32.8\"");
        var second = first.Rerun(edited);
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalityTests.Reasons(second, StepNames.StackDraft));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, IncrementalityTests.Reasons(second, StepNames.PlannedDraft));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, IncrementalityTests.Reasons(second, StepNames.StackRules));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, IncrementalityTests.Reasons(second, StepNames.PlannedBuild));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, IncrementalityTests.Reasons(second, StepNames.RenderPlan));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalityTests.Reasons(second, StepNames.LocalFields));
        Assert.Single(IncrementalityTests.Reasons(second, StepNames.ServiceRenders), r => r != IncrementalStepRunReason.Cached);
        Assert.Contains("vaultwarden/server:1.32.8", second.Artifact("prod/compose.yaml"));
        Assert.Contains("vaultwarden: `vaultwarden/server:1.32.8`", second.Artifact("prod/SECURITY-AUDIT.md"));
        Assert.DoesNotContain("datamancy.invalid", second.Artifact("prod/compose.yaml"));
        AssertSameAsWholeModel(second.Result, "edited image");
        Assert.Equal(GeneratorHarness.Run(TestStacks.Sources(Homelab).Select(s => s.Replace("vaultwarden/server:1.32.7", "vaultwarden/server:1.32.8")).ToArray()).Artifacts, second.Artifacts);

        // An unpinned image changes the audit's verdict, which is stack-level: the plan runs again.
        var floating = first.Rerun(IncrementalityTests.Replace(compilation, "\"vaultwarden/server:1.32.7\"", "\"vaultwarden/server:latest\""));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalityTests.Reasons(floating, StepNames.RenderPlan));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalityTests.Reasons(floating, StepNames.PlannedDraft));
        AssertSameAsWholeModel(floating.Result, "floating image");

        // A database's image chooses its dump engine and the dump service's image: the plan runs again.
        var database = first.Rerun(IncrementalityTests.Replace(compilation, "[Service(\"postgres\", \"postgres:16.6-alpine\"", "[Service(\"postgres\", \"postgres:16.7-alpine\""));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalityTests.Reasons(database, StepNames.RenderPlan));
        AssertSameAsWholeModel(database.Result, "edited database image");
        Assert.Contains("postgres:16.7-alpine", database.Artifact("prod/compose.yaml"));
    }

    private static StackBuild Build(GeneratorDriverRunResult result) =>
        (StackBuild)result.Results.Single().TrackedSteps[StepNames.StackBuild].Single().Outputs.Single().Value;

    [Fact]
    public void The_stack_wide_rules_find_the_same_over_the_planned_model_for_hostile_stacks_too()
    {
        var withFindings = 0;
        for (var i = 0; i < FuzzStacks; i++)
        {
            var source = FuzzTests.StackAt(FuzzGen.Hostile, Seeded.Seed + 11, i).ToSource();
            var build = Build(GeneratorOnlyHarness.RunGeneratorOnly(source).Result);
            if (build.Model is null)
            {
                continue;
            }
            AssertSameRules(build, "hostile " + i);
            withFindings += build.Findings.Count > 0 ? 1 : 0;
        }
        Assert.True(withFindings > FuzzStacks / 10, "too few stacks with stack-wide findings: " + withFindings);
    }

    /// <summary>The stack-wide rules find the same over the planned model as over the declared one: findings and verdict.</summary>
    private static void AssertSameRules(StackBuild build, string name)
    {
        var whole = Generators.Validation.StackValidator.Validate(build.Model!, checkServices: false);
        var planned = Generators.Validation.StackValidator.Validate(LocalFields.Blank(build.Model!), checkServices: false);
        Assert.True(whole.Equals(planned), name + ": the stack-wide rules differ over the planned model");
    }

    /// <summary>The pipeline's artifacts and manifest secrets equal the whole-model renderer's; false when nothing was rendered.</summary>
    private static bool AssertSameAsWholeModel(GeneratorDriverRunResult result, string name)
    {
        var build = Build(result);
        if (build.Model is not null)
        {
            AssertSameRules(build, name);
        }
        var rendered = (RenderedStack)result.Results.Single().TrackedSteps[StepNames.Rendered].Single().Outputs.Single().Value;
        if (build.Model is null || rendered.Blocked || rendered.Artifacts.Count == 0)
        {
            return false;
        }
        var whole = StackRenderer.RenderAll(build.Model);
        Assert.True(whole.Select(a => a.Path).SequenceEqual(rendered.Artifacts.Select(a => a.Path)), name + ": the artifacts differ");
        foreach (var (expected, actual) in whole.Zip(rendered.Artifacts))
        {
            Assert.True(expected.Content == actual.Content, name + ": " + expected.Path + " differs with local fields blanked");
        }
        var secrets = SecretSpecs.Of(StackMemo.Of(build.Model).Extended).Select(s => s.ToManifestLine());
        Assert.Equal(secrets, ManifestIndex.Of(rendered, ManifestContent.Of(rendered)).Secrets);
        return true;
    }
}
