using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Datamancy.Config.EndToEnd.Tests.Stubs;

/// <summary>
/// One in-process Kestrel server on loopback that plays several stubs, one per port: the request's local
/// port says which stub answers. Every request is recorded before it is answered.
/// </summary>
public sealed class StubServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<RecordedRequest> received = new();

    private StubServer(WebApplication app) => this.app = app;

    public IReadOnlyCollection<RecordedRequest> Received => received;

    public IEnumerable<RecordedRequest> ReceivedBy(string stub) => received.Where(r => r.Stub == stub);

    /// <summary>Starts the server; <paramref name="stubs"/> maps each port to the stub's name and handler.</summary>
    public static async Task<StubServer> StartAsync(IReadOnlyDictionary<int, (string Name, Func<HttpContext, Task> Handle)> stubs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            foreach (var port in stubs.Keys)
            {
                options.Listen(IPAddress.Loopback, port);
            }
        });
        var app = builder.Build();
        var server = new StubServer(app);
        app.Run(async context =>
        {
            var (name, handle) = stubs[context.Connection.LocalPort];
            server.received.Enqueue(new RecordedRequest(
                name,
                context.Request.Method,
                context.Request.Host.Value ?? string.Empty,
                context.Request.Path + context.Request.QueryString,
                context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
            await handle(context);
        });
        await app.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
