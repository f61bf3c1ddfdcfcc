using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// Every artifact describes the same hosts; a reviewer reads several of them and must not find two that disagree.
/// For each test stack and environment, this reads the Caddyfile (as <c>caddy adapt</c> JSON), the Authelia
/// rules, the compose file, the network map and the audit, and checks they say the same about every host:
/// its access kind, groups, factor, allowlist and upstream.
/// </summary>
public sealed class CrossArtifactAgreementTests
{
    public static TheoryData<string, string> StacksAndEnvironments()
    {
        var data = new TheoryData<string, string>();
        foreach (var stack in TestStacks.Names)
        {
            data.Add(stack, "prod");
            data.Add(stack, "dev");
        }
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(StacksAndEnvironments))]
    public void Every_artifact_says_the_same_about_every_host(string stack, string environment)
    {
        var run = TestStacks.Run(stack);
        var caddy = CaddyJson.Hosts(CaddyJson.Adapt(run.Artifact(environment + "/Caddyfile")));
        var map = NetworkMap.Routes(run.Artifact(environment + "/network-map.md")).Values.Select(MapClaim.From).ToDictionary(c => c.Host);
        var audit = run.Artifact(environment + "/SECURITY-AUDIT.md");
        var compose = YamlJson.Parse(run.Artifact(environment + "/compose.yaml"));
        var roles = NetworkMap.Services(run.Artifact(environment + "/network-map.md"));
        var authelia = run.Artifacts.Any(a => a.Path == environment + "/authelia/configuration.yml")
            ? YamlJson.Parse(run.Artifact(environment + "/authelia/configuration.yml"))
            : null;

        // The same hosts everywhere.
        Assert.Equal(map.Keys.OrderBy(h => h), caddy.Keys.OrderBy(h => h));
        Assert.NotEmpty(map);

        var portal = map.Values.SingleOrDefault(c => c.Kind == Access.Portal);
        var ingress = roles.Single(r => r.Value == "ingress").Key;
        var ingressNetworks = ComposeGuardTests.NetworksOf(compose.At("services", ingress)).ToHashSet();
        var uiAudit = Audit.Section(audit, "SSO").Bullets.Select(AuditLine.From).Where(l => l is not null).ToDictionary(l => l!.Host, l => l!.Text);
        var apiAudit = Audit.Section(audit, "allowlist").Bullets.Select(AuditLine.From).Where(l => l is not null).ToDictionary(l => l!.Host, l => l!.Text);

        var oidcFactors = new Dictionary<string, string>();
        foreach (var (host, claim) in map)
        {
            var steps = caddy[host];
            var upstreams = steps.Where(s => s.IsUpstreamProxy).SelectMany(s => s.Dials).Distinct().ToList();

            // Upstream: Caddy dials what the map names; compose runs that service where the ingress can reach it.
            Assert.Equal(new[] { claim.Upstream }, upstreams);
            var service = claim.Upstream.Split(':')[0];
            Assert.True(compose.At("services").Has(service), host + ": upstream service " + service + " is not in compose");
            Assert.Contains(ComposeGuardTests.NetworksOf(compose.At("services", service)), ingressNetworks.Contains);
            Assert.NotEqual("database", roles[service]);

            // Access kind: forward_auth in Caddy exactly where the map, the audit and Authelia say so.
            var forwardAuth = steps.Where(s => s.IsForwardAuth).ToList();
            // A client_credentials API host asks Authelia too: only the portal can verify its machine token.
            Assert.True(forwardAuth.Count > 0 == (claim.Kind == Access.ForwardAuth || claim.MachineClient is not null), host + ": Caddy and the network map disagree on forward_auth");
            var refusesOutside = steps.Any(s => s.Kind == "static_response" && s.Matchers.Any(m => CaddyJson.NotRemoteIpRanges(m).Any()));
            Assert.True(refusesOutside == (claim.Kind == Access.Api), host + ": Caddy and the network map disagree on the allowlist");
            if (forwardAuth.Count > 0)
            {
                Assert.NotNull(portal);
                Assert.All(forwardAuth, s => Assert.Equal(new[] { portal!.Upstream }, s.Dials));
            }
            if (claim.Kind is Access.ForwardAuth or Access.Oidc or Access.Public)
            {
                Assert.True(uiAudit.ContainsKey(host), host + " is missing from the audit's SSO item");
                var text = uiAudit[host];
                Assert.Equal(claim.Kind == Access.ForwardAuth, text.StartsWith("forward_auth", StringComparison.Ordinal));
                Assert.Equal(claim.Kind == Access.Oidc, text.Contains("OIDC", StringComparison.Ordinal));
                Assert.Equal(claim.Kind == Access.Public, text.StartsWith("public", StringComparison.Ordinal));
                if (claim.Kind == Access.Oidc)
                {
                    // The audit names the app's OIDC client and the factor Authelia asks of it (held to Authelia below).
                    Assert.Contains("`" + claim.Client + "`", text);
                    oidcFactors[host] = Assert.IsType<string>(FactorIn(text));
                }
                else
                {
                    Assert.Equal(claim.Factor, FactorIn(text));
                }
            }
            else
            {
                Assert.False(uiAudit.ContainsKey(host), host + " is listed as a UI by the audit");
            }

            // Allowlist: the variable and its default ranges agree between map, audit, compose and the adapted Caddy config.
            if (claim.Kind == Access.Api)
            {
                var ranges = steps.SelectMany(s => s.Matchers).SelectMany(CaddyJson.NotRemoteIpRanges).ToList();
                Assert.True(apiAudit.ContainsKey(host), host + " is missing from the audit's API item");
                var auditLine = apiAudit[host];
                Assert.Contains("`" + claim.AllowlistVariable + "`", auditLine);
                var unset = Regex.Match(auditLine, "\\(unset: ([^,)]*)(?:, enforced by Caddy)?\\)").Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // Caddy's `private_ranges` shorthand is written as such in the audit and compose; Caddy adapts it to its ranges.
                Assert.Equal(unset.SelectMany(r => r == "private_ranges" ? CaddyPrivateRanges : new[] { r }), ranges);
                var composed = compose.At("services", ingress, "environment", claim.AllowlistVariable!).Text();
                Assert.Equal("${" + claim.AllowlistVariable + "-" + string.Join(" ", unset) + "}", composed);
                var bearer = steps.Any(s => s.Kind == "static_response" && s.Matchers.Any(CaddyJson.RequiresBearer));
                // A bearer token is required for an API key and for an OIDC client_credentials token alike.
                Assert.Equal(claim.ApiKey is not null || claim.MachineClient is not null, bearer);
                Assert.Equal(claim.MachineClient is not null, auditLine.Contains("client_credentials", StringComparison.Ordinal));
                Assert.Equal(claim.ApiKey is not null, auditLine.Contains("API key `" + claim.ApiKey + "`", StringComparison.Ordinal));
            }
            else
            {
                Assert.False(apiAudit.ContainsKey(host), host + " is listed as an API host by the audit");
            }
        }

        if (authelia is null)
        {
            Assert.DoesNotContain(map.Values, c => c.Kind is Access.ForwardAuth or Access.Oidc or Access.Portal || c.MachineClient is not null);
            return;
        }
        AutheliaAgrees(authelia, map, oidcFactors);
    }

    /// <summary>Authelia's rules and OIDC clients say the same as the network map (which the other artifacts were held to above).</summary>
    private static void AutheliaAgrees(YamlDotNet.RepresentationModel.YamlNode authelia, Dictionary<string, MapClaim> map, Dictionary<string, string> oidcFactors)
    {
        Assert.Equal("deny", authelia.At("access_control", "default_policy").Text());
        var rules = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("access_control", "rules")).Children.Select(AutheliaRule.From).ToList();
        var interactive = rules.Where(r => r.Policy != "bypass" && !r.Subjects.Any(s => s.StartsWith("oauth2:", StringComparison.Ordinal))).ToList();
        Assert.Equal(map.Values.Where(c => c.Kind == Access.ForwardAuth).Select(c => c.Host).OrderBy(h => h), interactive.SelectMany(r => r.Domains).OrderBy(h => h));
        foreach (var rule in interactive)
        {
            var claim = map[Assert.Single(rule.Domains)];
            Assert.Equal(claim.Factor, rule.Policy);
            Assert.Equal(claim.Groups.OrderBy(g => g), rule.Subjects.Select(s => s.StartsWith("group:", StringComparison.Ordinal) ? s["group:".Length..] : "?" + s).OrderBy(g => g));
        }
        // A bypass rule exists only for a forward_auth host, comes before that host's own rule and names paths, never a subject.
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i].Policy != "bypass")
            {
                continue;
            }
            Assert.Empty(rules[i].Subjects);
            Assert.True(rules[i].HasResources, "a bypass rule without resources opens the whole host");
            var host = Assert.Single(rules[i].Domains);
            Assert.Equal(Access.ForwardAuth, map[host].Kind);
            Assert.True(rules.FindIndex(r => r.Policy != "bypass" && r.Domains.Contains(host)) > i);
        }

        var oidc = authelia.Has("identity_providers") ? authelia.At("identity_providers", "oidc") : null;
        var clients = oidc is null
            ? new List<YamlDotNet.RepresentationModel.YamlNode>()
            : ((YamlDotNet.RepresentationModel.YamlSequenceNode)oidc.At("clients")).Children.ToList();
        // App-level OIDC: one client per such host, redirecting to it, authorised for exactly the map's groups.
        foreach (var claim in map.Values.Where(c => c.Kind == Access.Oidc))
        {
            var client = Assert.Single(clients, c => c.At("client_id").Text() == claim.Client);
            Assert.All(client.At("redirect_uris").Texts(), u => Assert.Equal(claim.Host, new Uri(u).Host));
            var policy = client.At("authorization_policy").Text();
            if (claim.Groups.Count == 0)
            {
                Assert.Contains(policy, new[] { "one_factor", "two_factor" });
                Assert.Equal(oidcFactors[claim.Host], policy);
            }
            else
            {
                var custom = ((YamlDotNet.RepresentationModel.YamlSequenceNode)oidc!.At("authorization_policies", policy, "rules")).Children;
                Assert.Equal("deny", oidc!.At("authorization_policies", policy, "default_policy").Text());
                Assert.Equal(claim.Groups.OrderBy(g => g), custom.SelectMany(r => r.At("subject").Texts()).Select(s => s["group:".Length..]).OrderBy(g => g));
                Assert.All(custom, r => Assert.Equal(oidcFactors[claim.Host], r.At("policy").Text()));
            }
        }
        // Machine clients: the map's client_credentials hosts are exactly Authelia's audiences and one_factor oauth2 rules.
        var machines = map.Values.Where(c => c.MachineClient is not null).ToList();
        var audiences = clients.Where(c => c.Has("grant_types") && c.At("grant_types").Texts().Contains("client_credentials")).ToList();
        Assert.Equal(machines.Select(m => m.MachineClient).OrderBy(x => x), audiences.Select(c => c.At("client_id").Text()).OrderBy(x => x));
        foreach (var machine in machines)
        {
            var client = audiences.Single(c => c.At("client_id").Text() == machine.MachineClient);
            Assert.Equal(new[] { "https://" + machine.Host }, client.At("audience").Texts());
            var rule = Assert.Single(rules, r => r.Domains.Contains(machine.Host));
            Assert.Equal(new[] { "oauth2:client:" + machine.MachineClient }, rule.Subjects);
        }
        Assert.DoesNotContain(rules, r => r.Domains.Any(d => !map.ContainsKey(d)));
    }

    /// <summary>What Caddy 2.6's <c>private_ranges</c> placeholder in <c>remote_ip</c> adapts to.</summary>
    private static readonly string[] CaddyPrivateRanges = { "192.168.0.0/16", "172.16.0.0/12", "10.0.0.0/8", "127.0.0.1/8", "fd00::/8", "::1" };

    private static string? FactorIn(string text) => Regex.Match(text, "\\b(one_factor|two_factor)\\b") is { Success: true } m ? m.Value : null;

    private enum Access { Portal, ForwardAuth, Oidc, Public, Api }

    private sealed record MapClaim(string Host, Access Kind, string? Factor, IReadOnlyList<string> Groups, string Upstream, string? AllowlistVariable, string? ApiKey, string? Client, string? MachineClient)
    {
        public static MapClaim From(MapRoute route)
        {
            var access = route.Access;
            var kind = access.StartsWith("SSO portal", StringComparison.Ordinal) ? Access.Portal
                : access.StartsWith("forward_auth", StringComparison.Ordinal) ? Access.ForwardAuth
                : access.StartsWith("app-level OIDC", StringComparison.Ordinal) ? Access.Oidc
                : access.StartsWith("public", StringComparison.Ordinal) ? Access.Public
                : access.Contains("allowlist", StringComparison.Ordinal) ? Access.Api
                : throw new InvalidOperationException("unknown access in the network map: " + access);
            var groups = Regex.Match(access, "(?:^|, )groups ([a-z0-9_-]+(?:, [a-z0-9_-]+)*)") is { Success: true } g
                ? g.Groups[1].Value.Split(", ").Where(x => x is not ("one_factor" or "two_factor")).ToList()
                : new List<string>();
            return new MapClaim(route.Host, kind, kind == Access.ForwardAuth ? FactorIn(access) : null, groups, route.Upstream.Trim('`'),
                Regex.Match(access, "allowlist `([A-Z0-9_]+)`") is { Success: true } a ? a.Groups[1].Value : null,
                Regex.Match(access, "API key `([A-Z0-9_]+)`") is { Success: true } k ? k.Groups[1].Value : null,
                Regex.Match(access, "OIDC \\(client ([^)]+)\\)") is { Success: true } c ? c.Groups[1].Value : null,
                Regex.Match(access, "client_credentials token of ([^ ,;]+) verified by Authelia") is { Success: true } m ? m.Groups[1].Value : null);
        }
    }

    private sealed record AuditLine(string Host, string Text)
    {
        public static AuditLine? From(string bullet)
        {
            var colon = bullet.IndexOf(": ", StringComparison.Ordinal);
            return colon > 0 && bullet[..colon].Contains('.') && !bullet[..colon].Contains(' ') ? new AuditLine(bullet[..colon], bullet[(colon + 2)..]) : null;
        }
    }

    private sealed record AutheliaRule(IReadOnlyList<string> Domains, string Policy, IReadOnlyList<string> Subjects, bool HasResources)
    {
        public static AutheliaRule From(YamlDotNet.RepresentationModel.YamlNode node)
        {
            var domain = node.At("domain");
            var domains = domain is YamlDotNet.RepresentationModel.YamlScalarNode ? new[] { domain.Text() } : domain.Texts().ToArray();
            var subjects = !node.Has("subject") ? new List<string>()
                : node.At("subject") is YamlDotNet.RepresentationModel.YamlSequenceNode seq
                    ? seq.Children.SelectMany(c => c is YamlDotNet.RepresentationModel.YamlSequenceNode inner ? inner.Texts() : new[] { c.Text() }).ToList()
                    : new List<string> { node.At("subject").Text() };
            return new AutheliaRule(domains, node.At("policy").Text(), subjects, node.Has("resources"));
        }
    }
}
