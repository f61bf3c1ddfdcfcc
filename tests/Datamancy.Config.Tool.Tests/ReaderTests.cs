using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Caddy;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>The readers on their own: the built-in Caddyfile parser against caddy adapt, env files by name only.</summary>
public sealed class ReaderTests
{
    [SkippableFact]
    public void The_built_in_parser_reads_the_same_routes_as_caddy_adapt()
    {
        var caddy = Tools.Require("caddy", "apt-get install -y caddy");
        var path = Path.Combine(RealisticStackTests.Stacks, "static", "Caddyfile");
        var file = InputFile.Read(path, "Caddyfile", "Caddyfile");
        var parsed = new CaddyIngress();
        CaddyInterpreter.Interpret(CaddyfileParser.Parse(file), parsed);
        var adapted = CaddyAdapt.Adapt(caddy, file, out var version);
        Assert.Matches(@"^v?2\.[0-9]+", version);
        Assert.Equal(adapted.Keys.Order(StringComparer.Ordinal), parsed.Routes.Select(r => r.Host).Order(StringComparer.Ordinal));
        foreach (var route in parsed.Routes)
        {
            Assert.Equal(adapted[route.Host], route.Upstream);
        }
        var n8n = parsed.Routes.Single(r => r.Host == "n8n.team.example.org");
        Assert.True(n8n.ForwardAuth);
        var api = parsed.Routes.Single(r => r.Host.StartsWith("api.", StringComparison.Ordinal));
        Assert.Equal("10.0.0.0/8 192.168.0.0/16", api.Allowlist);
        Assert.True(api.RequireBearer);
        Assert.Equal("ops@team.example.org", parsed.Email);
    }

    [Fact]
    public void Placeholders_stay_one_token_and_are_never_resolved()
    {
        using var folder = new TempFolder();
        var path = folder.Write("Caddyfile", "api.x.example.com {\n\t@o not remote_ip {$API_X_ALLOWLIST:10.0.0.0/8 fc00::/7}\n\trespond @o 403\n\treverse_proxy x:80\n}\n");
        var ingress = new CaddyIngress();
        CaddyInterpreter.Interpret(CaddyfileParser.Parse(InputFile.Read(path, "Caddyfile", "Caddyfile")), ingress);
        Assert.Equal("{$API_X_ALLOWLIST:10.0.0.0/8 fc00::/7}", Assert.Single(ingress.Routes).Allowlist);
    }

    [Fact]
    public void Env_files_give_names_and_whether_they_are_set_never_values()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "# The database\nDB_PASSWORD=s3cr3t=with=equals # not a comment\nexport API_TOKEN=\"quoted value\"\nEMPTY=\nBLANK=   \n# OPTIONAL=\n\nQUOTES_ONLY=\"\"\n");
        var names = EnvFileReader.Read(path, ".env");
        Assert.Equal(new[] { "DB_PASSWORD", "API_TOKEN", "EMPTY", "BLANK", "OPTIONAL", "QUOTES_ONLY" }, names.Select(n => n.Name));
        Assert.Equal(new[] { true, true, false, false, false, false }, names.Select(n => n.IsSet));
        Assert.True(names.Single(n => n.Name == "OPTIONAL").CommentedOut);
        Assert.Equal("The database", names[0].Comment);
        Assert.Equal(new[] { 2, 3, 4, 5, 6, 8 }, names.Select(n => n.Where.Line));
        // The records hold nothing of the values.
        var everything = string.Join("|", names.Select(n => n.ToString()));
        Assert.DoesNotContain("s3cr3t", everything);
        Assert.DoesNotContain("quoted", everything);
    }

    [Fact]
    public void A_line_that_is_not_a_variable_is_refused_at_its_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write(".env", "GOOD=1\nthis is not an assignment\n");
        var error = Assert.Throws<ImportException>(() => EnvFileReader.Read(path, ".env"));
        Assert.Equal(".env:2", error.Where.ToString());
    }
}
