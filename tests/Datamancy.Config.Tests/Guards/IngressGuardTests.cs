using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The Caddy guards, asserted on what <c>caddy adapt</c> makes of every Caddyfile, not on its bytes: a forged
/// identity header is deleted before <c>forward_auth</c> asks (in the same route, so Caddy cannot reorder them),
/// on every host before the upstream is reached, and an API host refuses outside its allowlist first.
/// Real Caddy 2.6.2 drops a forged header on its own, so only the order in the adapted JSON shows this guard.
/// </summary>
public sealed class IngressGuardTests
{
    public static readonly string[] IdentityHeaders = { "Remote-User", "Remote-Groups", "Remote-Email", "Remote-Name" };

    public static TheoryData<string, string> Caddyfiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in TestStacks.Names)
        {
            foreach (var environment in new[] { "dev", "prod", "local" })
            {
                data.Add(stack, environment);
            }
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Caddyfiles))]
    public void Identity_headers_are_deleted_before_forward_auth_in_the_same_route(string stack, string environment)
    {
        var hosts = CaddyJson.Hosts(CaddyJson.Adapt(TestStacks.Run(stack).Artifact(environment + "/Caddyfile")));
        var routes = NetworkMap.Routes(TestStacks.Run(stack).Artifact("prod/network-map.md")).Values.ToList();
        var guarded = 0;
        foreach (var (host, steps) in hosts)
        {
            var authIndex = steps.FindIndex(s => s.IsForwardAuth);
            if (authIndex < 0)
            {
                continue;
            }
            guarded++;
            // A client_credentials API host asks Authelia to verify a machine's bearer token: no user identity to hand on.
            var machine = routes.Single(r => Matches(r.Host, host)).Access.Contains("client_credentials", StringComparison.Ordinal);
            var auth = steps[authIndex];
            Assert.True(auth.Unconditional, host + ": forward_auth runs under a matcher, so some requests skip it");
            foreach (var header in IdentityHeaders)
            {
                Assert.True(
                    steps.Take(authIndex).Any(s => s.Unconditional && s.DeletedRequestHeaders.Contains(header) && ReferenceEquals(s.Routes, auth.Routes) && s.RouteIndex < auth.RouteIndex),
                    host + ": " + header + " is not deleted before forward_auth in the same route");
            }
            // forward_auth hands the portal's identity on: copy_headers sets each header from Authelia's answer.
            var copied = auth.Handler["handle_response"]!.AsArray()
                .SelectMany(r => r!["routes"]!.AsArray())
                .SelectMany(r => r!["handle"]!.AsArray())
                .SelectMany(h => h!["request"]?["set"]?.AsObject().Select(p => p.Key) ?? Enumerable.Empty<string>());
            Assert.Equal(machine ? Array.Empty<string>() : IdentityHeaders.OrderBy(h => h), copied.OrderBy(h => h));
            var upstream = steps.FindIndex(s => s.IsUpstreamProxy);
            Assert.True(upstream > authIndex, host + ": the upstream is reached before forward_auth");
        }
        var declared = routes.Count(r => r.Access.StartsWith("forward_auth", StringComparison.Ordinal) || r.Access.Contains("client_credentials", StringComparison.Ordinal));
        Assert.Equal(declared, guarded);
    }

    [SkippableTheory]
    [MemberData(nameof(Caddyfiles))]
    public void Every_routed_host_but_the_portal_deletes_identity_headers_before_its_upstream(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var hosts = CaddyJson.Hosts(CaddyJson.Adapt(run.Artifact(environment + "/Caddyfile")));
        var routes = NetworkMap.Routes(run.Artifact("prod/network-map.md"));
        foreach (var (host, steps) in hosts)
        {
            var route = routes.Values.Single(r => Matches(r.Host, host));
            if (route.Access == "SSO portal")
            {
                continue;
            }
            var upstream = steps.FindIndex(s => s.IsUpstreamProxy);
            Assert.True(upstream >= 0, host + " has no upstream");
            foreach (var header in IdentityHeaders)
            {
                Assert.True(steps.Take(upstream).Any(s => s.Unconditional && s.DeletedRequestHeaders.Contains(header)), host + ": " + header + " reaches the upstream");
            }
        }
    }

    [SkippableTheory]
    [MemberData(nameof(Caddyfiles))]
    public void Api_hosts_refuse_outside_the_allowlist_and_without_a_key_before_the_upstream_and_never_ask_the_portal(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var hosts = CaddyJson.Hosts(CaddyJson.Adapt(run.Artifact(environment + "/Caddyfile")));
        foreach (var route in NetworkMap.Routes(run.Artifact("prod/network-map.md")).Values.Where(r => r.Access.Contains("allowlist", StringComparison.Ordinal)))
        {
            var (host, steps) = hosts.Single(h => Matches(route.Host, h.Key));
            var machine = route.Access.Contains("client_credentials", StringComparison.Ordinal);
            var upstream = steps.FindIndex(s => s.IsUpstreamProxy);
            var refusal = steps.FindIndex(s => s.Kind == "static_response" && (int?)s.Handler["status_code"] == 403 && s.Matchers.Any(m => CaddyJson.NotRemoteIpRanges(m).Any()));
            Assert.True(refusal >= 0 && refusal < upstream, host + ": no 403 outside the allowlist before the upstream");
            Assert.NotEmpty(CaddyJson.NotRemoteIpRanges(steps[refusal].Matchers.Single(m => CaddyJson.NotRemoteIpRanges(m).Any())));
            var unauthorized = steps.FindIndex(s => s.Kind == "static_response" && (int?)s.Handler["status_code"] == 401 && s.Matchers.Any(CaddyJson.RequiresBearer));
            if (route.Access.Contains("API key", StringComparison.Ordinal) || machine)
            {
                Assert.True(unauthorized >= 0 && unauthorized < upstream, host + ": no 401 without a bearer token before the upstream");
            }
            if (machine)
            {
                // client_credentials: only Authelia can tell its access token from any bearer string, so the host asks the
                // portal exactly once, unconditionally, after the allowlist and the bearer refusals and before the upstream.
                var auth = Assert.Single(steps, s => s.IsForwardAuth);
                var authIndex = steps.FindIndex(s => s.IsForwardAuth);
                Assert.True(auth.Unconditional, host + ": forward_auth runs under a matcher, so some tokens skip it");
                Assert.True(refusal < authIndex && unauthorized < authIndex && authIndex < upstream, host + ": forward_auth is not between the refusals and the upstream");
            }
            else
            {
                Assert.DoesNotContain(steps, s => s.IsForwardAuth);
            }
        }
    }

    /// <summary>The local Caddyfile serves the same names; a host row matches its site by name.</summary>
    public static bool Matches(string mapHost, string caddyHost) => string.Equals(mapHost, caddyHost, StringComparison.Ordinal);
}
