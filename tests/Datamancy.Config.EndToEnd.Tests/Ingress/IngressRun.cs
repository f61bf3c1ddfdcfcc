using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using Datamancy.Config.EndToEnd.Tests.Proof;
using Datamancy.Config.EndToEnd.Tests.Stubs;
using Microsoft.AspNetCore.Http;

namespace Datamancy.Config.EndToEnd.Tests.Ingress;

/// <summary>How the API allowlist variables are set for one Caddy run.</summary>
public enum AllowlistSetting
{
    /// <summary>Every allowlist variable is <c>127.0.0.2/32</c>.</summary>
    AllowedClientOnly,

    /// <summary>Every allowlist variable is unset: the declared defaults apply.</summary>
    Unset,

    /// <summary>Every allowlist variable is set but empty: nobody may pass.</summary>
    Empty,
}

/// <summary>What one request through Caddy produced, and which stubs it reached.</summary>
/// <param name="AtUpstream">What the route's own stub received for this request.</param>
/// <param name="Elsewhere">Any other stub that received this request's path (must stay empty).</param>
/// <param name="AtAuth">The forward-auth calls Caddy made for this request.</param>
public sealed record Exchange(
    HttpStatusCode Status,
    string? Location,
    string? ReachedHeader,
    IReadOnlyList<RecordedRequest> AtUpstream,
    IReadOnlyList<RecordedRequest> Elsewhere,
    IReadOnlyList<RecordedRequest> AtAuth)
{
    public bool ReachedNothing => AtUpstream.Count == 0 && Elsewhere.Count == 0;

    public override string ToString() =>
        (int)Status + (Location is null ? string.Empty : " → " + Location) + "; upstream hits " + AtUpstream.Count
        + (Elsewhere.Count == 0 ? string.Empty : "; ELSEWHERE " + string.Join(",", Elsewhere.Select(r => r.Stub)))
        + "; forward-auth calls " + AtAuth.Count;
}

/// <summary>
/// One proof environment: the stubs (forward-auth + portal, an echo upstream per routed service) and real Caddy
/// running the stack's local Caddyfile with every upstream pointed at its stub. Disposing stops both.
/// </summary>
public sealed class IngressRun : IAsyncDisposable
{
    public const string UpstreamVariablePrefix = "DATAMANCY_UPSTREAM_";
    public static readonly IPAddress AllowedClient = IPAddress.Parse("127.0.0.2");
    public static readonly IPAddress OtherClient = IPAddress.Parse("127.0.0.3");

    private readonly ConcurrentDictionary<IPAddress, LoopbackClient> clients = new();
    private readonly ConcurrentBag<string> secretsSent = new();
    private StubServer? stubs;
    private CaddyInstance? caddy;

    private IngressRun(StackArtifacts artifacts, AllowlistSetting setting)
    {
        Artifacts = artifacts;
        Table = RouteTable.Read(artifacts);
        Setting = setting;
    }

    public StackArtifacts Artifacts { get; }

    public RouteTable Table { get; }

    public AllowlistSetting Setting { get; }

    public Identity Identity { get; } = Identity.Fresh();

    /// <summary>The session the auth stub accepts; random per run.</summary>
    public string SessionCookie { get; } = Token("session");

    /// <summary>A session whose user has no e-mail and display name: the auth stub answers with Remote-User and Remote-Groups only.</summary>
    public string PartialSessionCookie { get; } = Token("partial-session");

    /// <summary>The one client_credentials access token the auth stub accepts; random per run.</summary>
    public string AcceptedToken { get; } = Token("client-credentials-token");

    /// <summary>The bearer token a client of <paramref name="route"/> sends: the accepted token where the portal checks it, any key elsewhere.</summary>
    public string BearerFor(Route route) => route.PortalChecksToken ? AcceptedToken : Token("api-key");

    public CaddyInstance Caddy => caddy!;

    public StubServer Stubs => stubs!;

    /// <summary>Every secret value a request of this run carried (cookies, bearer tokens).</summary>
    public IReadOnlyCollection<string> SecretsSent => secretsSent;

    /// <summary>The variable the local Caddyfile reads a service's upstream from (the renderer's documented naming).</summary>
    public static string UpstreamVariable(string service) => UpstreamVariablePrefix + service.ToUpperInvariant().Replace('-', '_');

