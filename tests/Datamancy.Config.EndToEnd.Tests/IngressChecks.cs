using System.Net;
using System.Text.RegularExpressions;
using Datamancy.Config.EndToEnd.Tests.Ingress;
using Datamancy.Config.EndToEnd.Tests.Proof;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.EndToEnd.Tests;

/// <summary>
/// The checks of the proof, each over every host of one kind in a running <see cref="IngressRun"/>. They fail with
/// xunit assertions, so the same checks serve the stacks' tests and the tests that break a Caddyfile on purpose.
/// </summary>
public static class IngressChecks
{
    private static readonly string[] IdentityHeaders = { "Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name" };

    public static void RoutesOnlyToDeclaredServices(string caddy, StackArtifacts artifacts, ITestOutputHelper output)
    {
        var table = RouteTable.Read(artifacts);
        // Unset, every upstream placeholder falls back to the compose service:port the production Caddyfile dials.
        var unset = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(k => k.StartsWith("DATAMANCY_", StringComparison.Ordinal)).ToDictionary(k => k, _ => (string?)null);
        var dials = CaddyRoutes.DialsByHost(caddy, artifacts.LocalCaddyfile, unset);
        var portalUpstream = table.With(Access.Portal).Select(r => r.Upstream).SingleOrDefault();

        Assert.Equal(table.Routes.Select(r => r.Host).Order(StringComparer.Ordinal), dials.Keys.Order(StringComparer.Ordinal));
        foreach (var route in table.Routes)
        {
            var expected = new SortedSet<string>(StringComparer.Ordinal) { route.Upstream };
            if (RouteTable.AsksPortal(route))
            {
                expected.Add(portalUpstream ?? throw new InvalidOperationException(route.Host + " uses forward_auth but the stack has no portal"));
            }
            output.WriteLine(route.Host + " dials " + string.Join(", ", dials[route.Host]));
            Assert.Equal(expected, dials[route.Host]);
            Assert.DoesNotContain(dials[route.Host], dial => table.Databases.Contains(dial.Split(':')[0]));
        }
        output.WriteLine("database services, never dialled: " + string.Join(", ", table.Databases));
    }

    public static async Task PortalIsOpen(IngressRun run, ITestOutputHelper output)
    {
        foreach (var route in run.Table.With(Access.Portal))
        {
            var exchange = await run.GetAsync(IngressRun.AllowedClient, route);
            output.WriteLine(route + ": " + exchange);
            Assert.Equal(HttpStatusCode.OK, exchange.Status);
            Assert.Single(exchange.AtUpstream);
            Assert.Empty(exchange.AtAuth);
        }
    }

    public static async Task SsoHostsRedirectWithoutSession(IngressRun run, ITestOutputHelper output)
    {
        foreach (var route in run.Table.With(Access.ForwardAuth))
        {
            foreach (var (label, cookie) in new[] { ("no cookie", (string?)null), ("unknown session", IngressRun.Token("forged-session")) })
            {
                var marker = "/proof/" + Guid.NewGuid().ToString("N");
                var exchange = await run.SendAsync(IngressRun.AllowedClient, route, marker, cookie);
                output.WriteLine(route + ", " + label + ": " + exchange);
                Assert.Equal(HttpStatusCode.Found, exchange.Status);
                var location = new Uri(exchange.Location!);
                Assert.Equal("https://" + run.Table.PortalHost + "/", location.GetLeftPart(UriPartial.Path));
                var rd = Regex.Match(location.Query, "[?&]rd=([^&]*)").Groups[1].Value;
                Assert.Equal("https://" + route.Host + ":" + run.Caddy.HttpsPort + marker, Uri.UnescapeDataString(rd));
                Assert.True(exchange.ReachedNothing, route.Host + " reached an upstream without a session");
                Assert.Null(exchange.ReachedHeader);
                Assert.Single(exchange.AtAuth);
            }
        }
    }

