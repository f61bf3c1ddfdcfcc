using System.Reflection;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests.Hostile;

/// <summary>
/// Issue #11.6: .NET's <c>$</c> matches before a final <c>\n</c>, so <c>"valid\n"</c> passed every grammar. Every grammar
/// of <see cref="ValueRules"/> (found by reflection, so a new one cannot be forgotten) and every string argument of every
/// attribute refuses a valid value followed or interrupted by any line break.
/// </summary>
public sealed class LineBreakTests
{
    /// <summary>Every line break .NET, YAML, Caddy or a browser may honour, and the two-character CRLF.</summary>
    public static readonly string[] LineBreaks = { "\n", "\r\n", "\r", "\u2028", "\u2029", "\u0085", "\v", "\f" };

    /// <summary>A valid value for each grammar; a grammar missing here fails <see cref="Every_grammar_has_a_valid_sample"/>.</summary>
    private static readonly Dictionary<string, string> ValidSamples = new(StringComparer.Ordinal)
    {
        ["IsServiceName"] = "app",
        ["IsHost"] = "api.app",
        ["IsDomain"] = "example.com",
        ["IsEnvName"] = "LOG_LEVEL",
        ["IsSecretName"] = "APP_TOKEN",
        ["IsCapability"] = "host.shell.read",
        ["IsContainerPath"] = "/data",
        ["IsBindSource"] = "./conf/app.yml",
        ["IsVolumeName"] = "app-data",
        ["IsDuration"] = "1m30s",
        ["IsMemory"] = "512m",
        ["IsCpus"] = "0.5",
        ["IsUser"] = "1000:1000",
        ["IsUrlPath"] = "/oauth2/callback",
        ["IsRelativeFile"] = "certs/ca.pem",
        ["IsEmail"] = "ops@example.com",
        ["IsImage"] = "ghcr.io/o/r:1.2.3",
        ["IsSafeText"] = "any printable text",
        ["IsJustification"] = "Public status page by design.",
        ["IsPinned"] = "nginx:1.27.3",
    };

    private static IEnumerable<MethodInfo> Grammars() => typeof(ValueRules).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Where(m => m.ReturnType == typeof(bool) && m.GetParameters() is [{ } p] && (p.ParameterType == typeof(string)));

    public static TheoryData<string> GrammarNames() => new(Grammars().Select(m => m.Name));

    [Fact]
    public void Every_grammar_has_a_valid_sample() =>
        Assert.DoesNotContain(Grammars().Select(m => m.Name), n => !ValidSamples.ContainsKey(n));

    [Theory]
    [MemberData(nameof(GrammarNames))]
    public void Grammar_refuses_a_valid_value_with_a_line_break_anywhere(string grammar)
    {
        var method = Grammars().Single(m => m.Name == grammar);
        bool Accepts(string value) => (bool)method.Invoke(null, new object[] { value })!;
        var valid = ValidSamples[grammar];
        Assert.True(Accepts(valid), grammar + " refuses its own sample '" + valid + "'");
        foreach (var lineBreak in LineBreaks)
        {
            foreach (var hostile in new[] { valid + lineBreak, lineBreak + valid, valid[..(valid.Length / 2)] + lineBreak + valid[(valid.Length / 2)..], valid + lineBreak + valid })
            {
                Assert.False(Accepts(hostile), grammar + " accepts " + SymbolDisplay.FormatLiteral(hostile, quote: true));
            }
        }
    }

