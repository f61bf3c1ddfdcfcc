using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The private-range check that keeps DMC1004 silent: a range counts as private only when every address of it
/// lies inside a private or loopback range, so the prefix length matters as much as the address.
/// </summary>
public sealed class CidrGuardTests
{
    [Theory]
    [InlineData("10.0.0.0/8")]
    [InlineData("10.1.2.0/24")]
    [InlineData("10.255.255.255/32")]
    [InlineData("172.16.0.0/12")]
    [InlineData("172.31.0.0/16")]
    [InlineData("192.168.0.0/16")]
    [InlineData("192.168.1.7/32")]
    [InlineData("127.0.0.0/8")]
    [InlineData("127.0.0.1/32")]
    [InlineData("::1/128")]
    [InlineData("fc00::/7")]
    [InlineData("fd00:1::/64")]
    [InlineData("100.64.0.0/10")]   // carrier-grade NAT (Tailscale and other overlays)
    [InlineData("100.127.255.255/32")]
    [InlineData("169.254.0.0/16")]  // link-local
    [InlineData("169.254.10.1/32")]
    [InlineData("fe80::/10")]
    [InlineData("febf::1/128")]
    [InlineData("private_ranges")]  // Caddy's own shortcut for its private ranges
    public void A_range_inside_a_private_or_loopback_range_is_private(string cidr) =>
        Assert.True(Cidrs.IsPrivateOrLoopback(cidr), cidr);

    [Theory]
    [InlineData("10.0.0.0/1")]      // the right address, a prefix that covers half the internet
    [InlineData("10.0.0.0/7")]
    [InlineData("192.168.0.0/8")]
    [InlineData("192.168.0.0/15")]
    [InlineData("172.16.0.0/11")]
    [InlineData("127.0.0.0/7")]
    [InlineData("fc00::/6")]
    [InlineData("::1/127")]
    [InlineData("::/0")]
    [InlineData("0.0.0.0/0")]
    [InlineData("11.0.0.0/8")]      // the right prefix, an address just outside
    [InlineData("9.255.255.255/32")]
    [InlineData("172.32.0.0/12")]
    [InlineData("172.15.255.255/32")]
    [InlineData("192.169.0.0/16")]
    [InlineData("128.0.0.1/32")]
    [InlineData("fe00::/7")]
    [InlineData("::2/128")]
    [InlineData("203.0.113.0/24")]
    [InlineData("100.64.0.0/9")]
    [InlineData("100.128.0.0/32")]
    [InlineData("169.254.0.0/15")]
    [InlineData("169.255.0.1/32")]
    [InlineData("fe80::/9")]
    [InlineData("fec0::1/128")]
    [InlineData("Private_ranges")]
    public void A_range_reaching_outside_the_private_ranges_is_not_private(string cidr) =>
        Assert.False(Cidrs.IsPrivateOrLoopback(cidr), cidr);

    [Theory]
    [InlineData("::ffff:10.0.0.1/128")] // an IPv4-mapped IPv6 address is an IPv6 range, compared with the IPv6 ranges only
    [InlineData("::a00:1/128")]
    public void An_ipv6_range_is_never_matched_against_an_ipv4_range(string cidr) =>
        Assert.False(Cidrs.IsPrivateOrLoopback(cidr), cidr);

    [Theory]
    [InlineData("10.0.0.0/1")]
    [InlineData("192.168.0.0/8")]
    [InlineData("172.16.0.0/11")]
    [InlineData("fc00::/6")]
    public void The_allowlist_rule_fires_on_a_private_address_with_a_too_short_prefix(string cidr)
    {
        var run = GeneratorHarness.Run(ApiStack(cidr));
        var finding = Assert.Single(run.WithId(DiagnosticIds.AllowlistAdmitsInternet));
        Assert.Contains(cidr, finding.GetMessage());
        Assert.Empty(run.Artifacts);
    }

