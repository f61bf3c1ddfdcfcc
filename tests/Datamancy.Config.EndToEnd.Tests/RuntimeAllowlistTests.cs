using System.Diagnostics;
using System.Net;
using Datamancy.Config.EndToEnd.Tests.Ingress;
using Datamancy.Config.Tests;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.EndToEnd.Tests;

/// <summary>
/// The run-time channel of the API allowlists, through real Caddy (2.6.2) on loopback, started the way the stack
/// starts it: <c>sh caddy-preflight.sh caddy run …</c>. Caddy pastes <c>{$VAR}</c> into the Caddyfile before parsing,
/// so without the step a line break in the value injects a directive (shown first, so the proof can fail); with it,
/// the hostile value and a public range stop the ingress before Caddy starts, and a private widening is served.
/// </summary>
public sealed class RuntimeAllowlistTests(ITestOutputHelper output)
{
    private const string Variable = "API_LITELLM_ALLOWLIST";
    private const string ApiHost = "api.litellm.project-saturn.com";

    /// <summary>A value that ends the matcher line and adds a directive answering every client before the guard.</summary>
    private const string Injection = "127.0.0.2/32\n\t\trespond \"injected\" 200\n\t\t@ignored not remote_ip 127.0.0.2/32";

    private static readonly Lazy<GeneratorRun> Sample = new(() => TestStacks.Run("sample"));

    private static string LocalCaddyfile => Sample.Value.Artifact("local/Caddyfile");

    private static string Preflight => Sample.Value.Artifact("local/caddy-preflight.sh");

    [SkippableFact]
    public async Task Without_the_check_a_newline_injects_a_directive_into_caddy_2_6()
    {
        var caddy = Tools.Require("caddy", IngressFixture.CaddyInstall);
        await using var instance = await Start(caddy, Injection, throughPreflight: false);
        var (status, body) = await Get(instance, IPAddress.Parse("127.0.0.3"));
        output.WriteLine("without the check, 127.0.0.3 → " + (int)status + " " + body);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("injected", body);
    }

    [SkippableTheory]
    [InlineData(Injection, "may hold only IP addresses and CIDRs")]
    [InlineData("127.0.0.2/32 }\nimport authelia", "may hold only IP addresses and CIDRs")]
    [InlineData("0.0.0.0/0", "'0.0.0.0/0' is not a private or loopback range")]
    [InlineData("10.0.0.0/8 ::/0", "'::/0' is not a private or loopback range")]
    [InlineData("127.0.0.2/32 203.0.113.7", "'203.0.113.7' is not a private or loopback range")]
    public void The_generated_stack_refuses_the_value_before_caddy_starts(string value, string reason)
    {
        var caddy = Tools.Require("caddy", IngressFixture.CaddyInstall);
        using var folder = new TempFolder();
        var script = folder.Write("caddy-preflight.sh", Preflight);
        var config = folder.Write("Caddyfile", LocalCaddyfile);
        var ports = FreePorts.Take(2);
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = folder.Path };
        foreach (var argument in new[] { script, caddy, "run", "--config", config, "--adapter", "caddyfile" })
        {
            info.ArgumentList.Add(argument);
        }
        info.Environment[Variable] = value;
        info.Environment["HOME"] = folder.Path;
        info.Environment["DATAMANCY_HTTP_PORT"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["DATAMANCY_HTTPS_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(15_000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("Caddy was started with " + Variable + "=" + value.ReplaceLineEndings("\\n"));
        }
        output.WriteLine(stderr.Result);
        Assert.Equal(78, process.ExitCode);
        Assert.Contains("datamancy preflight: " + Variable, stderr.Result);
        Assert.Contains(reason, stderr.Result);
        Assert.Contains("Caddy was not started", stderr.Result);
        Assert.DoesNotContain("\"logger\"", stderr.Result); // Caddy never ran, so it logged nothing
    }

    [SkippableFact]
    public async Task A_private_widening_passes_the_check_and_caddy_enforces_it()
    {
        var caddy = Tools.Require("caddy", IngressFixture.CaddyInstall);
        await using var instance = await Start(caddy, "127.0.0.2/32 10.0.0.0/8 fd00:1::/64", throughPreflight: true);
        var (allowed, _) = await Get(instance, IPAddress.Parse("127.0.0.2"));
        var (other, body) = await Get(instance, IPAddress.Parse("127.0.0.3"));
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed);
        Assert.Equal(HttpStatusCode.Forbidden, other);
        Assert.Equal("Forbidden", body);
    }

    private async Task<CaddyInstance> Start(string caddy, string value, bool throughPreflight)
    {
        var ports = FreePorts.Take(2);
        var environment = new Dictionary<string, string?>
        {
            [Variable] = value,
            ["DATAMANCY_HTTP_PORT"] = ports[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["DATAMANCY_HTTPS_PORT"] = ports[1].ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        string[]? launcher = null;
        TempFolder? scripts = null;
        if (throughPreflight)
        {
            scripts = new TempFolder();
            launcher = new[] { "/bin/sh", scripts.Write("caddy-preflight.sh", Preflight) };
        }
        try
        {
            return await CaddyInstance.StartAsync(caddy, LocalCaddyfile, ports[1], environment, new[] { ApiHost },
                key => key.StartsWith("DATAMANCY_", StringComparison.Ordinal) || key.EndsWith("_ALLOWLIST", StringComparison.Ordinal), launcher);
        }
        finally
        {
            // The script is read by sh when it starts; Caddy was exec'd in its place by now.
            scripts?.Dispose();
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> Get(CaddyInstance instance, IPAddress source)
    {
        using var client = new LoopbackClient(source, instance.HttpsPort, instance.Ca);
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://" + ApiHost + ":" + instance.HttpsPort + "/proof");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer e2e-token");
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
