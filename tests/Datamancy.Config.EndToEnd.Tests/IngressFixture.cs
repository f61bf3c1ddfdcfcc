using System.Collections.Concurrent;
using Datamancy.Config.EndToEnd.Tests.Ingress;
using Datamancy.Config.EndToEnd.Tests.Proof;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.EndToEnd.Tests;

/// <summary>
/// Starts one <see cref="IngressRun"/> per stack and allowlist setting on first use and stops every one of them
/// when the test class ends, whether its tests passed or failed.
/// </summary>
public sealed class IngressFixture : IAsyncLifetime
{
    public const string CaddyInstall = "apt-get install -y caddy";

    private readonly ConcurrentDictionary<(string Stack, AllowlistSetting Setting), Lazy<Task<IngressRun>>> runs = new();

    /// <summary>The running proof environment; skips locally (fails under CI=true) when caddy is missing.</summary>
    public Task<IngressRun> Run(string stack, AllowlistSetting setting = AllowlistSetting.AllowedClientOnly)
    {
        var caddy = Tools.Require("caddy", CaddyInstall);
        return runs.GetOrAdd((stack, setting), key => new Lazy<Task<IngressRun>>(() => IngressRun.StartAsync(caddy, StackArtifacts.Load(key.Stack), key.Setting))).Value;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var run in runs.Values.Where(r => r.IsValueCreated))
        {
            try
            {
                await (await run.Value).DisposeAsync();
            }
            catch (Exception) when (run.Value.IsFaulted)
            {
                // A run that failed to start stopped what it had started before it threw.
            }
        }
    }
}
