using Datamancy.Config.Generators.Validation;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The bypass rule decided on the text, branch by branch: each refusal says which rule the pattern breaks (the user
/// reads it in DMC0001/DMC1009), the narrow forms next to each refused one are accepted, and a request inside the
/// pattern's own segment never counts as opened.
/// </summary>
public sealed class BypassRuleGuardTests
{
    [Theory]
    [InlineData("^/a/\u0001", "control, line-break and invisible characters are not allowed")]
    [InlineData("^/a/\u200B", "control, line-break and invisible characters are not allowed")]
    [InlineData("^/a/{{x}}", "'{{' and '}}' are not allowed")]
    [InlineData("^/a/x}}", "'{{' and '}}' are not allowed")]
    [InlineData("^/a/\\", "it ends with a lone '\\'")]
    [InlineData("^/a/\\p{L}", "'\\p{…}' classes differ")]
    [InlineData("^/a/\\P{L}", "'\\P{…}' classes differ")]
    [InlineData("^/a/\\x41", "'\\x' is not portable")]
    [InlineData("^/a/\\b", "'\\b' is not portable")]
    [InlineData("^/a/(b)\\1", "'\\1' is not portable")]
    [InlineData("^/a/(b)\\9", "'\\9' is not portable")]
    [InlineData("^/a/\\y", "'\\y' is not an escape both .NET and RE2 know")]
    [InlineData("^/a/\\Z", "'\\Z' is not portable")]
    [InlineData("^/a/\\G", "'\\G' is not portable")]
    [InlineData("^/a/\\A", "'\\A' is not portable")]
    [InlineData("^/a/\\k<n>", "'\\k' is not portable")]
    [InlineData("^/a/\\K", "'\\K' is not portable")]
    [InlineData("^/a/\\e", "'\\e' is not portable")]
    [InlineData("^/a/\\cA", "'\\c' is not portable")]
    [InlineData("^/a/\\u0041", "'\\u' is not portable")]
    [InlineData("^/a/\\Qx\\E", "'\\Q' is not portable")]
    [InlineData("^/a/\\a", "'\\a' is not portable")]
    [InlineData("^/a/\\f", "'\\f' is not portable")]
    [InlineData("^/a/\\v", "'\\v' is not portable")]
    [InlineData("^/a/\\B", "'\\B' is not portable")]
    [InlineData("^/a/\\0", "'\\0' is not portable")]
    [InlineData("^/a/`", "'`' never appears unencoded")]
    [InlineData("^/a/ ", "' ' never appears unencoded")]
    [InlineData("^/a/[a[b]", "'[' inside a class")]
    [InlineData("^/a/[]]", "a class starting with ']'")]
    [InlineData("^/a/[^]]", "a class starting with ']'")]
    [InlineData("^/a/(?", "'(?' is refused")]
    [InlineData("^/a/(?=b)", "'(?=' is refused")]
    [InlineData("^/a/b{,3}", "'{' must be a repeat")]
    [InlineData("^/a/b{1,2,3}", "'{' must be a repeat")]
    [InlineData("^/a/b{12345}", "'{' must be a repeat")]
    [InlineData("^/a/b{1001}", "'{' must be a repeat such as '{2}' or '{1,3}' (at most 1000)")]
    [InlineData("^/a/b{1a}", "'{' must be a repeat")]
    [InlineData("^/a/b{/}", "'{' must be a repeat")]
    [InlineData("^/a/b{:}", "'{' must be a repeat")]
    [InlineData("^/a/b{", "'{' must be a repeat")]
    [InlineData("^/a/b{2}+", "possessive quantifiers ('{…}+')")]
    [InlineData("^/a/b*+", "possessive quantifiers ('*+')")]
    [InlineData("^/a/b++", "possessive quantifiers ('++')")]
    [InlineData("^/a/b?+", "possessive quantifiers ('?+')")]
    [InlineData("^/a/[abc", "a character class is not closed")]
    [InlineData("^/a/(b", "it is not a valid regular expression (")]
    public void A_pattern_that_is_not_portable_is_a_syntax_problem_that_says_why(string pattern, string reason)
    {
        var verdict = BypassRules.Check(pattern);
        Assert.Equal(BypassRules.Problem.Syntax, verdict.Kind);
        Assert.Contains(reason, verdict.Reason, StringComparison.Ordinal);
        Assert.Empty(verdict.Opened);
    }

    [Theory]
    [InlineData("^/a/b{2}")]
    [InlineData("^/a/b{0}")]
    [InlineData("^/a/b{9}")]
    [InlineData("^/a/b{1,3}")]
    [InlineData("^/a/b{2,}")]
    [InlineData("^/a/b{1000}")]
    [InlineData("^/a/(?:b|c)")]
    [InlineData("^/a/[a-z]+\\.json$")]
    [InlineData("^/a/[^/]+$")]
    [InlineData("^/a/\\d+\\w*\\s?\\S\\D\\W\\z")]
    [InlineData("^/a/\\[x\\]\\{\\}\\(\\)\\|\\*")]
    [InlineData("^/a/[|]")]
    [InlineData("^/a/\\|")]
    [InlineData("^/a/(b|c)")]
    [InlineData("^/hooks/+x")]
    [InlineData("^/webhook/")]
    [InlineData("^/webhook$")]
    [InlineData("^/webhook\\?")]
    [InlineData("^/webhook\\?token=[a-f0-9]+$")]
    [InlineData("^/\\.well-known/")]
    [InlineData("^/A~_-9/")]
    [InlineData("^/Z/")]
    [InlineData("^/z/")]
    [InlineData("^/0/")]            // digits at both ends of their range belong to the segment
    [InlineData("^/v0/")]
    [InlineData("^/9/")]
    [InlineData("^/a/[({]")]        // '(' and '{' inside a class are literal characters
    [InlineData("^/a/[a|]x")]       // a '|' inside a class after another character is no alternation
    public void A_pattern_limited_to_its_literal_first_segment_is_accepted(string pattern)
    {
        var verdict = BypassRules.Check(pattern);
        Assert.True(verdict.Kind == BypassRules.Problem.None, pattern + ": " + verdict.Reason);
        Assert.Equal(string.Empty, verdict.Reason);
        Assert.Empty(verdict.Opened);
    }

    [Theory]
    [InlineData("^/-$")]            // "/-" is a fixed probe, inside the pattern's own segment
    [InlineData("^/_$")]
    [InlineData("^/~$")]
    [InlineData("^/admin$")]        // "/admin"
    [InlineData("^/admin/")]        // "/admin/"
    [InlineData("^/admin\\?")]      // "/admin?webhook", "/admin?next=/webhook/": the query is not part of the segment
    [InlineData("^/api/v1/")]
    [InlineData("^/users/1\\?")]
    public void A_probe_inside_the_patterns_own_segment_is_not_counted_as_opened(string pattern) =>
        Assert.Equal(BypassRules.Problem.None, BypassRules.Check(pattern).Kind);

    [Theory]
    [InlineData("webhook/", "it must start with '^/' and a literal first path segment")]
    [InlineData("/webhook/", "it must start with '^/'")]
    [InlineData("^/[a-z]+/", "the first path segment after '^/' must be literal")]
    [InlineData("^/./", "the first path segment after '^/' must be literal")]
    [InlineData("^/\\./", "the first path segment after '^/' must be literal")]
    [InlineData("^/\\.\\./", "the first path segment after '^/' must be literal")]
    [InlineData("^/(webhook)/", "the first path segment after '^/' must be literal")]
    [InlineData("^/webhook", "the first path segment 'webhook' must be followed by '/', '\\?' or the end '$' (otherwise it also opens '/webhook-anything')")]
    [InlineData("^/webhook$x", "must be followed by '/', '\\?' or the end '$'")]
    [InlineData("^/webhook\\.", "the first path segment 'webhook.' must be followed by")]
    [InlineData("^/webhook?/", "the first path segment 'webhook' must be followed by")]
    [InlineData("^/webhook..x/", "the first path segment 'webhook' must be followed by")] // an unescaped '.' is not part of the segment
    [InlineData("^/webhook/*x/", "the '/' that ends the first path segment 'webhook' must not be optional or repeatable ('*', '?', '{…}'; '+' is allowed): otherwise it also opens '/webhook-anything/'")]
    [InlineData("^/webhook/?x/", "the '/' that ends the first path segment 'webhook' must not be optional or repeatable")]
    [InlineData("^/webhook/{0,2}x/", "the '/' that ends the first path segment 'webhook' must not be optional or repeatable")]
    [InlineData("^/webhook\\?*x", "the '\\?' that ends the first path segment 'webhook' must not be optional or repeatable")]
    [InlineData("^/webhook\\??", "the '\\?' that ends the first path segment 'webhook' must not be optional")]
    [InlineData("^/hooks/|.*", "'|' outside a group re-opens the host: the other side is not anchored to '^/hooks'; put alternatives inside a group, e.g. '^/hooks/(a|b)'")]
    [InlineData("^/hooks/(a)|b", "'|' outside a group")]
    [InlineData("^/hooks/[a]|b", "'|' outside a group")]
    [InlineData("^/hooks/\\||b", "'|' outside a group")]
    public void A_pattern_wider_than_its_segment_is_a_scope_problem_that_says_which_rule(string pattern, string reason)
    {
        var verdict = BypassRules.Check(pattern);
        Assert.Equal(BypassRules.Problem.Scope, verdict.Kind);
        Assert.Contains(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("^/hooks/|^/admin/", "/admin/")]
    [InlineData("^.*webhook", "/admin?webhook")]
    [InlineData("hook|webhook", "/webhook-admin")]      // probes are built around the longest word
    [InlineData("webhook|hook", "/webhook-admin")]
    [InlineData("xyz|abc", "/xyz-admin")]               // the first of the longest words
    [InlineData("^/webhook", "/webhookx")]
    [InlineData("^/webhook", "/webhook-admin")]
    [InlineData("^/webhook", "/webhook.bak")]
    [InlineData("^/webhook/*\\.?[a-z]/", "/webhookx/")]
    [InlineData("^/.*", "/")]
    public void A_refused_pattern_names_the_requests_it_would_open(string pattern, string request)
    {
        var verdict = BypassRules.Check(pattern);
        Assert.Equal(BypassRules.Problem.Scope, verdict.Kind);
        Assert.Contains(request, verdict.Opened);
    }

    [Fact]
    public void The_probes_cover_the_segment_with_a_suffix_inside_other_paths_and_in_the_query()
    {
        var probes = BypassRules.Probes("seg").ToList();
        foreach (var probe in new[] { "/", "/admin", "/admin?webhook", "/segx", "/seg-admin", "/seg.bak", "/segx/", "/xseg/", "/admin/seg/", "/admin?seg", "/admin?r=/seg/", "//seg/" })
        {
            Assert.Contains(probe, probes);
        }
        Assert.True(probes.Count(p => p.Contains("?q=seg", StringComparison.Ordinal)) > 5, "the pseudo-random probes carry the segment in the query");
        Assert.Equal(probes, BypassRules.Probes("seg").ToList()); // the same on every build
        Assert.DoesNotContain(BypassRules.Probes(null), p => p.EndsWith("-admin/x.y/", StringComparison.Ordinal)); // segment probes need a segment
        Assert.Contains(BypassRules.Probes(null), p => p.EndsWith("?q=x", StringComparison.Ordinal));
    }

    /// <summary>A pattern cut off inside a class or a group is refused as a syntax problem, never by an exception.</summary>
    [Theory]
    [InlineData("^/a/b[")]
    [InlineData("^/a/b[^")]
    [InlineData("^/a/b(")]
    [InlineData("^/a/b{")]
    public void A_pattern_cut_off_after_an_opening_character_is_a_syntax_problem(string pattern) =>
        Assert.Equal(BypassRules.Problem.Syntax, BypassRules.Check(pattern).Kind);

    [Fact]
    public void An_invalid_regular_expression_is_named_by_the_first_sentence_of_the_parser_s_message()
    {
        var reason = BypassRules.Check("^/a/(b").Reason;
        Assert.StartsWith("it is not a valid regular expression (", reason, StringComparison.Ordinal);
        Assert.EndsWith(")", reason, StringComparison.Ordinal);
        Assert.Contains("^/a/(b", reason, StringComparison.Ordinal); // .NET: "Invalid pattern '^/a/(b' at offset 6. Not enough )'s."
        Assert.DoesNotContain(". ", reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// The probe set behind DMC1009's message ("… and N more probed requests"): the fixed paths, twelve around the segment,
    /// and 64 pseudo-random paths of one to four segments of one to ten characters, about a third with a query.
    /// </summary>
    [Fact]
    public void The_probes_are_the_fixed_paths_the_segment_shapes_and_64_varied_random_paths()
    {
        var withSegment = BypassRules.Probes("seg").ToList();
        var without = BypassRules.Probes(null).ToList();
        foreach (var probe in new[] { "/seg-admin/x.y/", "/segx?y=/", "/admin#/seg/" })
        {
            Assert.Contains(probe, withSegment);
        }
        Assert.Equal(12, withSegment.Count - without.Count);
        var random = without.Skip(without.Count - 64).ToList();
        Assert.Equal(64, random.Distinct().Count());
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-_.~";
        static string[] Segments(string probe) => probe.Split('?')[0].Substring(1).Split('/');
        foreach (var probe in random)
        {
            Assert.StartsWith("/", probe, StringComparison.Ordinal);
            var segments = Segments(probe);
            Assert.InRange(segments.Length, 1, 4);
            Assert.All(segments, s => Assert.InRange(s.Length, 1, 10));
            Assert.All(segments, s => Assert.True(s.All(c => alphabet.Contains(c)), probe));
        }
        Assert.Equal(new[] { 1, 2, 3, 4 }, random.Select(p => Segments(p).Length).Distinct().Order());
        Assert.Contains(random, p => Segments(p).Any(s => s.Length == 10));
        var queried = random.Count(p => p.Contains("?q=x", StringComparison.Ordinal));
        Assert.InRange(queried, 10, 31);
    }
}
