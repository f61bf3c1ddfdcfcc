using System.Text.RegularExpressions;
using Datamancy.Config.Tests;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Datamancy.Config.Tool.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// import(emitted artifacts) builds to the same artifacts: the prod compose file, Caddyfile, Authelia configuration and
/// env template of a stack are imported, the imported descriptors are compiled with the generator, and every artifact of
/// both environments is compared byte for byte. What the generator adds (backup and dump services, the directory
/// bootstrap, the ingress preflight, per-link networks) must come back as the declarations that produce it. What no
/// imported file carries (justifications, a weekly schedule, Kubernetes, the shared networks under the per-link layout) is
/// written in by <see cref="UserEdits"/> the way a user would after reading the TODO markers and the report; before that,
/// the build reports exactly one error per TODO marker.
/// </summary>
public sealed class RoundTripTests
{
    /// <summary>Stacks whose every decision is visible in the four imported files, apart from what <see cref="UserEdits"/> writes in.</summary>
    public static readonly TheoryData<string> Stacks = new()
    {
        "sample", "minimal", "api-only", "oidc-and-bypass", "false-positives", "least-privilege", "real-homelab", "real-mail-social", "real-ai-ops",
    };

    /// <summary>Stacks whose round trip differs by a documented normalization, each asserted exactly by its own test.</summary>
    private static readonly string[] ExactDifference = { "exceptions" };

