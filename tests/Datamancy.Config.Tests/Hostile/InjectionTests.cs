using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests.Hostile;

/// <summary>One test per injection class: the hostile value is rejected at its argument, or neutralized in every artifact.</summary>
public sealed class InjectionTests
{
    private static string L(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private const string App = "[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]";

    [Theory]
    [InlineData("a\nb")]
    [InlineData("a b")]
    [InlineData("a{b")]
    [InlineData("a}b")]
    [InlineData("a#b")]
    [InlineData("a\"b")]
    [InlineData("a'b")]
    [InlineData("a`b")]
    [InlineData("{$HOME}")]
    [InlineData("x\u200bz")]
    public void Caddy_tokens_reject_structure_characters_in_hosts(string subdomain)
    {
        var run = HostileStack.Run(App + "\n[UiHost(" + L(subdomain) + ")]");
        HostileStack.AssertRejected(run, "DMC0001", L(subdomain));
    }

    [Theory]
    [InlineData("API_X}{$HOME")]
    [InlineData("API X")]
    public void Caddy_placeholders_cannot_be_smuggled_through_variable_names(string variable)
    {
        var run = HostileStack.Run(App + "\n[ApiHost(AllowlistVariable = " + L(variable) + ", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]");
        HostileStack.AssertRejected(run, "DMC0001", L(variable));
    }

    [Theory]
    [InlineData("10.0.0.0/8}")]
    [InlineData("10.0.0.0/8 0.0.0.0/0")]
    [InlineData("10.0.0.0/8\n")]
    public void Cidrs_are_parsed_not_pasted(string cidr)
    {
        var run = HostileStack.Run(App + "\n[ApiHost(DefaultAllowlist = new[] { " + L(cidr) + " }, ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]");
        HostileStack.AssertRejected(run, "DMC1005", L(cidr));
    }

    [Fact]
    public void Literal_dollars_are_escaped_for_compose_everywhere()
    {
        var run = HostileStack.Run(App + "\n[Env(\"PRICE\", \"5$ or ${APP_TOKEN} or $$\")]\n[Secret(\"APP_TOKEN\")]\n[UiHost(\"app\")]");
        HostileStack.AssertNoCrash(run);
        var environment = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "app", "environment");
        Assert.Equal("5$$ or ${APP_TOKEN:?APP_TOKEN is not set; see .env.example} or $$$$", environment.At("PRICE").Text());
    }

    [Fact]
    public void An_undeclared_reference_is_rejected_rather_than_interpolated_from_the_host()
    {
        var run = HostileStack.Run(App + "\n[Env(\"HOME_DIR\", \"${HOME}\")]");
        HostileStack.AssertRejected(run, "DMC0001", "\"${HOME}\"");
    }

    [Fact]
    public void Commands_and_healthchecks_never_interpolate()
    {
        var source = HostileStack.With(App.Replace("Networks = Network.Frontend", "Networks = Network.Frontend, Command = new[] { \"echo\", \"$HOME\", \"${PATH}\" }"))
            .Replace("[Healthcheck(\"true\")]\npublic partial class App;", "[Healthcheck(\"test\", \"$HOSTNAME\")]\npublic partial class App;");
        var run = GeneratorHarness.Run(source);
        HostileStack.AssertNoCrash(run);
        var app = YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "app");
        Assert.Equal(new[] { "echo", "$$HOME", "$${PATH}" }, app.At("command").Texts());
        Assert.Equal(new[] { "CMD", "test", "$$HOSTNAME" }, app.At("healthcheck", "test").Texts());
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("no")]
    [InlineData("on")]
    [InlineData("off")]
    [InlineData("0755")]
    [InlineData("1e3")]
    [InlineData("*anchor")]
    [InlineData("&anchor")]
    [InlineData("!tag")]
    [InlineData("%directive")]
    [InlineData("@reserved")]
    [InlineData("key: value")]
    [InlineData("- item")]
    [InlineData("# comment")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("")]
    public void Yaml_specials_stay_strings(string value)
    {
        var run = HostileStack.Run(App + "\n[Env(\"VALUE\", " + L(value) + ")]");
        HostileStack.AssertNoCrash(run);
        var scalar = (YamlScalarNode)YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "app", "environment", "VALUE");
        Assert.Equal(ScalarStyle.DoubleQuoted, scalar.Style);
        Assert.Equal(value.Replace("$", "$$"), scalar.Value);
    }

    [Theory]
    [InlineData("^/hook/{{ env \"AUTHELIA_SESSION_SECRET\" }}")]
    [InlineData("^/a}}b")]
    public void Authelia_template_actions_cannot_be_injected(string bypass)
    {
        var run = HostileStack.Run(App + "\n[UiHost(\"app\", Bypass = new[] { " + L(bypass) + " })]");
        HostileStack.AssertRejected(run, "DMC0001", L(bypass));
    }

    [Fact]
    public void Braces_in_environment_values_do_not_reach_authelia()
    {
        var run = HostileStack.Run(App + "\n[Env(\"GREETING\", \"{{ env \\\"AUTHELIA_SESSION_SECRET\\\" }}\")]\n[UiHost(\"app\")]");
        HostileStack.AssertNoCrash(run);
        Assert.DoesNotContain("{{", run.Artifact("prod/authelia/configuration.yml"));
        Assert.Equal("{{ env \"AUTHELIA_SESSION_SECRET\" }}", YamlJson.Parse(run.Artifact("prod/compose.yaml")).At("services", "app", "environment", "GREETING").Text());
    }

    [Theory]
    [InlineData("\u202e")]
    [InlineData("\u2066")]
    [InlineData("\u200b")]
    [InlineData("\u2028")]
    [InlineData("\u0000")]
    public void Bidi_and_invisible_characters_are_rejected_in_free_text(string character)
    {
        var justification = "Public status page" + character + " by design.";
        var run = HostileStack.Run(App + "\n[UiHost(\"status\", Sso = SsoMode.Public, Justification = " + L(justification) + ")]");
        HostileStack.AssertNoCrash(run);
        Assert.Contains(run.Diagnostics, d => d.Id is "DMC0001" or "DMC1001");
        Assert.Empty(run.Artifacts);
    }

    [Fact]
    public void Free_text_is_escaped_in_markdown()
    {
        var run = HostileStack.Run(App + "\n[UiHost(\"status\", Sso = SsoMode.Public, Justification = \"Public | <b>status</b> `page` [link](x)\")]");
        HostileStack.AssertNoCrash(run);
        var audit = run.Artifact("prod/SECURITY-AUDIT.md");
        Assert.Contains("Public \\| \\<b\\>status\\</b\\> \\`page\\` \\[link\\](x)", audit);
    }
}
