using Datamancy.Config.Generators.Validation;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The grammar of every value that reaches an artifact (<see cref="ValueRules"/>), at its edges: the longest and
/// shortest value each grammar admits, the first character it refuses, and the separators that would change the
/// structure of a Caddyfile, YAML or env file (line breaks, spaces, '..' segments, a second ':').
/// </summary>
public sealed class ValueGrammarGuardTests
{
    private static string Times(char c, int n) => new(c, n);

    public static TheoryData<string, string, bool> Grammar() => new()
    {
        { "service", "a", true }, { "service", "a0_-b", true }, { "service", "a" + Times('b', 62), true },
        { "service", "a" + Times('b', 63), false }, { "service", "", false }, { "service", "-a", false }, { "service", "_a", false },
        { "service", "A", false }, { "service", "a.b", false }, { "service", "a\n", false }, { "service", "a b", false },

        { "host", "a", true }, { "host", "a-b.c0", true }, { "host", Times('a', 63), true }, { "host", Times('a', 64), false },
        { "host", string.Join(".", Enumerable.Repeat(Times('a', 63), 4)).Substring(0, 253), true },
        { "host", string.Join(".", Enumerable.Repeat(Times('a', 63), 4)).Substring(0, 251) + ".a", true },
        { "host", string.Join(".", Enumerable.Repeat(Times('a', 63), 4)).Substring(0, 252) + ".a", false },
        { "host", "", false }, { "host", "-a", false }, { "host", "a-", false }, { "host", "A", false }, { "host", "a..b", false },
        { "host", ".a", false }, { "host", "a.", false }, { "host", "a_b", false }, { "host", "a\n", false }, { "host", "a b", false },

        { "domain", "example.com", true }, { "domain", "localhost", false }, { "domain", "Example.com", false },

        { "env", "A", true }, { "env", "_a", true }, { "env", "a1_B", true }, { "env", "A" + Times('B', 127), true },
        { "env", "A" + Times('B', 128), false }, { "env", "1A", false }, { "env", "", false }, { "env", "A-B", false }, { "env", "A\n", false },

        { "secret", "A_1", true }, { "secret", "_A", true }, { "secret", "A" + Times('B', 127), true }, { "secret", "A" + Times('B', 128), false },
        { "secret", "a", false }, { "secret", "A_b", false }, { "secret", "1A", false }, { "secret", "A-B", false }, { "secret", "A\n", false },

        { "capability", "host.docker", true }, { "capability", "net.*", true }, { "capability", "a1_b.c2_d.e", true },
        { "capability", "host", false }, { "capability", "Host.x", false }, { "capability", "host.", false }, { "capability", "host.*x", false },
        { "capability", "1a.b", false }, { "capability", ".a", false }, { "capability", "a..b", false }, { "capability", "a.B", false },
        { "capability", "host.docker\n", false }, { "capability", "*.a", false },

        { "containerPath", "/", true }, { "containerPath", "/data", true }, { "containerPath", "/a/b.c@+-_Z9", true }, { "containerPath", "/a/..b", true },
        { "containerPath", "data", false }, { "containerPath", "/a b", false }, { "containerPath", "/a/../b", false }, { "containerPath", "/..", false },
        { "containerPath", "/a\n", false }, { "containerPath", "/a:b", false }, { "containerPath", "", false },

        { "bind", "./data", true }, { "bind", "./", true }, { "bind", "./a/b.c", true },
        { "bind", "/data", false }, { "bind", "data", false }, { "bind", "./../x", false }, { "bind", "../x", false }, { "bind", "./a b", false },
        { "bind", "./a\n", false }, { "bind", "x./a", false },

        { "volume", "a", true }, { "volume", "a.b-c_d9", true }, { "volume", "a" + Times('b', 62), true }, { "volume", "a" + Times('b', 63), false },
        { "volume", "-a", false }, { "volume", "A", false }, { "volume", "a/b", false }, { "volume", "a\n", false },

        { "duration", "10s", true }, { "duration", "1h30m", true }, { "duration", "100ms", true }, { "duration", "5us", true }, { "duration", "999999s", true },
        { "duration", "", false }, { "duration", "10", false }, { "duration", "s", false }, { "duration", "1d", false }, { "duration", "1000000s", false },
        { "duration", "10 s", false }, { "duration", "-1s", false }, { "duration", "10s\n", false },

        { "memory", "512m", true }, { "memory", "1g", true }, { "memory", "1b", true }, { "memory", "999999999k", true },
        { "memory", "0m", false }, { "memory", "512", false }, { "memory", "512M", false }, { "memory", "1t", false }, { "memory", "1000000000k", false },
        { "memory", "01m", false }, { "memory", "1m\n", false },

        { "cpus", "1", true }, { "cpus", "0.5", true }, { "cpus", "2.25", true }, { "cpus", "100.125", true }, { "cpus", "999", true }, { "cpus", "0.001", true },
        { "cpus", "0", false }, { "cpus", "0.0", false }, { "cpus", "00.000", false }, { "cpus", ".5", false }, { "cpus", "1.", false },
        { "cpus", "1.2345", false }, { "cpus", "1000", false }, { "cpus", "a", false }, { "cpus", "1\n", false },

        { "user", "1000", true }, { "user", "1000:1000", true }, { "user", "app", true }, { "user", "app:app", true }, { "user", "_a-b", true },
        { "user", Times('a', 32), true }, { "user", Times('a', 33), false }, { "user", "a:" + Times('b', 32), true }, { "user", "a:" + Times('b', 33), false },
        { "user", "", false }, { "user", "App", false }, { "user", "1000:", false }, { "user", ":1000", false }, { "user", "-a", false },
        { "user", "a:b:c", false }, { "user", "a\n", false },

        { "urlPath", "/", true }, { "urlPath", "/a/b", true }, { "urlPath", "/a.b~c_-Z9", true },
        { "urlPath", "a", false }, { "urlPath", "/a b", false }, { "urlPath", "/a/../b", false }, { "urlPath", "/a?b", false }, { "urlPath", "/%2e", false },
        { "urlPath", "/a\n", false }, { "urlPath", "", false },

        { "relativeFile", "ca.pem", true }, { "relativeFile", "certs/ca.pem", true }, { "relativeFile", "_a", true },
        { "relativeFile", "/ca.pem", false }, { "relativeFile", ".hidden", false }, { "relativeFile", "../ca.pem", false }, { "relativeFile", "a/../b", false },
        { "relativeFile", "a b", false }, { "relativeFile", "", false }, { "relativeFile", "a\n", false },

        { "email", "ops@example.com", true }, { "email", "a.b+c%d_e-f@ex-ample.co.uk", true },
        { "email", "ops@localhost", false }, { "email", "ops@", false }, { "email", "@example.com", false }, { "email", "ops example@x.com", false },
        { "email", "ops@-x.com", false }, { "email", "ops@x.com\n", false }, { "email", Times('a', 242) + "@example.com", true },
        { "email", Times('a', 243) + "@example.com", false },

        { "image", "caddy", true }, { "image", "caddy:2.11.2", true }, { "image", "library/caddy:2", true }, { "image", "ghcr.io/org/app:1.0", true },
        { "image", "localhost:5000/app:1", true }, { "image", "app@sha256:" + Times('a', 64), true }, { "image", "app:1@sha256:" + Times('0', 64), true },
        { "image", "a__b/c-d.e:T_1", true }, { "image", "a" + Times('b', 254), true },
        { "image", "", false }, { "image", "Caddy", false }, { "image", "caddy:", false }, { "image", "caddy:-x", false }, { "image", "app@sha256:abc", false },
        { "image", "a//b", false }, { "image", "app:1 2", false }, { "image", ":1", false }, { "image", "a" + Times('b', 255), false },
        { "image", "app@sha256:" + Times('A', 64), false }, { "image", "caddy\n", false }, { "image", "a_-b", false }, { "image", "app:" + Times('t', 129), false },
    };

