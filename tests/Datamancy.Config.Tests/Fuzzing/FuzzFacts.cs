using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Fuzzing;

/// <summary>
/// What must hold for any random stack: the generator does not crash; every error is a Datamancy
/// diagnostic; and when none fires, every artifact parses back to the facts that were declared.
/// </summary>
public static class FuzzFacts
{
    private static readonly string[] NetworkNames = { "frontend", "backend", "database" };

    public static bool Check(FuzzStack spec, GeneratorRun run)
    {
        Assert.DoesNotContain(run.Diagnostics, d => d.Id is "CS8785" or "DMC0000");
        var errors = run.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.All(errors, d => Assert.StartsWith("DMC", d.Id));
        if (errors.Count > 0 || run.Manifest is null || run.Manifest.Blocked)
        {
            Assert.True(run.Manifest is null || run.Manifest.Blocked);
            Assert.Empty(run.Artifacts);
            return false;
        }
        CheckCompose(spec, run.Artifact("prod/compose.yaml"));
        CheckCaddyfile(spec, run.Artifact("prod/Caddyfile"));
        CheckAuthelia(spec, run.Artifact("prod/authelia/configuration.yml"));
        CheckEnvTemplate(run.Artifact("prod/.env.example"));
        return true;
    }

    /// <summary>A service the backup plan added: it runs one of the generated scripts.</summary>
    private static bool IsBackupService(YamlDotNet.RepresentationModel.YamlNode service) =>
        service.Has("entrypoint") && service.At("entrypoint").Texts().Any(a => a.StartsWith("/etc/datamancy-backup/", StringComparison.Ordinal));

    private static void CheckCompose(FuzzStack spec, string yaml)
    {
        var services = YamlJson.Parse(yaml).At("services");
        Assert.Equal(spec.Services.Select(s => s.Name).Concat(new[] { "caddy", "authelia", "ldap" }).OrderBy(n => n, StringComparer.Ordinal),
            services.Entries().Where(e => !IsBackupService(e.Value)).Select(e => e.Key).OrderBy(n => n, StringComparer.Ordinal));
        // The core directory has a daily volume: the backup plan adds the restic service and the directory's dump service.
        Assert.Contains("backup", services.Entries().Where(e => IsBackupService(e.Value)).Select(e => e.Key));
        foreach (var s in spec.Services)
        {
            var node = services.At(s.Name);
            Assert.Equal(s.Image, node.At("image").Text());
            Assert.Equal(NetworkNames.Where((_, i) => (s.Networks & (1 << i)) != 0), node.At("networks").Texts());
            Assert.Equal(new[] { "CMD" }.Concat(s.Health), node.At("healthcheck", "test").Texts().Select(Unescape));
            if (s.Publish.Length > 0)
            {
                Assert.Equal(s.Publish.Select(p => "${INGRESS_BIND_IP:-0.0.0.0}:" + p + ":" + p + "/tcp"), node.At("ports").Texts());
            }
            else
            {
                Assert.False(node.Has("ports"));
            }
            foreach (var env in s.Env)
            {
                var declared = Regex.Replace(node.At("environment", env.Name).Text(), @"\$\{([A-Z_][A-Z0-9_]*):\?[^}]*\}", "${$1}");
                Assert.Equal(Expand(env.Value, spec.Domain), UnescapeKeepingReferences(declared));
            }
        }
    }

    private static void CheckCaddyfile(FuzzStack spec, string caddyfile)
    {
        var sites = CaddyfileSites.Parse(caddyfile);
        var expected = new Dictionary<string, string> { ["auth." + spec.Domain] = "authelia:9091" };
        foreach (var s in spec.Services)
        {
            if (s.Ui is { } ui) expected[ui.Subdomain + "." + spec.Domain] = s.Name + ":" + s.Port;
            if (s.Api is { } api) expected[(api.Subdomain ?? "api." + s.Name) + "." + spec.Domain] = s.Name + ":" + s.Port;
        }
        Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), sites.Keys.OrderBy(k => k, StringComparer.Ordinal));
        foreach (var (host, upstream) in expected)
        {
            Assert.Contains("reverse_proxy " + upstream, sites[host]);
        }
        foreach (var s in spec.Services.Where(s => s.Ui is not null))
        {
            var lines = sites[s.Ui!.Subdomain + "." + spec.Domain];
            Assert.Equal(s.Ui.Sso == 0, lines.Contains("import authelia"));
        }
    }

    private static void CheckAuthelia(FuzzStack spec, string yaml)
    {
        var authelia = YamlJson.Parse(yaml);
        Assert.Equal("deny", authelia.At("access_control", "default_policy").Text());
        var rules = ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("access_control", "rules")).Children
            .Where(r => r.At("policy").Text() != "bypass").Select(r => r.At("domain").Text());
        var expected = spec.Services.Where(s => s.Ui is { Sso: 0 }).Select(s => s.Ui!.Subdomain + "." + spec.Domain);
        Assert.Equal(expected.OrderBy(x => x, StringComparer.Ordinal), rules.OrderBy(x => x, StringComparer.Ordinal));
        Assert.Equal(spec.Domain, ((YamlDotNet.RepresentationModel.YamlSequenceNode)authelia.At("session", "cookies")).Children.Single().At("domain").Text());
    }

    private static void CheckEnvTemplate(string template)
    {
        foreach (var line in template.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')))
        {
            Assert.Matches("^[A-Z_][A-Z0-9_]*=$", line);
        }
    }

    private static string Unescape(string composeValue) => composeValue.Replace("$$", "$");

    private static string UnescapeKeepingReferences(string composeValue) => composeValue.Replace("$$", "$");

    private static string Expand(string value, string domain) => value
        .Replace("{stack.domain}", domain)
        .Replace("{stack.base_dn}", string.Join(",", domain.Split('.').Select(l => "dc=" + l)))
        .Replace("{stack.portal_url}", "https://auth." + domain)
        .Replace("{stack.name}", "fuzz");
}
