using System.Globalization;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The secret rules (a length the secrets command can generate safely, a prefix only where it is text, one kind per
/// name) and the elevation rules (each privilege justified, capabilities only with CapAdd and in kernel spelling).
/// </summary>
public sealed class SecretAndElevationGuardTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";

    private static List<string> Messages(GeneratorRun run, string id) =>
        run.Diagnostics.Where(d => d.Id == id).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

    [Theory]
    [InlineData("Password", 15, "passwords and client secrets are 16-256 characters")]
    [InlineData("Password", 16, null)]
    [InlineData("Password", 256, null)]
    [InlineData("Password", 257, "passwords and client secrets are 16-256 characters")]
    [InlineData("OidcClientSecret", 15, "passwords and client secrets are 16-256 characters")]
    [InlineData("OidcClientSecret", 64, null)]
    [InlineData("HexKey", 15, "keys are 16-1024 bytes")]
    [InlineData("HexKey", 16, null)]
    [InlineData("HexKey", 1024, null)]
    [InlineData("HexKey", 1025, "keys are 16-1024 bytes")]
    [InlineData("Base64Key", 257, null)]
    [InlineData("Base64Key", 1025, "keys are 16-1024 bytes")]
    [InlineData("RsaPrivateKey", 1024, "RSA keys are 2048-8192 bits, a multiple of 1024")]
    [InlineData("RsaPrivateKey", 2048, null)]
    [InlineData("RsaPrivateKey", 2560, "RSA keys are 2048-8192 bits, a multiple of 1024")]
    [InlineData("RsaPrivateKey", 8192, null)]
    [InlineData("RsaPrivateKey", 9216, "RSA keys are 2048-8192 bits, a multiple of 1024")]
    public void A_secret_length_outside_what_its_kind_can_hold_is_invalid(string kind, int length, string? rule)
    {
        var run = HostileStack.Run(App + "[Secret(\"APP_KEY\", Kind = SecretKind." + kind + ", Length = " + length + ")]");
        var messages = Messages(run, DiagnosticIds.InvalidValue).Where(m => m.Contains("of secret 'APP_KEY'", StringComparison.Ordinal)).ToList();
        if (rule is null)
        {
            Assert.Empty(messages);
            Assert.DoesNotContain(run.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        }
        else
        {
            Assert.Equal("Service 'app': Length " + length + " of secret 'APP_KEY' is invalid: " + rule, Assert.Single(messages));
        }
    }

    [Theory]
    [InlineData("sk-", "Password", true)]
    [InlineData("sk_", "OidcClientSecret", true)]
    [InlineData("abcdefghijklmnop", "Password", true)]
    [InlineData("abcdefghijklmnopq", "Password", false)]   // 17 characters
    [InlineData("sk-", "HexKey", false)]                   // a prefix would break the key's encoding
    [InlineData("sk-", "Base64Key", false)]
    [InlineData("sk-", "RsaPrivateKey", false)]
    [InlineData("sk.", "Password", false)]
    [InlineData("s k", "Password", false)]
    [InlineData("sk-\n", "Password", false)]
    public void A_prefix_is_a_short_word_on_a_text_secret_only(string prefix, string kind, bool valid)
    {
        var run = HostileStack.Run(App + "[Secret(\"APP_KEY\", Kind = SecretKind." + kind + ", Prefix = " + SymbolDisplay.FormatLiteral(prefix, quote: true) + ")]");
        var messages = Messages(run, DiagnosticIds.InvalidValue).Where(m => m.Contains("Prefix of secret 'APP_KEY'", StringComparison.Ordinal)).ToList();
        if (valid)
        {
            Assert.Empty(messages);
        }
        else
        {
            Assert.Contains("use up to 16 letters, digits, '-' or '_', on a Password or OidcClientSecret", Assert.Single(messages));
        }
    }

    [Theory]
    [InlineData("Kind = SecretKind.HexKey", "Kind = SecretKind.HexKey", true)]
    [InlineData("Kind = SecretKind.HexKey", "Kind = SecretKind.Base64Key", false)]
    [InlineData("Length = 32", "Length = 48", false)]
    [InlineData("Prefix = \"sk-\"", "Prefix = \"pk-\"", false)]
    [InlineData("Prefix = \"sk-\"", "Length = 0", false)]
    public void One_secret_name_has_one_kind_length_and_prefix_across_services(string first, string second, bool same)
    {
        var other = "[Service(\"other\", \"example/other:1.0.0\", Networks = Network.Backend)]\n[Secret(\"SHARED_KEY\", " + first
            + ")]\n[Healthcheck(\"true\")]\npublic partial class Other;\n";
        var run = HostileStack.Run(other + App + "[Secret(\"SHARED_KEY\", " + second + ")]");
        var messages = Messages(run, DiagnosticIds.InvalidValue).Where(m => m.Contains("secret 'SHARED_KEY'", StringComparison.Ordinal)).ToList();
        if (same)
        {
            Assert.Empty(messages);
        }
        else
        {
            var message = Assert.Single(messages);
            Assert.Contains("one secret has one kind and length", message);
            Assert.Contains("by service '", message);
        }
    }

    [Theory]
    [InlineData("Elevation.Privileged", "privileged: true")]
    [InlineData("Elevation.HostNetwork", "network_mode: host")]
    [InlineData("Elevation.HostPid", "pid: host")]
    [InlineData("Elevation.HostIpc", "ipc: host")]
    [InlineData("Elevation.HostUserns", "userns_mode: host")]
    [InlineData("Elevation.SeccompUnconfined", "security_opt: seccomp:unconfined")]
    [InlineData("Elevation.CapAdd, \"NET_ADMIN\", \"SYS_TIME\"", "cap_add: [NET_ADMIN, SYS_TIME]")]
    public void A_privilege_without_a_justification_is_refused_in_its_compose_form(string elevation, string composeForm)
    {
        foreach (var justification in new[] { string.Empty, ", Justification = \"todo\"" })
        {
            var run = HostileStack.Run(App + "[Elevated(" + elevation + justification + ")]");
            Assert.Equal("Service 'app': '" + composeForm + "' is requested without a justification; give Justification (10 characters or more) or remove it",
                Assert.Single(Messages(run, DiagnosticIds.ElevationWithoutJustification)));
        }
        var justified = HostileStack.Run(App + "[Elevated(" + elevation + ", Justification = \"Needed for the VPN tunnel device.\")]");
        Assert.Empty(justified.WithId(DiagnosticIds.ElevationWithoutJustification));
        Assert.DoesNotContain(justified.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("Elevation.CapAdd", "Elevation.CapAdd is invalid: name the Linux capabilities to add")]
    [InlineData("Elevation.Privileged, \"NET_ADMIN\"", "capabilities of Elevation.Privileged is invalid: capabilities are only given with Elevation.CapAdd")]
    [InlineData("Elevation.CapAdd, \"CAP_NET_ADMIN\"", "capability 'CAP_NET_ADMIN' is invalid: use a Linux capability name without the CAP_ prefix")]
    [InlineData("Elevation.CapAdd, \"net_admin\"", "capability 'net_admin' is invalid")]
    [InlineData("Elevation.CapAdd, \"N\"", "capability 'N' is invalid")]
    [InlineData("Elevation.CapAdd, \"NET_ADMIN\", \"NET ADMIN\"", "capability 'NET ADMIN' is invalid")]
    [InlineData("Elevation.CapAdd, \"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG\"", "capability 'ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFG' is invalid")]
    [InlineData("(Elevation)99", "Elevation 99 is invalid: use a member of the Elevation enum")]
    public void Elevation_arguments_that_make_no_sense_for_the_privilege_are_invalid(string elevation, string expected)
    {
        var run = HostileStack.Run(App + "[Elevated(" + elevation + ", Justification = \"Needed for the VPN tunnel device.\")]");
        Assert.Contains(Messages(run, DiagnosticIds.InvalidValue), m => m.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Kernel_spelled_capabilities_up_to_the_longest_name_are_accepted()
    {
        var run = HostileStack.Run(App + "[Elevated(Elevation.CapAdd, \"NET_ADMIN\", \"AB\", \"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF\", Justification = \"Needed for the VPN tunnel device.\")]");
        Assert.Empty(run.WithId(DiagnosticIds.InvalidValue));
        Assert.Empty(run.WithId(DiagnosticIds.ElevationWithoutJustification));
    }

    [Fact]
    public void A_privilege_requested_twice_is_invalid_once()
    {
        var run = HostileStack.Run(App + "[Elevated(Elevation.HostPid, Justification = \"Reads the host's process table.\")]\n[Elevated(Elevation.HostPid, Justification = \"Reads the host's process table.\")]");
        Assert.Contains("Elevation.HostPid is invalid: it is already requested", Assert.Single(Messages(run, DiagnosticIds.InvalidValue)));
    }

    [Fact]
    public void A_host_network_service_cannot_publish_ports()
    {
        var run = HostileStack.Run(App + "[Publish(8080, Justification = \"LAN clients reach it directly.\")]\n[Elevated(Elevation.HostNetwork, Justification = \"Discovers devices by multicast.\")]");
        Assert.Contains(Messages(run, DiagnosticIds.InvalidValue), m => m.Contains("Elevation.HostNetwork is invalid: a service on the host network cannot publish ports", StringComparison.Ordinal));
        var alone = HostileStack.Run(App + "[Elevated(Elevation.HostNetwork, Justification = \"Discovers devices by multicast.\")]");
        Assert.DoesNotContain(Messages(alone, DiagnosticIds.InvalidValue), m => m.Contains("cannot publish ports", StringComparison.Ordinal));
    }

    [Fact]
    public void A_justification_with_a_line_break_is_invalid_and_not_counted_as_given()
    {
        var run = HostileStack.Run(App + "[Elevated(Elevation.Privileged, Justification = \"Needed for the\\nVPN tunnel device.\")]");
        Assert.Contains("Justification is invalid: control, line-break and invisible characters are not allowed", Assert.Single(Messages(run, DiagnosticIds.InvalidValue)));
    }
}
