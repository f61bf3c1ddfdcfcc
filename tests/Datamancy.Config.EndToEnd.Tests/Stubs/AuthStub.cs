using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Datamancy.Config.EndToEnd.Tests.Stubs;

/// <summary>The identity the auth stub vouches for; fresh values per run, so nothing matches by accident.</summary>
public sealed record Identity(string User, string Groups, string Email, string Name)
{
    public static Identity Fresh()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        return new Identity("alice-" + tag, "admins,users", "alice-" + tag + "@example.test", "Alice " + tag);
    }
}

/// <summary>
/// Answers like Authelia (v4.38+) for Caddy: <c>/api/authz/forward-auth</c> reads the original request from
/// <c>X-Forwarded-Method/Proto/Host/Uri</c>; without a valid session cookie it redirects (302) to the portal with
/// the original URL in <c>rd</c>, with one it answers 200 with <c>Remote-User/Groups/Email/Name</c>.
/// Every other path is the portal itself. A second session stands for a user without e-mail and display name:
/// Authelia then sends only Remote-User and Remote-Groups, so whatever else reaches the upstream came from the client.
/// </summary>
/// <remarks>
/// Like Authelia with <c>HeaderAuthorization</c> (schemes basic, bearer) before <c>CookieSession</c>: a request that
/// carries <c>Authorization: Bearer</c> is decided by the token alone — 200 for the one client_credentials access token
/// this run accepts (<paramref name="acceptedToken"/>), 401 with <c>WWW-Authenticate</c> for any other.
/// </remarks>
public sealed class AuthStub(string portalHost, string sessionCookie, string partialSessionCookie, Identity identity, string acceptedToken)
{
    public const string ClientSubject = "oauth2:client:e2e-api";

    public const string Name = "auth-stub";
    public const string ForwardAuthPath = "/api/authz/forward-auth";
    public const string CookieName = "authelia_session";

    public Task Handle(HttpContext context)
    {
        if (context.Request.Path != ForwardAuthPath)
        {
            return EchoUpstream.Answer(context, Name);
        }
        var method = context.Request.Headers["X-Forwarded-Method"].ToString();
        var proto = context.Request.Headers["X-Forwarded-Proto"].ToString();
        var host = context.Request.Headers["X-Forwarded-Host"].ToString();
        var uri = context.Request.Headers["X-Forwarded-Uri"].ToString();
        if (method.Length == 0 || proto.Length == 0 || host.Length == 0 || uri.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return context.Response.WriteAsync("missing X-Forwarded-* headers");
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            if (authorization["Bearer ".Length..] == acceptedToken)
            {
                context.Response.Headers["Remote-User"] = ClientSubject;
                context.Response.StatusCode = StatusCodes.Status200OK;
                return Task.CompletedTask;
            }
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
            return context.Response.WriteAsync("401 Unauthorized");
        }
        if (context.Request.Cookies.TryGetValue(CookieName, out var session) && (session == sessionCookie || session == partialSessionCookie))
        {
            context.Response.Headers["Remote-User"] = identity.User;
            context.Response.Headers["Remote-Groups"] = identity.Groups;
            if (session == sessionCookie)
            {
                context.Response.Headers["Remote-Email"] = identity.Email;
                context.Response.Headers["Remote-Name"] = identity.Name;
            }
            context.Response.StatusCode = StatusCodes.Status200OK;
            return Task.CompletedTask;
        }
        var original = proto + "://" + host + uri;
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = "https://" + portalHost + "/?rd=" + Uri.EscapeDataString(original) + "&rm=" + Uri.EscapeDataString(method);
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = "Found" }));
    }
}
