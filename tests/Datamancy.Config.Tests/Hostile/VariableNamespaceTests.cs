using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests.Hostile;

/// <summary>
/// Every free-form variable name of the API (allowlist and capability variables, secret names, API key and OIDC
/// client secrets, a secret's name in the container) is tried with the names that would move a secret or a process
/// variable through it: each is refused on its argument (DMC3020) and nothing is rendered.
/// </summary>
public sealed class VariableNamespaceTests
{
    private const string App = "[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n";

    /// <summary>The argument templates ({0} is the name, as a C# literal) and the text the diagnostic must sit on.</summary>
    private static readonly Dictionary<string, (string Attributes, string Marker)> Arguments = new()
    {
        ["ApiHost.AllowlistVariable"] = ("[ApiHost(AllowlistVariable = {0}, ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "AllowlistVariable"),
        ["Capabilities.Variable"] = ("[Capabilities(\"host.shell.read\", Variable = {0})]", "Variable ="),
        ["Secret.Name"] = ("[Secret({0})]", "{0}"),
        ["Secret.As"] = ("[Secret(\"APP_TOKEN\", As = {0})]", "As ="),
        ["ApiHost.ApiKeySecret"] = ("[ApiHost(ApiKeySecret = {0})]\n[Secret(\"APP_KEY\")]", "ApiKeySecret"),
        ["UiHost.OidcClientSecret"] = ("[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = {0})]\n[Secret(\"APP_OIDC_SECRET\")]", "OidcClientSecret"),
    };

    /// <summary>Names every argument must refuse: process variables, the stack's own variables, the other namespaces.</summary>
    private static readonly string[] Taken = { "PATH", "HOME", "LD_PRELOAD", "LC_ALL", "NODE_OPTIONS", "HTTPS_PROXY", "DATAMANCY_UPSTREAM_APP", "DATAMANCY_HTTP_PORT" };

    /// <summary>Extra names per argument: a secret for the variable namespaces, the variable namespaces for secret names.</summary>
    private static readonly Dictionary<string, string[]> TakenFor = new()
    {
        ["ApiHost.AllowlistVariable"] = new[] { "LITELLM_MASTER_KEY", "APP_KEY", "AUTHELIA_SESSION_SECRET", "KFUNCDB_ALLOW_CAPS", "DATAMANCY_APP_ALLOWLIST", "_ALLOWLIST" },
        ["Capabilities.Variable"] = new[] { "APP_TOKEN", "AUTHELIA_SESSION_SECRET", "API_APP_ALLOWLIST", "DATAMANCY_APP_CAPS", "_CAPS" },
        ["Secret.Name"] = new[] { "API_APP_ALLOWLIST", "KFUNCDB_ALLOW_CAPS", "APP_CAPABILITIES", "COMPOSE_PROJECT_NAME", "DOCKER_HOST", "INGRESS_BIND_IP", "X_AUTHELIA_CONFIG_FILTERS" },
        ["Secret.As"] = new[] { "SHELL", "BASH_ENV", "DOTNET_STARTUP_HOOKS" },
        ["ApiHost.ApiKeySecret"] = new[] { "API_APP_ALLOWLIST", "COMPOSE_FILE" },
        ["UiHost.OidcClientSecret"] = new[] { "API_APP_ALLOWLIST", "DOCKER_CONFIG" },
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var argument in Arguments.Keys)
        {
            foreach (var name in (argument == "Secret.As" ? Taken.Where(VariableNamespaces.IsProcessVariable) : Taken).Concat(TakenFor[argument]))
            {
                data.Add(argument, name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_taken_name_is_refused_on_its_argument_and_nothing_is_rendered(string argument, string name)
    {
        var (template, marker) = Arguments[argument];
        var literal = "\"" + name + "\"";
        var attributes = App + template.Replace("{0}", literal);
        var run = HostileStack.Run(attributes);
        // Analyzer diagnostics sit in the syntax tree; the generator's stack-wide ones in the same file, by path and span.
        var source = HostileStack.With(attributes);
        HostileStack.AssertNoCrash(run);
        var expectedText = marker.Replace("{0}", literal);
        Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.VariableOutsideNamespace && d.Severity == DiagnosticSeverity.Error
            && (d.Location.SourceTree?.ToString() ?? source).Substring(d.Location.SourceSpan.Start, d.Location.SourceSpan.Length).Contains(expectedText)
            && d.GetMessage().Contains("'" + name + "'"));
        Assert.Empty(run.Artifacts);
    }

    [Fact]
    public void The_example_an_allowlist_variable_naming_a_secret_says_caddy_would_print_it()
    {
        var run = HostileStack.Run(App + "[ApiHost(AllowlistVariable = \"LITELLM_MASTER_KEY\", ApiKeySecret = \"LITELLM_MASTER_KEY\")]\n[Secret(\"LITELLM_MASTER_KEY\")]");
        Assert.Contains(run.Diagnostics, d => d.Id == DiagnosticIds.VariableOutsideNamespace && d.GetMessage().Contains("it is a secret of the stack; Compose would pass the secret to Caddy"));
        Assert.Empty(run.Artifacts);
    }

    [Theory]
    [InlineData("[ApiHost(AllowlistVariable = \"APP_KEY\", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]", "AllowlistVariable = \"APP_KEY\"",
        "Service 'app': AllowlistVariable 'APP_KEY' cannot be used: it is a secret of the stack; Compose would pass the secret to Caddy, which prints it in errors and serves it in its admin API")]
    [InlineData("[Capabilities(\"host.shell.read\", Variable = \"APP_TOKEN\")]\n[Secret(\"APP_TOKEN\")]", "Variable = \"APP_TOKEN\"",
        "Service 'app': Capabilities Variable 'APP_TOKEN' cannot be used: it is a secret of the stack; the capability list would replace or reveal it")]
    public void A_variable_naming_a_secret_of_the_stack_is_refused_word_for_word_at_its_argument(string attributes, string underlined, string message) =>
        HostileStack.Run(App + attributes).AssertPlaced(DiagnosticIds.VariableOutsideNamespace, message, underlined, attributes);

    [Fact]
    public void Names_in_their_namespaces_and_the_defaults_are_accepted()
    {
        var run = HostileStack.Run(App + """
            [ApiHost(AllowlistVariable = "PARTNER_ALLOWLIST", ApiKeySecret = "APP_KEY")]
            [Secret("APP_KEY")]
            [Secret("APP_DB_PASSWORD", As = "DB_PASSWORD")]
            [Capabilities("host.shell.read", Variable = "APP_CAPABILITIES")]
            [Env("TZ", "Europe/Berlin")]
            """);
        Assert.DoesNotContain(run.Diagnostics, d => d.Id == DiagnosticIds.VariableOutsideNamespace);
        Assert.NotEmpty(run.Artifacts);
        var defaults = HostileStack.Run(App + "[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]\n[Capabilities(\"host.shell.read\")]");
        Assert.DoesNotContain(defaults.Diagnostics, d => d.Id == DiagnosticIds.VariableOutsideNamespace);
        Assert.NotEmpty(defaults.Artifacts);
    }

    [Fact]
    public void No_derived_secret_of_the_reference_stacks_falls_into_a_variable_namespace()
    {
        foreach (var run in new[] { GeneratorHarness.Run(GeneratorHarness.SampleSources()), TestStacks.Run("oidc-and-bypass") })
        {
            Assert.All(run.Manifest!.Secrets, s => Assert.Null(VariableNamespaces.SecretNameConflict(s.Name)));
        }
    }
}
