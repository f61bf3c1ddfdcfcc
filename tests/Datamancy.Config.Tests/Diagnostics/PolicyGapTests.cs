using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Diagnostics;

/// <summary>
/// Issue #11.11: policy gaps that built without a word — a public suffix or an IP as the stack domain, a one_factor
/// stack default, a UI host open to every user, a justification of ten dots, groups that differ only by case.
/// </summary>
public sealed class PolicyGapTests
{
    private static string Minimal(string oldText, string newText)
    {
        Assert.Contains(oldText, TestStacks.Minimal);
        return TestStacks.Minimal.Replace(oldText, newText);
    }

    private const string StackLine = "[Stack(\"minimal\", \"example.org\", AcmeEmail = \"ops@example.org\")]";

    public static TheoryData<string> NotOwnable() => new(
        "co.uk", "org.uk", "ac.uk", "gov.uk", "com.au", "net.au", "co.nz", "co.jp", "ne.jp", "or.jp", "com.br", "co.za", "gov.in", "co.il", "com.cn", "edu.pl",
        "github.io", "gitlab.io", "pages.dev", "netlify.app", "vercel.app", "herokuapp.com", "duckdns.org", "ddns.net", "no-ip.org", "eu.org", "nip.io", "ts.net",
        "192.168.1.10", "10.0.0.1", "127.0.0.1", "1.2");

    [Theory]
    [MemberData(nameof(NotOwnable))]
    public void A_public_suffix_or_an_ip_address_is_not_a_stack_domain(string domain)
    {
        var run = GeneratorHarness.Run(Minimal(StackLine, StackLine.Replace("example.org", domain)));
        var error = Assert.Single(run.WithId("DMC0001"));
        Assert.Contains("domain '" + domain + "' is invalid", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Artifacts);
        Assert.NotNull(PublicSuffixes.Problem(domain));
    }

    [Theory]
    [InlineData("example.co.uk")]
    [InlineData("me.duckdns.org")]
    [InlineData("lab.github.io")]
    [InlineData("example.org")]
    [InlineData("co.example")]
    [InlineData("home.arpa.example")]
    [InlineData("1password.example")]
    public void A_name_registered_under_a_suffix_is_a_stack_domain(string domain)
    {
        var run = GeneratorHarness.Run(Minimal(StackLine, StackLine.Replace("example.org", domain)));
        Assert.Empty(run.Errors);
        Assert.Null(PublicSuffixes.Problem(domain));
    }

    [Fact]
    public void A_one_factor_stack_default_is_a_warning_on_the_argument()
    {
        var run = GeneratorHarness.Run(Minimal(StackLine, StackLine.Replace(")]", ", DefaultPolicy = AuthPolicy.OneFactor)]")));
        var warning = Assert.Single(run.WithId("DMC4004"));
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("DefaultPolicy = AuthPolicy.OneFactor", warning.Location.SourceTree!.ToString().Substring(warning.Location.SourceSpan.Start, warning.Location.SourceSpan.Length));
        Assert.Empty(GeneratorHarness.Run(Minimal(StackLine, StackLine.Replace(")]", ", DefaultPolicy = AuthPolicy.TwoFactor)]"))).WithId("DMC4004"));
    }

    [Fact]
    public void A_ui_host_without_groups_is_reported_and_the_audit_says_every_user_is_admitted()
    {
        var run = TestStacks.Run("minimal");
        var info = Assert.Single(run.WithId("DMC4005"));
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        var audit = run.Artifact("prod/SECURITY-AUDIT.md");
        Assert.Contains("whoami.example.org: forward_auth, two_factor, every authenticated user", audit);
        Assert.Contains("No [AllowedGroups], so every authenticated user of the directory is admitted (DMC4005): whoami.example.org", audit);
        // With groups, neither.
        var grouped = GeneratorHarness.Run(TestStacks.Minimal.Replace("[UiHost(\"whoami\")]", "[UiHost(\"whoami\")]\n[AllowedGroups(Team.Admins)]") + "\n[UserGroups] public enum Team { Admins }\n");
        Assert.Empty(grouped.WithId("DMC4005"));
        Assert.DoesNotContain("every authenticated user", grouped.Artifact("prod/SECURITY-AUDIT.md"));
    }

    [Theory]
    [InlineData("..........")]
    [InlineData("!!!!!!!!!!!!!!!!")]
    [InlineData("xxxxxxxxxx")]
    [InlineData("aaaa bbbb cccc")]
    [InlineData("n/a n/a n/a n/a")]
    [InlineData("1234567890 12")]
    [InlineData("Justified.")]
    [InlineData("- - - - - - - -")]
    public void A_justification_that_says_nothing_is_refused(string justification)
    {
        Assert.False(ValueRules.IsJustification(justification));
        var run = GeneratorHarness.Run(TestStacks.Minimal.Replace("[UiHost(\"whoami\")]", "[UiHost(\"whoami\", Sso = SsoMode.Public, Justification = \"" + justification + "\")]"));
        Assert.Single(run.WithId("DMC1001"));
        Assert.Empty(run.Artifacts);
    }

    [Theory]
    [InlineData("Public status page without login by design.")]
    [InlineData("SMTP is not HTTP.")]
    [InlineData("Öffentliche Statusseite ohne Anmeldung.")]
    public void A_justification_in_words_is_accepted(string justification) => Assert.True(ValueRules.IsJustification(justification));

    [Fact]
    public void User_groups_that_differ_only_by_case_are_an_error()
    {
        var run = GeneratorHarness.Run(TestStacks.Minimal + "\n[UserGroups] public enum Team { Admins, admins, Users }\n");
        var error = Assert.Single(run.WithId("DMC0001"));
        Assert.Contains("user group 'admins' is invalid: two [UserGroups] members name the group 'admins'", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(run.Artifacts);
        Assert.Empty(GeneratorHarness.Run(TestStacks.Minimal + "\n[UserGroups] public enum Team { Admins, Users, DataScientists }\n").WithId("DMC0001"));
    }
}