    /// <summary>(argument, descriptor with <c>{0}</c> where the value goes, a valid value, the diagnostic that refuses it with a line break).</summary>
    public static TheoryData<string, string, string, string> Arguments() => new()
    {
        { "Stack.Name", "[Stack({0}, \"example.com\", AcmeEmail = \"ops@example.com\")]", "hostile", "DMC0001" },
        { "Stack.Domain", "[Stack(\"hostile\", {0}, AcmeEmail = \"ops@example.com\")]", "example.com", "DMC0001" },
        { "Stack.AcmeEmail", "[Stack(\"hostile\", \"example.com\", AcmeEmail = {0})]", "ops@example.com", "DMC0001" },
        { "Stack.PortalHost", "[Stack(\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\", PortalHost = {0})]", "login", "DMC0001" },
        { "Service.Name", App("[Service({0}, \"example/app:1.2.3\")]"), "app", "DMC0001" },
        { "Service.Image", App("[Service(\"app\", {0})]"), "example/app:1.2.3", "DMC0001" },
        { "Service.User", App("[Service(\"app\", \"example/app:1.2.3\", User = {0})]"), "1000:1000", "DMC0001" },
        { "Service.Command", App("[Service(\"app\", \"example/app:1.2.3\", Command = new[] { \"serve\", {0} })]"), "--port=8080", "DMC0001" },
        { "Env.Name", App(Plain + "[Env({0}, \"info\")]"), "LOG_LEVEL", "DMC0001" },
        { "Env.Value", App(Plain + "[Env(\"LOG_LEVEL\", {0})]"), "info", "DMC0001" },
        { "Secret.Name", App(Plain + "[Secret({0})]"), "APP_TOKEN", "DMC0001" },
        { "Secret.As", App(Plain + "[Secret(\"APP_TOKEN\", As = {0})]"), "TOKEN", "DMC0001" },
        { "Secret.Prefix", App(Plain + "[Secret(\"APP_TOKEN\", Prefix = {0})]"), "sk-", "DMC0001" },
        { "Volume.Source", App(Plain + "[Volume({0}, \"/data\", Backup = Backup.Daily)]"), "app-data", "DMC0001" },
        { "Volume.Source (bind)", App(Plain + "[Volume({0}, \"/etc/app\", ReadOnly = true)]"), "./conf", "DMC0001" },
        { "Volume.Target", App(Plain + "[Volume(\"app-data\", {0}, Backup = Backup.Daily)]"), "/data", "DMC0001" },
        { "Healthcheck.Test", Plain + "[Healthcheck(\"wget\", {0})]", "--spider", "DMC0001" },
        { "Healthcheck.Interval", Plain + "[Healthcheck(\"true\", Interval = {0})]", "30s", "DMC0001" },
        { "Healthcheck.Timeout", Plain + "[Healthcheck(\"true\", Timeout = {0})]", "5s", "DMC0001" },
        { "Healthcheck.StartPeriod", Plain + "[Healthcheck(\"true\", StartPeriod = {0})]", "1m", "DMC0001" },
        { "Resources.Memory", App(Plain + "[Resources(Memory = {0})]"), "1g", "DMC0001" },
        { "Resources.Cpus", App(Plain + "[Resources(Cpus = {0})]"), "0.5", "DMC0001" },
        { "Publish.Justification", App(Plain + "[Publish(2525, Justification = {0})]"), "SMTP is not HTTP and cannot go through Caddy.", "DMC0001" },
        { "UiHost.Subdomain", App(Routed + "[UiHost({0})]\n[AllowedGroups(Team.Admins)]"), "app", "DMC0001" },
        { "UiHost.Justification", App(Routed + "[UiHost(\"app\", Sso = SsoMode.Public, Justification = {0})]"), "Public status page by design.", "DMC0001" },
        { "UiHost.Bypass", App(Routed + "[UiHost(\"app\", Bypass = new[] { {0} })]\n[AllowedGroups(Team.Admins)]"), "^/webhook/", "DMC0001" },
        { "UiHost.OidcCallbackPath", App(Routed + Oidc("OidcCallbackPath = {0}")), "/login/callback", "DMC0001" },
        { "UiHost.OidcClientSecret", App(Routed + "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = {0}, Justification = \"Only OIDC login, local login disabled.\")]\n[AllowedGroups(Team.Admins)]\n[Secret(\"APP_OIDC_SECRET\")]"), "APP_OIDC_SECRET", "DMC0001" },
        { "ApiHost.Subdomain", App(Routed + Api("Subdomain = {0}")), "api.app", "DMC0001" },
        { "ApiHost.AllowlistVariable", App(Routed + Api("AllowlistVariable = {0}")), "API_APP_ALLOWLIST", "DMC0001" },
        { "ApiHost.DefaultAllowlist", App(Routed + Api("DefaultAllowlist = new[] { {0} }")), "10.0.0.0/8", "DMC1005" },
        { "ApiHost.ApiKeySecret", App(Routed + "[ApiHost(ApiKeySecret = {0})]\n[Secret(\"APP_KEY\")]"), "APP_KEY", "DMC0001" },
        { "ApiHost.ClientCaFile", App(Routed + "[ApiHost(ClientCaFile = {0})]"), "certs/ca.pem", "DMC0001" },
        { "ApiHost.PublicJustification", App(Routed + Api("DefaultAllowlist = new[] { \"0.0.0.0/0\" }, PublicJustification = {0}")), "Webhook senders call from anywhere with the key.", "DMC0001" },
        { "Capabilities.Capabilities", App(Plain + "[Capabilities({0})]"), "host.shell.read", "DMC0001" },
        { "Capabilities.Variable", App(Plain + "[Capabilities(\"host.shell.read\", Variable = {0})]"), "KFUNCDB_ALLOW_CAPS", "DMC0001" },
        { "Capabilities.Justification", App(Plain + "[Capabilities(\"host.shell.exec\", Justification = {0})]"), "Runs the nightly maintenance scripts.", "DMC0001" },
        { "Elevated.Capabilities", App(Plain + "[Elevated(Elevation.CapAdd, {0}, Justification = \"WireGuard configures its interface.\")]"), "NET_ADMIN", "DMC0001" },
        { "Elevated.Justification", App(Plain + "[Elevated(Elevation.CapAdd, \"NET_ADMIN\", Justification = {0})]"), "WireGuard configures its interface.", "DMC0001" },
    };

