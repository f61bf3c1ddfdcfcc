using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>The one-scan token expansion replaces exactly what the token pattern matches, as the regex did.</summary>
public class StackTokensTests
{
    private static readonly Regex Token = new(@"\{stack\.([a-z_]+)\}", RegexOptions.CultureInvariant);

    private static readonly StackModel Stack = new(
        new StackSettings("Demo.Stack", "demo", "example.org", null, false, Generators.Model.AuthPolicy.TwoFactor, "auth", EquatableArray<Acknowledgement>.Empty,
            new StackExtras(false, "10.1.0.0/24", null, null, "512m", "1.0", 256)),
        EquatableArray<string>.Empty,
        EquatableArray<ServiceModel>.Empty);

    [Theory]
    [InlineData("")]
    [InlineData("plain")]
    [InlineData("{stack.domain}")]
    [InlineData("https://app.{stack.domain}/x?dn={stack.base_dn}&p={stack.portal_url}&n={stack.name}")]
    [InlineData("{stack.frontend_subnet},{stack.backend_subnet},{stack.database_subnet}")]
    [InlineData("{stack.unknown}{stack.domain}")]
    [InlineData("{stack.}{stack.Domain}{stack.domain")]
    [InlineData("{stack.{stack.domain}}")]
    [InlineData("{{stack.domain}}{stack.do-main}{stack.domain}")]
    [InlineData("{stack.domain}{stack.domain}tail")]
    public void Expand_replaces_what_the_token_pattern_matches(string value)
    {
        var expected = Token.Replace(value, match => match.Groups[1].Value switch
        {
            "domain" => "example.org",
            "base_dn" => "dc=example,dc=org",
            "portal_url" => "https://auth.example.org",
            "name" => "demo",
            "frontend_subnet" => "10.1.0.0/24",
            _ => match.Value,
        });
        Assert.Equal(expected, StackTokens.Expand(value, Stack));
    }
}
