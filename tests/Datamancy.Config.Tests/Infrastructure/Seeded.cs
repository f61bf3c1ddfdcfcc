using CsCheck;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>
/// Deterministic samples of a CsCheck generator: value i is drawn from stream i of one seed, so CI sees the same cases on
/// every run and a failure names the seed and index that reproduce it. Long runs set another seed or count through the
/// environment (DATAMANCY_FUZZ_SEED and the test's own count variable).
/// </summary>
internal static class Seeded
{
    public static ulong Seed => (ulong)Setting("DATAMANCY_FUZZ_SEED", 20261125);

    public static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    public static T At<T>(Gen<T> gen, ulong seed, int index) => gen.Generate(new PCG((uint)index, seed), null, out _);

    public static IEnumerable<T> Values<T>(Gen<T> gen, ulong seed, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return At(gen, seed, i);
        }
    }

    /// <summary>Runs <paramref name="check"/> on <paramref name="count"/> values; a failure names the seed, index and value.</summary>
    public static void ForEach<T>(Gen<T> gen, ulong seed, int count, Action<T> check)
    {
        for (var i = 0; i < count; i++)
        {
            var value = At(gen, seed, i);
            try
            {
                check(value);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException("seed " + seed + ", index " + i + ": " + value + "\n" + e.Message, e);
            }
        }
    }
}
