using System.Text.RegularExpressions;
using CsCheck;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests.Hostile;

/// <summary>
/// Issue #11.1: a bypass resource switches SSO off for every request it matches (path and query, Go RE2). The examples
/// that built green are refused with the requests they would open; random patterns that the rules accept open nothing
/// outside their literal first segment, compile in RE2 and match there exactly what they match in .NET.
/// </summary>
public sealed class BypassTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n";

    private static GeneratorRun Run(string ui) => HostileStack.Run(App + ui + "\n[AllowedGroups(Team.Admins)]", "namespace Hostile { [UserGroups] public enum Team { Admins } }");

    private static string L(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    [Theory]
    [InlineData("^/.+", "'/admin'")]
    [InlineData("^/[^h]", "'/admin'")]
    [InlineData("^.*webhook", "'/admin?webhook'")]
    [InlineData("^/.*", "'/'")]
    [InlineData("^/webhook", "'/webhookx'")]
    [InlineData("^/hooks/|.*", "'/'")]
    [InlineData("^/hooks/|^/admin/", "'/admin/'")]
    [InlineData("/webhook/", "'/admin/webhook/'")]
    [InlineData("webhook", "'/admin?webhook'")]
    [InlineData("^/(webhook|admin)/", "'/admin/'")]
    [InlineData("^/w?/", "")]
    [InlineData("^/webhook/?.*", "'/webhookx'")]
    [InlineData("^/[a-z]+/hook", "must be literal")]
    [InlineData("^/", "'/'")]
    [InlineData("^/./", "")]
    [InlineData("^/webhook/*\\.?[a-z]/", "'/webhookx/'")]
    [InlineData("^/webhook/?x/", "'/webhookx/'")]
    [InlineData("^/webhook/{0,2}x/", "")]
    [InlineData("^/webhook\\?*x", "")]
    public void A_bypass_wider_than_one_path_is_refused_with_the_requests_it_would_open(string bypass, string opened)
    {
        var run = Run("[UiHost(\"app\", Bypass = new[] { \"^/webhook/\", " + L(bypass) + " })]");
        HostileStack.AssertRejected(run, "DMC1009", L(bypass));
        var message = run.Diagnostics.Single(d => d.Id == "DMC1009").GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("bypass resource '" + bypass + "' on UI host 'app' is not limited to one path", message);
        Assert.Contains(opened, message);
    }

    [Theory]
    [InlineData("^/a/(?>b)", "(?>")]
    [InlineData("^/a/\\p{IsGreek}", "\\p")]
    [InlineData("^/a/(?=b)", "(?=")]
    [InlineData("^/a/(?<!b)c", "(?<")]
    [InlineData("^/a/(?<name>b)", "(?<")]
    [InlineData("^/a/(b)\\1", "\\1")]
    [InlineData("^/a/\\Z", "\\Z")]
    [InlineData("^/a/\\G", "\\G")]
    [InlineData("^/a/(?i)b", "(?i")]
    [InlineData("^/a/[a-z-[aeiou]]", "'['")]
    [InlineData("^/a/b{1,5000}", "repeat")]
    [InlineData("^/a/(?#comment)", "(?#")]
    [InlineData("^/a/(", "not a valid regular expression")]
    [InlineData("^/a/`b`", "never appears unencoded")]
    [InlineData("^/a b/", "never appears unencoded")]
    public void Syntax_that_is_not_the_same_in_dotnet_and_re2_is_an_invalid_value(string bypass, string named)
    {
        var run = Run("[UiHost(\"app\", Bypass = new[] { " + L(bypass) + " })]");
        HostileStack.AssertRejected(run, "DMC0001", L(bypass));
        Assert.Contains(named, run.Diagnostics.Single(d => d.Id == "DMC0001").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"Only OIDC login, local login disabled.\"", "app-level OIDC")]
    [InlineData("Sso = SsoMode.Public, Justification = \"Public status page by design.\"", "public")]
    public void A_bypass_the_host_ignores_is_an_error(string arguments, string mode)
    {
        var run = Run("[UiHost(\"app\", " + arguments + ", Bypass = new[] { \"^/webhook/\" })]\n[Secret(\"APP_OIDC_SECRET\")]");
        HostileStack.AssertRejected(run, "DMC1011", "\"^/webhook/\"");
        Assert.Contains("(" + mode + ")", run.Diagnostics.Single(d => d.Id == "DMC1011").GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    public static readonly string[] Accepted =
    {
        "^/webhook/", "^/webhook/.*$", "^/api/health$", "^/hooks/(github|gitlab)/[0-9a-f]{8,64}$", "^/\\.well-known/", "^/webhook\\?token=",
        "^/share/[A-Za-z0-9_-]+$", "^/api/v1/(status|health)$", "^/static/.*\\.(css|js)$", "^/rss$",
    };

    [Fact]
    public void Narrow_bypasses_build_and_reach_authelia_as_written()
    {
        foreach (var bypass in Accepted)
        {
            var run = Run("[UiHost(\"app\", Bypass = new[] { " + L(bypass) + " })]");
            Assert.True(!run.Errors.Any(), bypass + ": " + string.Join("; ", run.Errors));
            var rules = (YamlDotNet.RepresentationModel.YamlSequenceNode)YamlJson.Parse(run.Artifact("prod/authelia/configuration.yml")).At("access_control", "rules");
            Assert.Equal(new[] { bypass }, rules.Children.First().At("resources").Texts());
        }
    }

    /// <summary>The first path segment a pattern is anchored to, read independently of the rules: literal characters after '^/'.</summary>
    private static string? Segment(string pattern)
    {
        var match = Regex.Match(pattern, @"^\^/((?:[A-Za-z0-9_~-]|\\\.)+)(?:/|\\\?|\$\z)");
        return match.Success ? match.Groups[1].Value.Replace("\\.", ".") : null;
    }

    private static readonly string[] Tokens =
    {
        "^", "/", "webhook", "hooks", "a", ".", "*", "+", "?", "|", "(", ")", "(?:", "[^h]", "[a-z]", "\\.", "$", "-", ".*", ".+", "\\?", "=", "{2}", "[/?]", "\\d", "x|y", "(a|b)",
    };

    private static readonly Gen<string> Patterns = Gen.Frequency(
        (1, Gen.OneOf(Tokens).Array[1, 8].Select(t => string.Concat(t))),
        (3, Gen.Select(Gen.OneOf("webhook", "hooks", "a", "api", "x\\.y"), Gen.OneOf(Tokens).Array[0, 6], Gen.OneOf("/", "$", "\\?", "", "-"),
            (segment, rest, end) => "^/" + segment + end + string.Concat(rest))));

    private static readonly Gen<string> Requests = Gen.Select(
        Gen.OneOf("webhook", "hooks", "a", "api", "x.y", "admin", "", "webhookx", "hooks-admin", "x", ".", "a?b").Array[1, 4],
        Gen.OneOf("", "?", "?webhook", "?r=/webhook/", "?x=/hooks/", "/", "#/a/"),
        (segments, tail) => "/" + string.Join("/", segments) + tail);

    private static int Iterations => Seeded.Setting("DATAMANCY_BYPASS_ITERATIONS", 3000);

    [Fact]
    public void Random_patterns_the_rules_accept_open_nothing_outside_their_segment()
    {
        var accepted = 0;
        var requests = Seeded.Values(Requests, Seeded.Seed + 1, 200).ToList();
        Seeded.ForEach(Patterns, Seeded.Seed, Iterations, pattern =>
        {
            if (BypassRules.Check(pattern).Kind != BypassRules.Problem.None)
            {
                return;
            }
            accepted++;
            var segment = Segment(pattern);
            Assert.True(segment is not null, "accepted '" + pattern + "' without a literal first segment");
            var regex = new Regex(pattern, RegexOptions.CultureInvariant);
            foreach (var request in requests.Concat(BypassRules.Probes(segment)))
            {
                var path = request.Split('?')[0];
                var first = path.Length <= 1 ? string.Empty : path[1..].Split('/')[0];
                Assert.True(!regex.IsMatch(request) || first == segment, "'" + pattern + "' accepted but opens '" + request + "'");
            }
        });
        Assert.True(accepted > 100, "only " + accepted + " random patterns were accepted: the generator does not exercise the rule");
    }

    [SkippableFact]
    public void Every_accepted_pattern_compiles_in_re2_and_matches_there_what_it_matches_in_dotnet()
    {
        var node = Re2Oracle.Require();
        var patterns = new List<string>(Accepted);
        patterns.AddRange(Seeded.Values(Patterns, Seeded.Seed, Iterations).Where(p => BypassRules.Check(p).Kind == BypassRules.Problem.None).Take(400));
        var requests = Seeded.Values(Requests, Seeded.Seed + 2, 300).Concat(BypassRules.Probes("webhook")).Distinct().ToList();
        var answers = Re2Oracle.Ask(node, patterns.Select(p => (p, (IReadOnlyList<string>)requests)).ToList());
        for (var i = 0; i < patterns.Count; i++)
        {
            Assert.True(answers[i].Ok, "'" + patterns[i] + "' is accepted but RE2 refuses it: " + answers[i].Error);
            var dotnet = requests.Where(r => Regex.IsMatch(r, patterns[i], RegexOptions.CultureInvariant)).ToList();
            Assert.Equal(dotnet, answers[i].Matches);
        }
    }

    [SkippableFact]
    public void Re2_itself_refuses_the_dotnet_only_constructs_the_rules_refuse()
    {
        var node = Re2Oracle.Require();
        var dotnetOnly = new[] { "^/a/(?>b)", "^/a/\\p{IsGreek}", "^/a/(?=b)", "^/a/(?<!b)c", "^/a/(b)\\1", "^/a/\\Z", "^/a/\\G", "^/a/b{1,5000}" };
        var answers = Re2Oracle.Ask(node, dotnetOnly.Select(p => (p, (IReadOnlyList<string>)Array.Empty<string>())).ToList());
        for (var i = 0; i < dotnetOnly.Length; i++)
        {
            Assert.False(answers[i].Ok, "RE2 compiles '" + dotnetOnly[i] + "'");
            Assert.Equal(BypassRules.Problem.Syntax, BypassRules.Check(dotnetOnly[i]).Kind);
        }
    }
}
