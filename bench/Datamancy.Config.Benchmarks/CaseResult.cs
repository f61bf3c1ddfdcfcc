namespace Datamancy.Config.Benchmarks;

/// <summary>One case at one size: mean time per operation and bytes allocated per operation.</summary>
public sealed record CaseResult(string Case, int Services, double MeanNanoseconds, long AllocatedBytes);
