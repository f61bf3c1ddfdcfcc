using System.Globalization;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The rules on the [Stack] class: names and hosts in their grammar, private non-overlapping subnets, resource
/// defaults and retention/rotation ranges at both ends, and the production TLS settings.
/// </summary>
public sealed class StackSettingsGuardTests
{
    private const string StackLine = HostileStack.StackLine;
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";

    private static GeneratorRun Run(string stackLine) =>
        GeneratorHarness.Run(HostileStack.With(App).Replace(StackLine, stackLine, StringComparison.Ordinal), "using Datamancy.Config;\n");

    private static GeneratorRun With(string arguments) => Run(StackLine.Replace(")]", ", " + arguments + ")]", StringComparison.Ordinal));

    private static List<string> Invalid(GeneratorRun run) =>
        run.Diagnostics.Where(d => d.Id == DiagnosticIds.InvalidValue).Select(d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public void The_plain_stack_has_no_stack_finding()
    {
        var run = Run(StackLine);
        Assert.Empty(Invalid(run));
        Assert.Empty(run.WithId(DiagnosticIds.AcmeWithoutEmail));
        Assert.Empty(run.WithId(DiagnosticIds.AcmeStagingInProduction));
        Assert.Empty(run.WithId(DiagnosticIds.OneFactorDefault));
    }

    [Theory]
    [InlineData("[Stack(\"Hostile Stack\", \"example.com\", AcmeEmail = \"ops@example.com\")]", "Stack 'Hostile Stack': name 'Hostile Stack' is invalid: use lower-case letters, digits, '-' or '_'")]
    [InlineData("[Stack(\"hostile\", \"localhost\", AcmeEmail = \"ops@example.com\")]", "domain 'localhost' is invalid: use a lower-case DNS name with at least two labels")]
    [InlineData("[Stack(\"hostile\", \"10.0.0.1\", AcmeEmail = \"ops@example.com\")]", "domain '10.0.0.1' is invalid: an IP address cannot hold the stack's hosts")]
    [InlineData("[Stack(\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", PortalHost = \"Auth\")]", "PortalHost 'Auth' is invalid: use lower-case DNS labels")]
    [InlineData("[Stack(\"hostile\", \"example.com\", AcmeEmail = \"ops\")]", "AcmeEmail 'ops' is invalid: use an address such as 'admin@example.com'")]
    public void A_stack_value_outside_its_grammar_is_invalid(string stackLine, string expected) =>
        Assert.Contains(Invalid(Run(stackLine)), m => m.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void Production_tls_and_policy_settings_are_reported()
    {
        Assert.Single(Run("[Stack(\"hostile\", \"example.com\")]").WithId(DiagnosticIds.AcmeWithoutEmail));
        Assert.Single(With("AcmeStaging = true").WithId(DiagnosticIds.AcmeStagingInProduction));
        Assert.Single(With("DefaultPolicy = AuthPolicy.OneFactor").WithId(DiagnosticIds.OneFactorDefault));
    }

    [Theory]
    [InlineData("172.30.1.0/24", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("192.168.7.8/29", true)]
    [InlineData("10.0.0.0/7", false)]       // prefix below 8 (and not private as a whole)
    [InlineData("172.30.1.0/30", false)]    // prefix above 29
    [InlineData("172.30.1.0/29", true)]
    [InlineData("8.8.8.0/24", false)]       // public
    [InlineData("172.30.1.1/24", false)]    // not the network address
    [InlineData("172.30.1.128/24", false)]
    [InlineData("172.30.1.0/23", false)]    // host bit 23 set
    [InlineData("fd00::/64", false)]        // IPv6
    [InlineData("garbage", false)]
    public void A_subnet_is_a_private_ipv4_network_address_with_a_prefix_of_8_to_29(string subnet, bool valid)
    {
        foreach (var key in new[] { "FrontendSubnet", "BackendSubnet", "DatabaseSubnet" })
        {
            var messages = Invalid(With(key + " = \"" + subnet + "\"")).Where(m => m.Contains(key + " '", StringComparison.Ordinal)).ToList();
            if (valid)
            {
                Assert.Empty(messages);
            }
            else
            {
                Assert.Contains("use a private IPv4 network address with a prefix of 8-29", Assert.Single(messages));
            }
        }
    }

    [Theory]
    [InlineData("FrontendSubnet = \"172.30.0.0/16\", BackendSubnet = \"172.30.1.0/24\"", "subnet '172.30.1.0/24' is invalid: it overlaps '172.30.0.0/16'")]
    [InlineData("BackendSubnet = \"172.30.1.0/24\", DatabaseSubnet = \"172.30.1.0/24\"", "subnet '172.30.1.0/24' is invalid: it overlaps '172.30.1.0/24'")]
    [InlineData("FrontendSubnet = \"172.30.1.0/24\", DatabaseSubnet = \"172.16.0.0/12\"", "subnet '172.16.0.0/12' is invalid: it overlaps '172.30.1.0/24'")]
    [InlineData("FrontendSubnet = \"172.30.1.0/24\", BackendSubnet = \"172.30.2.0/24\", DatabaseSubnet = \"172.30.3.0/24\"", null)]
    // A prefix beyond 32 is refused on its own and overlaps nothing, though its address bytes would share the /24's.
    [InlineData("FrontendSubnet = \"172.30.1.0/24\", BackendSubnet = \"172.30.1.0/33\"", null)]
    [InlineData("FrontendSubnet = \"172.30.1.0/33\", BackendSubnet = \"172.30.1.0/24\"", null)]
    public void Each_network_needs_its_own_range(string arguments, string? expected)
    {
        var overlaps = Invalid(With(arguments)).Where(m => m.Contains("overlaps", StringComparison.Ordinal)).ToList();
        if (expected is null)
        {
            Assert.Empty(overlaps);
        }
        else
        {
            Assert.Contains(expected, Assert.Single(overlaps));
        }
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.1.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/8", true)]
    [InlineData("10.0.0.0/16", "10.1.0.0/16", false)]
    [InlineData("10.0.0.0/15", "10.1.0.0/16", true)]
    [InlineData("10.1.0.0/16", "10.0.0.0/15", true)]
    [InlineData("192.168.1.0/24", "192.168.1.128/25", true)]
    [InlineData("192.168.1.0/25", "192.168.1.128/25", false)]
    [InlineData("192.168.1.0/24", "192.168.2.0/24", false)]
    [InlineData("10.0.0.0/8", "fd00::/8", false)]
    public void Two_ranges_overlap_when_they_agree_on_the_shorter_prefix(string a, string b, bool overlap) =>
        Assert.Equal(overlap, StackSettingsRules.Overlap(a, b));

    [Theory]
    [InlineData("DefaultMemory = \"512M\"", "DefaultMemory '512M' is invalid: use a size such as '512m' or '2g'")]
    [InlineData("DefaultCpus = \"0\"", "DefaultCpus '0' is invalid: use a positive number such as '0.5' or '2'")]
    [InlineData("DefaultPids = 0", "DefaultPids 0 is invalid: use 1-1000000")]
    [InlineData("DefaultPids = 1000001", "DefaultPids 1000001 is invalid: use 1-1000000")]
    [InlineData("BackupKeepDaily = 0", "BackupKeepDaily 0 is invalid: use a whole number from 1 to 366")]
    [InlineData("BackupKeepDaily = 367", "BackupKeepDaily 367 is invalid: use a whole number from 1 to 366")]
    [InlineData("BackupKeepWeekly = -1", "BackupKeepWeekly -1 is invalid: use a whole number from 0 to 520")]
    [InlineData("BackupKeepWeekly = 521", "BackupKeepWeekly 521 is invalid")]
    [InlineData("BackupKeepMonthly = -1", "BackupKeepMonthly -1 is invalid: use a whole number from 0 to 1200")]
    [InlineData("BackupKeepMonthly = 1201", "BackupKeepMonthly 1201 is invalid")]
    [InlineData("PasswordMaxAgeDays = 0", "PasswordMaxAgeDays 0 is invalid: use a whole number from 1 to 3650")]
    [InlineData("PasswordMaxAgeDays = 3651", "PasswordMaxAgeDays 3651 is invalid")]
    [InlineData("KeyMaxAgeDays = 0", "KeyMaxAgeDays 0 is invalid: use a whole number from 1 to 3650")]
    [InlineData("KeyMaxAgeDays = 3651", "KeyMaxAgeDays 3651 is invalid")]
    [InlineData("SigningKeyMaxAgeDays = 0", "SigningKeyMaxAgeDays 0 is invalid: use a whole number from 1 to 3650")]
    [InlineData("SigningKeyMaxAgeDays = 3651", "SigningKeyMaxAgeDays 3651 is invalid")]
    [InlineData("ClientSecretMaxAgeDays = 0", "ClientSecretMaxAgeDays 0 is invalid: use a whole number from 1 to 3650")]
    [InlineData("ClientSecretMaxAgeDays = 3651", "ClientSecretMaxAgeDays 3651 is invalid")]
    public void A_default_or_a_range_outside_its_bounds_is_invalid(string argument, string expected) =>
        Assert.Contains(Invalid(With(argument)), m => m.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void The_bounds_themselves_are_accepted()
    {
        var run = With("DefaultPids = 1000000, BackupKeepDaily = 366, BackupKeepWeekly = 520, BackupKeepMonthly = 1200, PasswordMaxAgeDays = 3650, "
            + "KeyMaxAgeDays = 3650, SigningKeyMaxAgeDays = 3650, ClientSecretMaxAgeDays = 3650, DefaultMemory = \"2g\", DefaultCpus = \"0.5\"");
        Assert.Empty(Invalid(run));
        var low = With("DefaultPids = 1, BackupKeepDaily = 1, BackupKeepWeekly = 0, BackupKeepMonthly = 0, PasswordMaxAgeDays = 1, "
            + "KeyMaxAgeDays = 1, SigningKeyMaxAgeDays = 1, ClientSecretMaxAgeDays = 1");
        Assert.Empty(Invalid(low));
    }

    /// <summary>The stack class's own [Justify] attributes (attributes after the stack line, ID, whole message, underlined text).</summary>
    public static TheoryData<string, string, string> StackAcknowledgements() => new()
    {
        { "[Justify(\"DMC9999\", \"The staging host is on purpose.\")]", "Stack 'hostile': [Justify] check 'DMC9999' is invalid: name a Datamancy diagnostic ID such as 'DMC3010'", "\"DMC9999\"" },
        { "[Justify(\"DMC0001\", \"The staging host is on purpose.\")]", "Stack 'hostile': [Justify] check 'DMC0001' is invalid: it is an error, which cannot be acknowledged; use the justified form its page describes (docs/diagnostics/DMC0001.md)", "\"DMC0001\"" },
        { "[Justify(\"DMC4003\", \"todo\")]", "Stack 'hostile': [Justify] reason is invalid: write why the finding is accepted (10 characters or more, one line)", "\"todo\"" },
    };

    [Theory]
    [MemberData(nameof(StackAcknowledgements))]
    public void The_stack_class_acknowledgements_are_checked_like_a_services(string justify, string message, string underlined)
    {
        var run = Run(StackLine + "\n" + justify);
        run.AssertPlaced(DiagnosticIds.InvalidValue, message, underlined, justify);
    }
}
