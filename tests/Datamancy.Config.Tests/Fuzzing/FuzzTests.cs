using CsCheck;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Tests.Fuzzing;

/// <summary>
/// Seeded, reproducible property tests over random descriptor sets with hostile strings.
/// DATAMANCY_FUZZ_ITERATIONS sets the count (CI default below; the full run is in docs/verification.md).
/// A failure names its seed and iteration: rerun with DATAMANCY_FUZZ_SEED and DATAMANCY_FUZZ_START.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int CiIterations = 1500;

    private static ulong Seed => Seeded.Seed;

    public static FuzzStack StackAt(FuzzGen gen, ulong seed, int iteration) => Seeded.At(gen.Stack, seed, iteration);

    [Fact]
    public void Random_stacks_never_crash_the_generator_and_clean_ones_parse_back_to_their_facts()
    {
        var start = Seeded.Setting("DATAMANCY_FUZZ_START", 0);
        var count = Seeded.Setting("DATAMANCY_FUZZ_ITERATIONS", CiIterations);
        var clean = 0;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = start; i < start + count; i++)
        {
            var stack = StackAt(i % 2 == 0 ? FuzzGen.Hostile : FuzzGen.Clean, Seed, i);
            try
            {
                clean += FuzzFacts.Check(stack, GeneratorOnlyHarness.RunGeneratorOnly(stack.ToSource())) ? 1 : 0;
            }
            catch (Exception failure)
            {
                throw new Xunit.Sdk.XunitException("seed " + Seed + ", iteration " + i + ": " + failure.Message + "\n" + stack.ToSource() + "\n" + failure);
            }
        }
        output.WriteLine($"fuzz: {count} stacks from seed {Seed}, {clean} without errors, {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(clean > count / 20, "too few clean stacks to check facts: " + clean);
    }

    [Fact]
    public void A_blocked_stack_reported_by_the_analyzers_is_also_blocked_for_the_generator()
    {
        // The fast path above trusts the generator's Blocked flag; here the full build (analyzers included) agrees with it.
        for (var i = 0; i < 60; i++)
        {
            var source = StackAt(FuzzGen.Hostile, Seed + 2, i).ToSource();
            var full = GeneratorHarness.Run(source);
            var fast = GeneratorOnlyHarness.RunGeneratorOnly(source);
            Assert.Equal(full.Errors.Any(), fast.Manifest!.Blocked);
            Assert.Equal(full.Artifacts.Select(a => a.Content), fast.Artifacts.Select(a => a.Content));
        }
    }

    [SkippableFact]
    public void Caddy_accepts_the_caddyfiles_of_200_clean_random_stacks()
    {
        var caddy = Tools.Require("caddy", "apt-get install -y caddy");
        using var folder = new TempFolder();
        var checkedCount = 0;
        for (var i = 0; checkedCount < 200 && i < 2_000; i++)
        {
            var run = GeneratorHarness.Run(StackAt(FuzzGen.Clean, Seed + 1, i).ToSource());
            if (run.Manifest is not { Blocked: false })
            {
                continue;
            }
            var path = folder.Write("Caddyfile", run.Artifact("prod/Caddyfile"));
            var result = Tools.Run(caddy, new[] { "adapt", "--config", path, "--adapter", "caddyfile", "--validate" });
            Assert.True(result.ExitCode == 0, "iteration " + i + ": " + result.StandardError + "\n" + run.Artifact("prod/Caddyfile"));
            checkedCount++;
        }
        Assert.Equal(200, checkedCount);
    }
}