    [Theory]
    [MemberData(nameof(Grammar))]
    public void Each_grammar_admits_exactly_its_values(string grammar, string value, bool admitted)
    {
        var actual = grammar switch
        {
            "service" => ValueRules.IsServiceName(value),
            "host" => ValueRules.IsHost(value),
            "domain" => ValueRules.IsDomain(value),
            "env" => ValueRules.IsEnvName(value),
            "secret" => ValueRules.IsSecretName(value),
            "capability" => ValueRules.IsCapability(value),
            "containerPath" => ValueRules.IsContainerPath(value),
            "bind" => ValueRules.IsBindSource(value),
            "volume" => ValueRules.IsVolumeName(value),
            "duration" => ValueRules.IsDuration(value),
            "memory" => ValueRules.IsMemory(value),
            "cpus" => ValueRules.IsCpus(value),
            "user" => ValueRules.IsUser(value),
            "urlPath" => ValueRules.IsUrlPath(value),
            "relativeFile" => ValueRules.IsRelativeFile(value),
            "email" => ValueRules.IsEmail(value),
            "image" => ValueRules.IsImage(value),
            _ => throw new ArgumentOutOfRangeException(nameof(grammar)),
        };
        Assert.True(admitted == actual, grammar + " '" + value.Replace("\n", "\\n", StringComparison.Ordinal) + "' should " + (admitted ? string.Empty : "not ") + "be admitted");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(65535, true)]
    [InlineData(0, false)]
    [InlineData(65536, false)]
    [InlineData(-1, false)]
    public void A_port_is_1_to_65535(int port, bool valid) => Assert.Equal(valid, ValueRules.IsPort(port));