    public static string Token(string kind) => "e2e-" + kind + "-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public static async Task<IngressRun> StartAsync(string caddyPath, StackArtifacts artifacts, AllowlistSetting setting)
    {
        var run = new IngressRun(artifacts, setting);
        try
        {
            await run.StartAsync(caddyPath);
            return run;
        }
        catch
        {
            await run.DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync(string caddyPath)
    {
        var services = Table.RoutedServices.Where(s => s != Table.SsoService).OrderBy(s => s, StringComparer.Ordinal).ToList();
        var ports = FreePorts.Take(services.Count + 3);
        var auth = new AuthStub(Table.PortalHost ?? "auth.invalid", SessionCookie, PartialSessionCookie, Identity, AcceptedToken);
        var handlers = new Dictionary<int, (string, Func<HttpContext, Task>)> { [ports[0]] = (AuthStub.Name, auth.Handle) };
        var environment = new Dictionary<string, string?>
        {
            ["DATAMANCY_HTTP_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DATAMANCY_HTTPS_PORT"] = ports[2].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (Table.SsoService is { } sso)
        {
            environment[UpstreamVariable(sso)] = "127.0.0.1:" + ports[0];
        }
        for (var i = 0; i < services.Count; i++)
        {
            var name = services[i];
            handlers[ports[i + 3]] = (name, context => EchoUpstream.Answer(context, name));
            environment[UpstreamVariable(name)] = "127.0.0.1:" + ports[i + 3];
        }
        var allowlists = Table.AllowlistDefaults.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (var variable in allowlists)
        {
            environment[variable] = Setting switch
            {
                AllowlistSetting.AllowedClientOnly => AllowedClient + "/32",
                AllowlistSetting.Empty => string.Empty,
                _ => null,
            };
        }
        stubs = await StubServer.StartAsync(handlers);
        caddy = await CaddyInstance.StartAsync(caddyPath, Artifacts.LocalCaddyfile, ports[2], environment, Table.Routes.Select(r => r.Host),
            key => key.StartsWith("DATAMANCY_", StringComparison.Ordinal) || allowlists.Contains(key));
    }

    /// <summary>The stub that plays a service: the SSO service is the auth stub (portal and forward-auth).</summary>
    public string StubOf(string service) => service == Table.SsoService ? AuthStub.Name : service;

    /// <summary>
    /// Sends GET https://host/proof/&lt;marker&gt; from <paramref name="source"/> through Caddy and collects what each stub
    /// received for exactly this request. <paramref name="cookie"/> and <paramref name="authorization"/> are recorded as secrets.
    /// </summary>
    public Task<Exchange> GetAsync(IPAddress source, Route route, string? cookie = null, string? authorization = null, IEnumerable<KeyValuePair<string, string>>? headers = null) =>
        SendAsync(source, route, "/proof/" + Guid.NewGuid().ToString("N"), cookie, authorization, headers);

    /// <summary>As <see cref="GetAsync"/>, with a path of the caller's choosing (to find the request in the access log).</summary>
    public async Task<Exchange> SendAsync(IPAddress source, Route route, string marker, string? cookie = null, string? authorization = null, IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://" + route.Host + ":" + Caddy.HttpsPort + marker);
        if (cookie is not null)
        {
            secretsSent.Add(cookie);
            request.Headers.Add("Cookie", AuthStub.CookieName + "=" + cookie);
        }
        if (authorization is not null)
        {
            secretsSent.Add(authorization);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + authorization);
        }
        foreach (var (name, value) in headers ?? Enumerable.Empty<KeyValuePair<string, string>>())
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }
        var client = clients.GetOrAdd(source, s => new LoopbackClient(s, Caddy.HttpsPort, Caddy.Ca));
        using var response = await client.SendAsync(request);
        await response.Content.ReadAsByteArrayAsync();
        var received = Stubs.Received.ToList();
        var stub = StubOf(route.Service);
        return new Exchange(
            response.StatusCode,
            response.Headers.Location?.OriginalString,
            response.Headers.TryGetValues(EchoUpstream.ReachedHeader, out var reached) ? reached.Single() : null,
            received.Where(r => r.Stub == stub && r.PathAndQuery == marker).ToList(),
            received.Where(r => r.Stub != stub && r.PathAndQuery == marker).ToList(),
            received.Where(r => r.Stub == AuthStub.Name && r.PathAndQuery == AuthStub.ForwardAuthPath && r.Header("X-Forwarded-Uri") == marker).ToList());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }
        try
        {
            if (caddy is not null)
            {
                await caddy.DisposeAsync();
            }
        }
        finally
        {
            if (stubs is not null)
            {
                await stubs.DisposeAsync();
            }
        }
    }
}