    private const string Plain = "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend)]\n";
    private const string Routed = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";

    private static string Oidc(string argument) =>
        "[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", " + argument + ", Justification = \"Only OIDC login, local login disabled.\")]\n[AllowedGroups(Team.Admins)]\n[Secret(\"APP_OIDC_SECRET\")]";

    private static string Api(string argument) => "[ApiHost(ApiKeySecret = \"APP_KEY\", " + argument + ")]\n[Secret(\"APP_KEY\")]";

    /// <summary>A service descriptor with the default healthcheck, unless it declares its own.</summary>
    private static string App(string attributes) => attributes + "\n[Healthcheck(\"true\")]";

    private static string Source(string descriptor)
    {
        var stack = descriptor.StartsWith("[Stack(", StringComparison.Ordinal) ? descriptor : "[Stack(\"hostile\", \"example.com\", AcmeEmail = \"ops@example.com\")]";
        var app = descriptor.StartsWith("[Stack(", StringComparison.Ordinal) ? App(Routed + "[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]") : descriptor;
        return "using Datamancy.Config;\nnamespace LineBreaks;\n[UserGroups] public enum Team { Admins }\n" + stack + "\npublic partial class Root;\n"
            + TestStacks.Ingress + "\n" + TestStacks.Sso + "\n" + app + "\npublic partial class App;\n";
    }

    [Theory]
    [MemberData(nameof(Arguments))]
    public void Argument_refuses_a_valid_value_followed_by_a_line_break(string argument, string descriptor, string valid, string id)
    {
        var clean = GeneratorHarness.Run(Source(descriptor.Replace("{0}", SymbolDisplay.FormatLiteral(valid, quote: true))));
        Assert.True(!clean.Errors.Any(), argument + " = '" + valid + "' should build: " + string.Join("; ", clean.Errors));
        Assert.NotEmpty(clean.Artifacts);
        foreach (var lineBreak in LineBreaks.Concat(new[] { "\u200b", "\u0000" }))
        {
            var literal = SymbolDisplay.FormatLiteral(valid + lineBreak, quote: true);
            var source = Source(descriptor.Replace("{0}", literal));
            var run = GeneratorHarness.Run(source);
            HostileStack.AssertNoCrash(run);
            // Analyzer diagnostics sit in the tree, the generator's in a file location with the same span: both point into this source.
            Assert.True(run.Diagnostics.Any(d => d.Id == id && d.Severity == DiagnosticSeverity.Error && d.Location.SourceSpan.End <= source.Length
                    && source.Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length).Contains(literal, StringComparison.Ordinal)),
                argument + " = " + literal + ": no " + id + " on the argument; got " + string.Join("; ", run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
            Assert.Empty(run.Artifacts);
        }
    }
}