    [Fact]
    public void Every_test_stack_round_trips_byte_identically_or_with_an_exact_documented_difference()
    {
        var covered = ((IEnumerable<object[]>)Stacks).Select(row => (string)row[0]).Concat(ExactDifference).ToList();
        Assert.Equal(TestStacks.Names.Order(StringComparer.Ordinal), covered.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Importing_the_emitted_artifacts_builds_the_same_artifacts(string stack)
    {
        var (result, expected, actual) = RoundTrip(stack);
        Assert.Empty(result.Report.NotExpressible);
        Assert.Empty(result.Report.SecretsMoved);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var path in expected.Keys)
        {
            Assert.True(expected[path] == actual[path], stack + ": " + path + " differs after the round trip:\n" + FirstDifference(expected[path], actual[path]));
        }
    }

    /// <summary>
    /// The audit lists a service's [Elevated] exceptions in declaration order; compose writes its keys in a fixed order, so
    /// the import declares them in that order (Privileged, host namespaces, then cap_add). The 'exceptions' stack declares
    /// cap_add first: the round trip gives the same artifacts except that the audit and exposure.json list the same vpn
    /// lines in another order.
    /// </summary>
    [Fact]
    public void Exceptions_round_trips_up_to_the_order_of_the_audit_lines_of_a_service_s_elevations()
    {
        var (result, expected, actual) = RoundTrip("exceptions");
        Assert.Empty(result.Report.NotExpressible);
        Assert.Empty(result.Report.SecretsMoved);
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        var differing = expected.Keys.Where(p => expected[p] != actual[p]).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "dev/SECURITY-AUDIT.md", "dev/exposure.json", "prod/SECURITY-AUDIT.md", "prod/exposure.json" }, differing);
        foreach (var path in differing)
        {
            // The same lines in another order; in exposure.json the last element of the list has no comma.
            var before = expected[path].Split('\n').Select(l => l.TrimEnd(',')).ToArray();
            var after = actual[path].Split('\n').Select(l => l.TrimEnd(',')).ToArray();
            Assert.True(before.Order(StringComparer.Ordinal).SequenceEqual(after.Order(StringComparer.Ordinal)), path + ": " + FirstDifference(expected[path], actual[path]));
            var moved = before.Where((line, i) => after[i] != line).ToList();
            Assert.True(moved.Count > 0 && moved.All(l => l.Contains("on `vpn`", StringComparison.Ordinal) || l.Contains("\"service\": \"vpn\"", StringComparison.Ordinal)), path + ": " + string.Join("\n", moved));
        }
    }

    /// <summary>
    /// Imports a test stack's prod artifacts, checks that the unedited build reports exactly what the TODO markers
    /// announce, and builds it after the user's edits: the original's artifacts and the round trip's, by path.
    /// </summary>
    private static (ImportResult Result, Dictionary<string, string> Expected, Dictionary<string, string> Actual) RoundTrip(string stack)
    {
        var original = TestStacks.Run(stack);
        Assert.Empty(original.Errors);
        using var folder = new TempFolder();
        ImportRun.WriteArtifacts(original, folder.Path);
        var prod = Path.Combine(folder.Path, "prod");
        // The user knows their domain: the one [Stack] names.
        var domain = TestStacks.Sources(stack).Select(s => Regex.Match(s, "\\[Stack\\(\"[^\"]+\", \"(?<d>[^\"]+)\"")).First(m => m.Success).Groups["d"].Value;
        var authelia = Path.Combine(prod, "authelia", "configuration.yml");

        // A stack without an SSO service emits no Authelia configuration: the user has none to pass.
        var result = ImportRun.Import(new ImportRequest(
            new[] { Path.Combine(prod, "compose.yaml") },
            Path.Combine(prod, "Caddyfile"),
            File.Exists(authelia) ? new[] { authelia } : Array.Empty<string>(),
            Path.Combine(prod, ".env.example"),
            domain,
            Path.Combine(folder.Path, "Imported"),
            UseCaddy: ImportRun.UseCaddy));
        var unedited = ImportRun.Build(result);
        Assert.True(unedited.Errors.Count() == ImportRun.Todos(result), string.Join("\n", unedited.Errors) + "\n--- markers:\n"
            + string.Join("\n", ImportRun.Sources(result).SelectMany(x => x.Split('\n')).Where(l => l.StartsWith("// TODO(import):", StringComparison.Ordinal))));
        Assert.Equal(ImportRun.Warned(result), unedited.WithId("DMC3003").Count());
        Assert.All(UserEdits.Acknowledged(TestStacks.Sources(stack)), id => Assert.NotEmpty(unedited.WithId(id))); // the user sees each warning they accept
        var imported = ImportRun.BuildEdited(result, TestStacks.Sources(stack));

        Assert.Empty(imported.Errors);
        return (result, original.Artifacts.ToDictionary(a => a.Path, a => a.Content), imported.Artifacts.ToDictionary(a => a.Path, a => a.Content));
    }

    [Fact]
    public void Justifications_are_not_in_the_artifacts_so_their_exceptions_come_back_as_build_errors()
    {
        // The 'exceptions' stack justifies every exception in C#; the compose file shows the privileges but not why.
        var original = TestStacks.Run("exceptions");
        using var folder = new TempFolder();
        ImportRun.WriteArtifacts(original, folder.Path);
        var prod = Path.Combine(folder.Path, "prod");
        var result = ImportRun.Import(new ImportRequest(
            new[] { Path.Combine(prod, "compose.yaml") }, Path.Combine(prod, "Caddyfile"), new[] { Path.Combine(prod, "authelia", "configuration.yml") },
            Path.Combine(prod, ".env.example"), "example.com", Path.Combine(folder.Path, "Imported"), UseCaddy: ImportRun.UseCaddy));
        var ids = result.Report.Violations.Where(v => v.Severity == "error").Select(v => v.Id).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "DMC1001", "DMC1004", "DMC2003", "DMC3011" }, ids);
        Assert.Contains(result.Report.Violations, v => v.Id == "DMC3011" && v.Message.Contains("'sandbox'", StringComparison.Ordinal));
    }

    /// <summary>
    /// The property: over the fuzzer's clean random stacks that build without errors, import(artifacts) builds, after the
    /// user's edits (justifications of published ports and public hosts, schedules), to the same artifacts. Stacks whose
    /// artifacts cannot carry a decision are left out and counted: the database role on an image without a dump engine
    /// (the role is visible in no imported file), and an API key secret other than the one the import infers (its name is
    /// in no imported file either).
    /// </summary>
    [Fact]
    public void Random_valid_stacks_round_trip()
    {
        const int Wanted = 25;
        var seed = (ulong)(int.TryParse(Environment.GetEnvironmentVariable("DATAMANCY_FUZZ_SEED"), out var s) ? s : 20261129);
        var checkedStacks = 0;
        var notExpressible = 0;
        var blocked = 0;
        for (var i = 0; checkedStacks < Wanted && i < 600; i++)
        {
            var stack = Datamancy.Config.Tests.Fuzzing.FuzzGen.Clean.Stack.Generate(new CsCheck.PCG((uint)i, seed), null, out _);
            if (stack.Services.Any(x => x.Database || KeyNotInferable(x)))
            {
                notExpressible++;
                continue;
            }
            var original = GeneratorHarness.Run(stack.ToSource());
            if (original.Errors.Any() || original.Manifest is not { Blocked: false })
            {
                blocked++;
                continue;
            }
            using var folder = new TempFolder();
            ImportRun.WriteArtifacts(original, folder.Path);
            var prod = Path.Combine(folder.Path, "prod");
            var result = ImportRun.Import(new ImportRequest(
                new[] { Path.Combine(prod, "compose.yaml") }, Path.Combine(prod, "Caddyfile"), new[] { Path.Combine(prod, "authelia", "configuration.yml") },
                Path.Combine(prod, ".env.example"), stack.Domain, Path.Combine(folder.Path, "Imported"), UseCaddy: false));
            var unedited = ImportRun.Build(result);
            var imported = ImportRun.BuildEdited(result, new[] { stack.ToSource() });
            var context = "seed " + seed + ", iteration " + i + ":\n" + stack.ToSource() + "\n--- imported:\n" + string.Join("\n", ImportRun.Sources(result));
            Assert.True(unedited.Errors.Count() == ImportRun.Todos(result), context + "\n" + string.Join("\n", unedited.Errors));
            Assert.True(!imported.Errors.Any(), context + "\n" + string.Join("\n", imported.Errors));
            Assert.Equal(original.Artifacts.Select(a => a.Path).Order(StringComparer.Ordinal), imported.Artifacts.Select(a => a.Path).Order(StringComparer.Ordinal));
            foreach (var artifact in original.Artifacts)
            {
                var got = imported.Artifacts.Single(a => a.Path == artifact.Path).Content;
                Assert.True(artifact.Content == got, context + "\n" + artifact.Path + ": " + FirstDifference(artifact.Content, got));
            }
            checkedStacks++;
        }
        Assert.True(checkedStacks == Wanted, "only " + checkedStacks + " stacks checked (" + notExpressible + " left out, " + blocked + " blocked)");
    }

    /// <summary>
    /// The name of an API host's key secret appears in no imported file (only in the network map and the audit): the
    /// import takes the service's key-like secret. A stack that names another secret is left out.
    /// </summary>
    private static bool KeyNotInferable(Datamancy.Config.Tests.Fuzzing.FuzzService service)
    {
        if (service.Api?.KeySecret is not { } key)
        {
            return false;
        }
        var secrets = service.Secrets.Distinct().ToList();
        var inferred = secrets.FirstOrDefault(n => n.Contains("KEY", StringComparison.Ordinal) || n.Contains("TOKEN", StringComparison.Ordinal)) ?? (secrets.Count == 1 ? secrets[0] : null);
        return key != inferred;
    }

    private static string FirstDifference(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var left = i < e.Length ? e[i] : "(end)";
            var right = i < a.Length ? a[i] : "(end)";
            if (left != right)
            {
                return "line " + (i + 1) + "\n- " + left + "\n+ " + right;
            }
        }
        return "(no difference)";
    }
}