    [Theory]
    [InlineData("caddy:2.11.2", "2.11.2")]
    [InlineData("localhost:5000/app:1", "1")]
    [InlineData("caddy", null)]
    [InlineData("localhost:5000/app", null)]
    [InlineData("Bad Image:1", null)]
    public void The_tag_is_read_after_the_registry_port(string image, string? tag) => Assert.Equal(tag, ValueRules.ImageTag(image));

    [Theory]
    [InlineData("caddy:2.11.2", true)]
    [InlineData("caddy:2-alpine", true)]
    [InlineData("caddy@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("caddy:latest@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", true)]
    [InlineData("caddy", false)]
    [InlineData("caddy:latest", false)]
    [InlineData("caddy:LATEST", false)]
    [InlineData("caddy:stable", false)]
    [InlineData("caddy:main", false)]
    [InlineData("caddy:master", false)]
    [InlineData("caddy:edge", false)]
    [InlineData("caddy:nightly", false)]
    [InlineData("caddy:dev", false)]
    [InlineData("caddy:develop", false)]
    [InlineData("localhost:5000/caddy", false)]
    [InlineData("not an image:1", false)]
    public void An_image_is_pinned_by_a_digest_or_a_version_tag(string image, bool pinned) => Assert.Equal(pinned, ValueRules.IsPinned(image));

    [Theory]
    [InlineData("plain text, ü € 日本", true)]
    [InlineData("", true)]
    [InlineData("a\nb", false)]
    [InlineData("a\rb", false)]
    [InlineData("a\tb", false)]
    [InlineData("a\u0000b", false)]
    [InlineData("a\u0085b", false)]   // NEL, a control character
    [InlineData("a\u200Bb", false)]   // zero-width space (format)
    [InlineData("a\u202Eb", false)]   // right-to-left override (format)
    [InlineData("a\u2028b", false)]   // line separator
    [InlineData("a\u2029b", false)]   // paragraph separator
    [InlineData("a\uE000b", false)]   // private use
    [InlineData("a\u0378b", false)]   // unassigned
    public void Safe_text_has_no_control_line_break_or_invisible_character(string value, bool safe) => Assert.Equal(safe, ValueRules.IsSafeText(value));

    [Fact]
    public void A_lone_surrogate_is_not_safe_text()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate (it becomes U+FFFD).
        Assert.False(ValueRules.IsSafeText("a" + (char)0xD800 + "b"));
    }

    [Theory]
    [InlineData("Needed for the VPN tunnel device.", true)]
    [InlineData("abcd efgh.", true)]          // 10 characters, 8 letters, 2 words
    [InlineData("abab cdcd!", true)]          // 4 different letters
    [InlineData(null, false)]
    [InlineData("short", false)]
    [InlineData("abcd efgh", false)]          // 9 characters
    [InlineData("   abcd efgh   ", false)]    // 9 characters once trimmed
    [InlineData("..........", false)]
    [InlineData("xxxxxxxxxx", false)]
    [InlineData("n/a n/a n/a", false)]
    [InlineData("abc efgh..", false)]         // 7 letters
    [InlineData("abab caca!", false)]         // 3 different letters
    [InlineData("AAaa BBbb!", false)]         // 2 different letters, case ignored
    [InlineData("abcdefghij", false)]         // one word
    [InlineData("abcd-efgh!", false)]
    [InlineData("Needed for the\nVPN tunnel.", false)]
    public void A_justification_is_safe_text_that_says_something(string? value, bool justified) => Assert.Equal(justified, ValueRules.IsJustification(value));
}
