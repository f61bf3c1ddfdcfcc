using System.Net;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// The whole class behind the run-time allowlist check (<c>caddy-preflight.sh</c>, run by /bin/sh as compose runs it):
/// every structure character is refused wherever it appears, and on random IPv4/IPv6 ranges the script admits exactly
/// what the build-time rule calls private or loopback (<see cref="Cidrs.IsPrivateOrLoopback"/>) — or, with
/// PublicJustification, every well-formed range.
/// </summary>
public sealed class RuntimeAllowlistCheckTests
{
    private const string App = "[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n";

    private static GeneratorRun Private => TestStacks.RunOnce("allowlist-private", () => HostileStack.Run(App + "[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"));

    private static GeneratorRun Public => TestStacks.RunOnce("allowlist-public", () => HostileStack.Run(App
        + "[ApiHost(ApiKeySecret = \"APP_KEY\", PublicJustification = \"Webhook senders come from anywhere; the key is checked.\")]\n[Secret(\"APP_KEY\")]"));

    private static int Check(GeneratorRun run, string value, out string stderr)
    {
        using var folder = new TempFolder();
        var script = folder.Write("caddy-preflight.sh", run.Artifact("prod/caddy-preflight.sh"));
        var result = Tools.Run("/bin/sh", new[] { script, "true" }, folder.Path, new Dictionary<string, string?> { ["API_APP_ALLOWLIST"] = value });
        stderr = result.StandardError;
        return result.ExitCode;
    }

    public static TheoryData<string> StructureCharacters() => new() { "\n", "\r", "\t", "{", "}", "\"", "'", "#", ";", "$", "`", "\\", "|", "&", "*", "?", "[", "(", "\u2028", "\u00a0", "g" };

    [Theory]
    [MemberData(nameof(StructureCharacters))]
    public void A_structure_character_anywhere_in_the_value_is_refused(string character)
    {
        foreach (var value in new[] { character + "10.0.0.0/8", "10.0.0.0/8" + character, "10.0.0.0/8" + character + "127.0.0.1", "10.0.0." + character + "1/32" })
        {
            Assert.Equal(78, Check(Private, value, out var stderr));
            Assert.Contains("API_APP_ALLOWLIST", stderr);
        }
    }

    [Fact]
    public void Unset_empty_and_private_values_pass_and_the_command_runs()
    {
        using var folder = new TempFolder();
        var script = folder.Write("caddy-preflight.sh", Private.Artifact("prod/caddy-preflight.sh"));
        var unset = Tools.Run("/bin/sh", new[] { script, "echo", "started" }, folder.Path, new Dictionary<string, string?> { ["API_APP_ALLOWLIST"] = null });
        Assert.Equal("started\n", unset.StandardOutput);
        Assert.Equal(0, Check(Private, "", out _));
        Assert.Equal(0, Check(Private, "10.0.0.0/8 172.16.0.0/12 192.168.0.0/16 127.0.0.0/8 ::1/128 fc00::/7 10.1.2.3 fd00:1::/64", out _));
    }

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("::/0")]
    [InlineData("10.0.0.0/7")]
    [InlineData("fe80::/10")]
    [InlineData("10.0.0.0/8 8.8.8.8")]
    public void The_example_a_public_range_is_refused_unless_the_descriptor_allows_it(string value)
    {
        Assert.Equal(78, Check(Private, value, out var stderr));
        Assert.Contains("is not a private or loopback range", stderr);
        Assert.Equal(0, Check(Public, value, out _));
    }

    [Theory]
    [InlineData("10.0.0.0/")]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.256/8")]
    [InlineData("10.0.0/8")]
    [InlineData("010.0.0.0/8")]
    [InlineData("10.0.0.0/08")]
    [InlineData("fc00::1::2")]
    [InlineData("fc00:0:0:0:0:0:0/64")]
    [InlineData("fc00::/129")]
    [InlineData("/8")]
    [InlineData("::ffff:10.0.0.0/104")]
    public void Malformed_ranges_are_refused_even_where_public_ranges_are_allowed(string value)
    {
        Assert.Equal(78, Check(Public, value, out var stderr));
        Assert.Contains("is not an IP address or CIDR", stderr.Replace("has a prefix longer than", "is not an IP address or CIDR"));
    }

    [Fact]
    public void On_random_ranges_the_script_admits_exactly_the_private_and_loopback_ones()
    {
        var random = new Random(20261129);
        var disagreements = new List<string>();
        for (var i = 0; i < 160; i++)
        {
            var cidr = i % 2 == 0 ? RandomIpv4(random) : RandomIpv6(random);
            var admitted = Check(Private, cidr, out _) == 0;
            if (admitted != Cidrs.IsPrivateOrLoopback(cidr))
            {
                disagreements.Add(cidr + (admitted ? " admitted" : " refused"));
            }
        }
        Assert.Empty(disagreements);
    }

    private static string RandomIpv4(Random random)
    {
        var first = new[] { 10, 127, 172, 192, 203, 0, 11, 126, 128, 191, 193 }[random.Next(11)];
        var second = random.Next(4) == 0 ? new[] { 15, 16, 31, 32, 168, 167 }[random.Next(6)] : random.Next(256);
        var prefix = random.Next(4) == 0 ? random.Next(33) : new[] { 0, 7, 8, 11, 12, 15, 16, 24, 32 }[random.Next(9)];
        return first + "." + second + "." + random.Next(256) + "." + random.Next(256) + "/" + prefix;
    }

    private static string RandomIpv6(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        switch (random.Next(5))
        {
            case 0: bytes[0] = 0xfc; break;
            case 1: bytes[0] = 0xfd; break;
            case 2: bytes[0] = (byte)(0xfc ^ (1 << random.Next(8))); break;
            case 3: Array.Clear(bytes); bytes[15] = (byte)random.Next(3); break;
        }
        var prefix = random.Next(3) == 0 ? random.Next(129) : new[] { 0, 6, 7, 8, 64, 127, 128 }[random.Next(7)];
        return new IPAddress(bytes).ToString() + "/" + prefix;
    }
}