    public static async Task SsoHostsPassOnlyThePortalIdentity(IngressRun run, ITestOutputHelper output)
    {
        var forged = Forged();
        foreach (var route in run.Table.With(Access.ForwardAuth))
        {
            var exchange = await run.GetAsync(IngressRun.AllowedClient, route, run.SessionCookie, headers: forged);
            output.WriteLine(route + ", valid session + forged identity headers: " + exchange);
            Assert.Equal(HttpStatusCode.OK, exchange.Status);
            Assert.Equal(run.StubOf(route.Service), exchange.ReachedHeader);
            var seen = Assert.Single(exchange.AtUpstream);
            Assert.Empty(exchange.Elsewhere);
            Assert.Single(exchange.AtAuth);
            Assert.Equal(run.Identity.User, seen.Header("Remote-User"));
            Assert.Equal(run.Identity.Groups, seen.Header("Remote-Groups"));
            Assert.Equal(run.Identity.Email, seen.Header("Remote-Email"));
            Assert.Equal(run.Identity.Name, seen.Header("Remote-Name"));
            output.WriteLine("  upstream saw Remote-User=" + seen.Header("Remote-User") + ", Remote-Groups=" + seen.Header("Remote-Groups"));

            // Authelia omits the headers a user has no value for; the client's forged ones must not fill the gap.
            var partial = await run.GetAsync(IngressRun.AllowedClient, route, run.PartialSessionCookie, headers: forged);
            output.WriteLine(route + ", session without e-mail/name + forged identity headers: " + partial);
            Assert.Equal(HttpStatusCode.OK, partial.Status);
            var partialSeen = Assert.Single(partial.AtUpstream);
            Assert.Equal(run.Identity.User, partialSeen.Header("Remote-User"));
            Assert.Equal(run.Identity.Groups, partialSeen.Header("Remote-Groups"));
            foreach (var header in new[] { "Remote-Email", "Remote-Name" })
            {
                // Absent, or on Caddy 2.6 the unresolved placeholder its copy_headers leaves for a header the answer lacked.
                var value = partialSeen.Header(header);
                Assert.True(value is null || value == "{http.reverse_proxy.header." + header + "}", header + " reached the upstream as '" + value + "'");
                output.WriteLine("  upstream saw " + header + "=" + (value ?? "(absent)"));
            }
        }
    }

    public static async Task OpenHostsDropForgedIdentity(IngressRun run, ITestOutputHelper output)
    {
        foreach (var route in run.Table.Routes.Where(r => r.Access is Access.Public or Access.AppOidc))
        {
            var exchange = await run.GetAsync(IngressRun.OtherClient, route, headers: Forged());
            output.WriteLine(route + ", no session + forged identity headers: " + exchange);
            Assert.Equal(HttpStatusCode.OK, exchange.Status);
            var seen = Assert.Single(exchange.AtUpstream);
            Assert.Empty(exchange.Elsewhere);
            Assert.Empty(exchange.AtAuth);
            Assert.All(IdentityHeaders, h => Assert.Null(seen.Header(h)));
        }
    }

    public static async Task ApiHostsAdmitAllowlistedClient(IngressRun run, ITestOutputHelper output)
    {
        foreach (var route in run.Table.With(Access.Api))
        {
            var token = run.BearerFor(route);
            var exchange = await run.GetAsync(IngressRun.AllowedClient, route, authorization: token, headers: Forged());
            output.WriteLine(route + ", " + route.AllowlistVariable + "=127.0.0.2/32, from 127.0.0.2 with a bearer token: " + exchange);
            Assert.Equal(HttpStatusCode.OK, exchange.Status);
            var seen = Assert.Single(exchange.AtUpstream);
            Assert.Empty(exchange.Elsewhere);
            Assert.Equal("Bearer " + token, seen.Header("Authorization"));
            Assert.All(IdentityHeaders, h => Assert.Null(seen.Header(h)));
            if (route.PortalChecksToken)
            {
                // The token check is the portal's: exactly one authz call for this request, and no identity copied from it.
                Assert.Single(exchange.AtAuth);
            }
            else
            {
                Assert.Empty(exchange.AtAuth);
                Assert.DoesNotContain(run.Stubs.ReceivedBy(Stubs.AuthStub.Name), r => r.Header("X-Forwarded-Host")?.StartsWith(route.Host + ":", StringComparison.Ordinal) == true);
            }

            if (route.RequiresBearer)
            {
                var anonymous = await run.GetAsync(IngressRun.AllowedClient, route);
                output.WriteLine(route + ", from 127.0.0.2 without a bearer token: " + anonymous);
                Assert.Equal(HttpStatusCode.Unauthorized, anonymous.Status);
                Assert.True(anonymous.ReachedNothing);
            }
        }
    }

