using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Datamancy.Config.Analyzers.Tests.Sources;

namespace Datamancy.Config.Analyzers.Tests;

/// <summary>DMC3020 in the IDE: on the exact argument, with the name and the reason; the namespaced forms are clean.</summary>
public sealed class VariableNamespaceRuleTests
{
    public static TheoryData<string, string> Fires() => new()
    {
        { App("[ApiHost({|#0:AllowlistVariable = \"PATH\"|}, ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': AllowlistVariable 'PATH' cannot be used: allowlist variables end in '_ALLOWLIST' (for example API_LITELLM_ALLOWLIST), so they can never name a secret or a process variable" },
        { App("[Capabilities(\"host.shell.read\", {|#0:Variable = \"LITELLM_MASTER_KEY\"|})]"),
            "Service 'app': Capabilities Variable 'LITELLM_MASTER_KEY' cannot be used: capability variables end in '_CAPS' or '_CAPABILITIES' (for example KFUNCDB_ALLOW_CAPS), so they can never name a secret or a process variable" },
        { App("[Secret({|#0:\"HOME\"|})]"),
            "Service 'app': secret 'HOME' cannot be used: it is a variable shells and runtimes read; Compose would take its value from the operator's shell rather than the env file" },
        { App("[Secret({|#0:\"DATAMANCY_UPSTREAM_APP\"|})]"),
            "Service 'app': secret 'DATAMANCY_UPSTREAM_APP' cannot be used: 'DATAMANCY_*' is reserved for variables the stack and Compose read for themselves" },
        { App("[Secret(\"APP_TOKEN\", {|#0:As = \"LD_PRELOAD\"|})]"),
            "Service 'app': secret variable (As) 'LD_PRELOAD' cannot be used: it is a variable shells and runtimes read; a secret there changes how the container's processes run" },
    };

    [Theory]
    [MemberData(nameof(Fires))]
    public async Task Fires_on_the_argument_with_the_name_and_the_reason(string source, string message)
    {
        var test = new AnalyzerTest(source);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.VariableOutsideNamespace).WithLocation(0).WithMessage(message));
        await test.RunAsync();
    }

    public static TheoryData<string> Clean() => new()
    {
        App("[ApiHost(AllowlistVariable = \"PARTNER_ALLOWLIST\", ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"),
        App("[Capabilities(\"host.shell.read\", Variable = \"APP_CAPABILITIES\")]"),
        App("[Secret(\"APP_DB_PASSWORD\", As = \"DB_PASSWORD\")]\n[Env(\"TZ\", \"Europe/Berlin\")]"),
    };

    [Theory]
    [MemberData(nameof(Clean))]
    public async Task Names_in_their_namespaces_are_clean(string source) => await new AnalyzerTest(source).RunAsync();
}
