using Datamancy.Config.CodeFixes;
using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Datamancy.Config.Analyzers.Tests.Sources;

namespace Datamancy.Config.Analyzers.Tests;

/// <summary>
/// The code fixes: one diagnostic fixed, and several fixed at once. The framework also applies fix-all
/// (document, project, solution) and checks it reaches the same fixed code.
/// </summary>
public sealed class CodeFixTests
{
    private static string Two(string first, string second) => Usings + """
        [Service("one", "example/one:1.0.0", Port = 8080, Networks = Network.Frontend)]
        [Healthcheck("/one")]
        """ + "\n" + first + "\n" + """
        public partial class One;

        [Service("two", "example/two:1.0.0", Port = 8080, Networks = Network.Frontend)]
        [Healthcheck("/two")]
        """ + "\n" + second + "\n" + """
        public partial class Two;
        """ + "\n";

    [Fact]
    public async Task Public_ui_host_goes_behind_forward_auth()
    {
        await new CodeFixTest<UiHostSsoCodeFix>(
            App("[UiHost(\"app\", {|DMC1001:Sso = SsoMode.Public|}, Justification = \"tbd\")]"),
            App("[UiHost(\"app\")]")).RunAsync();
    }

    [Fact]
    public async Task Unacknowledged_app_oidc_host_goes_behind_forward_auth_without_its_client_settings()
    {
        await new CodeFixTest<UiHostSsoCodeFix>(
            App("[UiHost(\"app\", {|DMC1010:Sso = SsoMode.Oidc|}, OidcCallbackPath = \"/login/generic_oauth\", OidcClientSecret = \"APP_OIDC_SECRET\")]\n[Secret(\"APP_OIDC_SECRET\")]"),
            App("[UiHost(\"app\")]\n[Secret(\"APP_OIDC_SECRET\")]")).RunAsync();
    }

    [Fact]
    public async Task Fix_all_puts_every_public_ui_host_behind_forward_auth()
    {
        await new CodeFixTest<UiHostSsoCodeFix>(
            Two("[UiHost(\"one\", {|DMC1001:Sso = SsoMode.Public|})]", "[UiHost(\"two\", Policy = AuthPolicy.TwoFactor, {|DMC1001:Sso = SsoMode.Public|})]"),
            Two("[UiHost(\"one\")]", "[UiHost(\"two\", Policy = AuthPolicy.TwoFactor)]")).RunAsync();
    }