    [Theory]
    [InlineData("10.8.0.0/24")]
    [InlineData("192.168.0.0/16")]
    [InlineData("fd00:1::/64")]
    public void The_allowlist_rule_is_silent_on_a_private_range_and_the_range_reaches_caddy_and_compose(string cidr)
    {
        var run = GeneratorHarness.Run(ApiStack(cidr));
        Assert.Empty(run.WithId(DiagnosticIds.AllowlistAdmitsInternet));
        Assert.Contains(cidr, run.Artifact("prod/Caddyfile"));
        Assert.Contains(cidr, run.Artifact("prod/compose.yaml"));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("::/129")]
    [InlineData("10.0.0/8")]
    [InlineData("10.0.0.0")]
    [InlineData("/8")]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/+8")]
    [InlineData("10.0.0.0/0008")]
    [InlineData("fe80::1%eth0/64")]
    [InlineData("10.0.0.1 /32")]
    [InlineData("0x0a.0.0.0/8")]
    [InlineData("::ffff:10.0.0.0/8 ")]
    [InlineData("10.0.0.256/32")]   // passes the character and four-part checks, refused by the address parser
    [InlineData("1::2::3/64")]
    public void A_malformed_range_is_refused_by_the_parser_and_never_counts_as_private(string cidr)
    {
        Assert.False(Cidrs.TryParse(cidr, out _, out _), cidr);
        Assert.False(Cidrs.IsPrivateOrLoopback(cidr), cidr);
    }

    [Theory]
    [InlineData("10.0.0.0/0", 4, 0)]
    [InlineData("10.0.0.0/32", 4, 32)]
    [InlineData("::/0", 16, 0)]
    [InlineData("2001:db8::/128", 16, 128)]
    [InlineData("FD00::/8", 16, 8)]
    [InlineData("10.9.0.0/29", 4, 29)]
    [InlineData("2001:db8:a::/48", 16, 48)]
    [InlineData("2001:DB8:A::/48", 16, 48)]
    public void A_well_formed_range_parses_to_its_address_family_and_prefix(string cidr, int bytes, int prefix)
    {
        Assert.True(Cidrs.TryParse(cidr, out var address, out var parsed), cidr);
        Assert.Equal(bytes, address.Length);
        Assert.Equal(prefix, parsed);
    }

    [Fact]
    public void Compose_escaping_keeps_every_literal_dollar_around_several_references()
    {
        var escaped = EnvReferences.ForCompose("x$ ${A} y$ ${B} z$", name => "<" + name + ">");
        Assert.Equal("x$$ <A> y$$ <B> z$$", escaped);
    }

    private static string ApiStack(string cidr) => "using Datamancy.Config;\nnamespace CidrGuard;\n" + """
        [Stack("cidr", "example.net", AcmeEmail = "ops@example.net")]
        public partial class CidrStack;

        """ + TestStacks.Ingress + "\n" + """
        [Service("app", "example/app:1.0.0", Port = 8080, Networks = Network.Frontend)]
        [ApiHost(ApiKeySecret = "APP_KEY", DefaultAllowlist = new[] { "CIDR" })]
        [Secret("APP_KEY")]
        [Healthcheck("/app", "health")]
        public partial class App;
        """.Replace("CIDR", cidr);

    /// <summary>
    /// An allowlist entry written as a bare address means that one address (what Caddy's <c>remote_ip</c> reads it as);
    /// it is written as a one-address CIDR, IPv6 in canonical lower case. A CIDR, Caddy's shortcut and anything
    /// unparsable stay as written, so the validator reports the text the user wrote.
    /// </summary>
    [Theory]
    [InlineData("10.1.2.3", "10.1.2.3/32")]
    [InlineData("::1", "::1/128")]
    [InlineData("2001:DB8:0:0::1", "2001:db8::1/128")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("2001:DB8::/32", "2001:DB8::/32")]
    [InlineData("private_ranges", "private_ranges")]
    [InlineData("10.1.2", "10.1.2")]
    [InlineData("example.org", "example.org")]
    public void A_bare_address_is_normalized_to_a_one_address_range(string entry, string normalized) =>
        Assert.Equal(normalized, Cidrs.Normalize(entry));
}
