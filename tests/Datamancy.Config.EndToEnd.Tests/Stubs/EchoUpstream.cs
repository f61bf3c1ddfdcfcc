using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Datamancy.Config.EndToEnd.Tests.Stubs;

/// <summary>Answers every request with 200, a header naming the stub, and the request's headers as JSON.</summary>
public static class EchoUpstream
{
    public const string ReachedHeader = "X-Stub-Reached";

    public static Task Answer(HttpContext context, string stub)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.Headers[ReachedHeader] = stub;
        context.Response.ContentType = "application/json";
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { reached = stub, headers }));
    }
}