    [Fact]
    public async Task Writable_docker_socket_becomes_read_only()
    {
        var test = new CodeFixTest<DockerSocketReadOnlyCodeFix>(
            App("[DockerSocket({|DMC3005:ReadOnly = false|})]\n[Capabilities(\"host.docker.inspect\")]"),
            App("[{|DMC3006:DockerSocket|}]\n[Capabilities(\"host.docker.inspect\")]"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_makes_every_docker_socket_read_only()
    {
        await new CodeFixTest<DockerSocketReadOnlyCodeFix>(
            Two("[DockerSocket({|DMC3005:ReadOnly = false|})]\n[Capabilities(\"host.docker.inspect\")]", "[DockerSocket({|DMC3005:ReadOnly = false|})]\n[Capabilities(\"host.docker.list\")]"),
            Two("[{|DMC3006:DockerSocket|}]\n[Capabilities(\"host.docker.inspect\")]", "[{|DMC3006:DockerSocket|}]\n[Capabilities(\"host.docker.list\")]")).RunAsync();
    }

    [Fact]
    public async Task Capability_list_written_as_env_becomes_the_capability_attribute()
    {
        await new CodeFixTest<CapabilityAllowlistCodeFix>(
            App("[Env({|DMC3012:\"KFUNCDB_ALLOW_CAPS\"|}, \"host.shell.read, host.docker.inspect\")]"),
            App("[Capabilities(\"host.shell.read\", \"host.docker.inspect\")]")).RunAsync();
    }

    [Fact]
    public async Task Capability_list_with_its_own_variable_keeps_the_variable()
    {
        // The privileged entry now meets the capability checks: it needs a justification (DMC3003).
        await new CodeFixTest<CapabilityAllowlistCodeFix>(
            App("[Env({|DMC3012:\"TOOLS_ALLOWED_CAPABILITIES\"|}, \"host.shell.exec\")]"),
            App("[Capabilities({|DMC3003:\"host.shell.exec\"|}, Variable = \"TOOLS_ALLOWED_CAPABILITIES\")]")).RunAsync();
    }

    [Fact]
    public async Task Public_cidr_is_removed_and_private_ones_stay()
    {
        var test = new CodeFixTest<ApiAllowlistCodeFix>(
            App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { \"10.8.0.0/24\", {|DMC1004:\"0.0.0.0/0\"|}, \"fd00:1::/64\" })]\n[Secret(\"APP_KEY\")]"),
            App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { \"10.8.0.0/24\", \"fd00:1::/64\" })]\n[Secret(\"APP_KEY\")]"))
        {
            CodeActionEquivalenceKey = ApiAllowlistCodeFix.RemoveCidrKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_removing_every_public_cidr_falls_back_to_the_private_default()
    {
        // Two diagnostics in one array: fix-all rewrites the attribute once; with nothing left the argument goes.
        var test = new CodeFixTest<ApiAllowlistCodeFix>(
            App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = [{|DMC1004:\"0.0.0.0/0\"|}, {|DMC1004:\"::/0\"|}])]\n[Secret(\"APP_KEY\")]"),
            App("[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"))
        {
            CodeActionEquivalenceKey = ApiAllowlistCodeFix.RemoveCidrKey,
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Private_default_replaces_the_whole_allowlist()
    {
        var test = new CodeFixTest<ApiAllowlistCodeFix>(
            App("[ApiHost(DefaultAllowlist = new[] { \"10.8.0.0/24\", {|DMC1004:\"198.51.100.0/24\"|} }, ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"),
            App("[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"))
        {
            CodeActionEquivalenceKey = ApiAllowlistCodeFix.UsePrivateDefaultKey,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Secret_literal_moves_to_a_declared_secret()
    {
        await new CodeFixTest<SecretLiteralCodeFix>(
            App("[Env(\"LOG_LEVEL\", \"info\")]\n[Env(\"X_PASSWORD\", {|DMC3001:\"hunter2\"|})]"),
            App("[Env(\"LOG_LEVEL\", \"info\")]\n[Secret(\"X_PASSWORD\")]")).RunAsync();
    }

    [Fact]
    public async Task Lower_case_variable_keeps_its_name_inside_the_container()
    {
        await new CodeFixTest<SecretLiteralCodeFix>(
            App("[Env(\"db_password\", {|DMC3001:\"hunter2\"|})]"),
            App("[Secret(\"DB_PASSWORD\", As = \"db_password\")]")).RunAsync();
    }

    [Fact]
    public async Task Literal_next_to_an_already_declared_secret_is_removed()
    {
        await new CodeFixTest<SecretLiteralCodeFix>(
            App("[Secret(\"API_TOKEN\")]\n[Env(\"API_TOKEN\", {|DMC3001:\"abc\"|})]"),
            App("[Secret(\"API_TOKEN\")]")).RunAsync();
    }

    [Fact]
    public async Task Fix_all_moves_every_secret_literal()
    {
        await new CodeFixTest<SecretLiteralCodeFix>(
            Two("[Env(\"ONE_SECRET\", {|DMC3001:\"s3cr3t\"|})]\n[Env(\"ONE_TOKEN\", {|DMC3001:\"t0k3n\"|})]", "[Env(\"TWO_API_KEY\", {|DMC3001:\"k3y\"|})]"),
            Two("[Secret(\"ONE_SECRET\")]\n[Secret(\"ONE_TOKEN\")]", "[Secret(\"TWO_API_KEY\")]"))
        {
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
        }.RunAsync();
    }

    [Fact]
    public async Task Secret_value_in_a_secret_name_argument_has_no_automatic_fix()
    {
        // The fix cannot know the secret's name; it must not guess one from the value.
        var source = App("[ApiHost({|#0:ApiKeySecret = \"sk-live0123456789abcdef\"|})]");
        var test = new CodeFixTest<SecretLiteralCodeFix>(source, source);
        var expected = new DiagnosticResult(Descriptors.SecretLiteral).WithLocation(0)
            .WithArguments("app", "ApiKeySecret holds what looks like a secret value instead of a secret name", "name the secret (upper-case letters, digits and '_') and put the value in the env file");
        test.TestState.ExpectedDiagnostics.Add(expected);
        test.FixedState.ExpectedDiagnostics.Add(expected);
        await test.RunAsync();
    }

    [Fact]
    public async Task Unjustified_env_file_is_removed_and_never_given_a_made_up_reason()
    {
        await new CodeFixTest<UnjustifiedExceptionCodeFix>(
            App("[EnvFile({|DMC3011:\"./app.env\"|})]"),
            App(string.Empty)).RunAsync();
    }

    [Fact]
    public async Task Unjustified_no_limit_falls_back_to_the_stack_default()
    {
        await new CodeFixTest<UnjustifiedExceptionCodeFix>(
            App("[Resources({|DMC3011:NoLimit = true|}, Pids = 512)]"),
            App("[Resources(Pids = 512)]")).RunAsync();
    }
}