    /// <summary>
    /// Issue #11.2: a client_credentials host passes only the token the portal accepts. From an allowlisted client: the
    /// accepted token reaches the upstream, a refused token gets the portal's 401 and reaches nothing, no token is refused
    /// by Caddy before the portal is asked; from outside the allowlist even the accepted token is refused without asking.
    /// </summary>
    public static async Task ClientCredentialsHostsPassOnlyTheAcceptedToken(IngressRun run, ITestOutputHelper output)
    {
        var routes = run.Table.With(Access.Api).Where(r => r.PortalChecksToken).ToList();
        Assert.NotEmpty(routes);
        foreach (var route in routes)
        {
            var accepted = await run.GetAsync(IngressRun.AllowedClient, route, authorization: run.AcceptedToken);
            output.WriteLine(route + ", allowlisted client, the token the portal accepts: " + accepted);
            Assert.Equal(HttpStatusCode.OK, accepted.Status);
            Assert.Single(accepted.AtUpstream);
            var authCall = Assert.Single(accepted.AtAuth);
            Assert.Equal("Bearer " + run.AcceptedToken, authCall.Header("Authorization"));

            var refused = await run.GetAsync(IngressRun.AllowedClient, route, authorization: IngressRun.Token("forged-token"));
            output.WriteLine(route + ", allowlisted client, a token the portal refuses: " + refused);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.True(refused.ReachedNothing, route.Host + " reached the upstream with a refused token");
            Assert.Single(refused.AtAuth);

            var none = await run.GetAsync(IngressRun.AllowedClient, route);
            output.WriteLine(route + ", allowlisted client, no token: " + none);
            Assert.Equal(HttpStatusCode.Unauthorized, none.Status);
            Assert.True(none.ReachedNothing);
            Assert.Empty(none.AtAuth);

            var outsider = await run.GetAsync(IngressRun.OtherClient, route, authorization: run.AcceptedToken);
            output.WriteLine(route + ", client outside the allowlist, the accepted token: " + outsider);
            Assert.Equal(HttpStatusCode.Forbidden, outsider.Status);
            Assert.True(outsider.ReachedNothing);
            Assert.Empty(outsider.AtAuth);
        }
    }

    public static async Task ApiHostsRefuseOutsider(IngressRun run, ITestOutputHelper output)
    {
        foreach (var route in run.Table.With(Access.Api))
        {
            var exchange = await run.GetAsync(IngressRun.OtherClient, route, authorization: run.BearerFor(route));
            output.WriteLine(route + ", " + route.AllowlistVariable + "=127.0.0.2/32, from 127.0.0.3: " + exchange);
            Assert.Equal(HttpStatusCode.Forbidden, exchange.Status);
            Assert.True(exchange.ReachedNothing);
            Assert.Empty(exchange.AtAuth);
        }
    }

    public static async Task ApiAllowlistUnsetAppliesDefaults(IngressRun run, ITestOutputHelper output)
    {
        foreach (var route in run.Table.With(Access.Api))
        {
            var defaults = run.Table.AllowlistDefaults[route.AllowlistVariable!];
            foreach (var client in new[] { IngressRun.AllowedClient, IngressRun.OtherClient })
            {
                var admitted = defaults.Any(cidr => Admits(cidr, client));
                var exchange = await run.GetAsync(client, route, authorization: run.BearerFor(route));
                output.WriteLine(route + ", " + route.AllowlistVariable + " unset (defaults " + string.Join(" ", defaults) + "), from " + client
                    + " (" + (admitted ? "inside" : "outside") + "): " + exchange);
                Assert.Equal(admitted ? HttpStatusCode.OK : HttpStatusCode.Forbidden, exchange.Status);
                Assert.Equal(admitted ? 1 : 0, exchange.AtUpstream.Count);
                Assert.Empty(exchange.Elsewhere);
            }
        }
    }

    /// <summary>Caddy's <c>private_ranges</c> shortcut, as its documentation lists it; any other entry is a CIDR.</summary>
    private static readonly string[] CaddyPrivateRanges = { "192.168.0.0/16", "172.16.0.0/12", "10.0.0.0/8", "127.0.0.0/8", "fd00::/8", "::1/128" }; // Caddy writes 127.0.0.1/8

    private static bool Admits(string entry, IPAddress client) => entry == "private_ranges"
        ? CaddyPrivateRanges.Any(range => IPNetwork.Parse(range).Contains(client))
        : IPNetwork.Parse(entry).Contains(client);

    public static async Task ApiAllowlistEmptyRefusesEveryone(IngressRun run, ITestOutputHelper output)
    {
        foreach (var route in run.Table.With(Access.Api))
        {
            foreach (var client in new[] { IngressRun.AllowedClient, IngressRun.OtherClient, IPAddress.Loopback })
            {
                var exchange = await run.GetAsync(client, route, authorization: run.BearerFor(route));
                output.WriteLine(route + ", " + route.AllowlistVariable + "=\"\", from " + client + ": " + exchange);
                Assert.Equal(HttpStatusCode.Forbidden, exchange.Status);
                Assert.True(exchange.ReachedNothing);
            }
        }
    }

    public static async Task AccessLogHoldsNoCredential(IngressRun run, ITestOutputHelper output)
    {
        var markers = new List<string>();
        foreach (var route in run.Table.Routes)
        {
            var marker = "/proof/log-" + Guid.NewGuid().ToString("N");
            markers.Add(marker);
            // A valid session, so forward_auth hosts pass too; a fresh bearer token everywhere.
            await run.SendAsync(IngressRun.AllowedClient, route, marker, run.SessionCookie, IngressRun.Token("logged-key"));
        }
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (markers.Any(m => !run.Caddy.Output.Contains("\"uri\":\"" + m + "\"", StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
        var log = run.Caddy.Output;
        var entries = log.Split('\n').Where(l => l.Contains("\"logger\":\"http.log.access", StringComparison.Ordinal)).ToList();
        output.WriteLine(entries.Count + " access log entries; " + run.SecretsSent.Count + " secret values sent in this run");
        foreach (var marker in markers)
        {
            var entry = Assert.Single(entries, e => e.Contains("\"uri\":\"" + marker + "\"", StringComparison.Ordinal));
            // Caddy 2.6 logs the header names of credentials with their values removed.
            Assert.Contains("\"Authorization\":[]", entry, StringComparison.Ordinal);
            Assert.Contains("\"Cookie\":[]", entry, StringComparison.Ordinal);
        }
        output.WriteLine("every logged request shows \"Authorization\":[] and \"Cookie\":[]; none of the values sent appears anywhere in Caddy's output");
        Assert.All(run.SecretsSent, secret => Assert.DoesNotContain(secret, log, StringComparison.Ordinal));
    }

    private static KeyValuePair<string, string>[] Forged() =>
        IdentityHeaders.Select(h => KeyValuePair.Create(h, "forged-" + h.ToLowerInvariant() + "-mallory")).ToArray();
}
