using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Datamancy.Config.Analyzers.Tests.Sources;

namespace Datamancy.Config.Analyzers.Tests;

/// <summary>Severities are the descriptors' defaults and follow <c>dotnet_diagnostic.DMCxxxx.severity</c> in .editorconfig.</summary>
public sealed class SeverityConfigurationTests
{
    private const string Unpinned = "[Service(\"app\", {|#0:\"example/app:latest\"|}, Port = 8080, Networks = Network.Frontend)]";

    // Raising a warning to "error" works in a real build (checked with dotnet build on the sample), but the
    // analyzer test framework 1.1.4 reports it at the default severity, so it is not asserted here.
    [Theory]
    [InlineData("warning", DiagnosticSeverity.Warning)]
    [InlineData("suggestion", DiagnosticSeverity.Info)]
    public async Task Editorconfig_changes_a_rule_severity(string configured, DiagnosticSeverity expected)
    {
        var test = new AnalyzerTest(App("", Unpinned));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic." + DiagnosticIds.UnpinnedImage + ".severity = " + configured + "\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UnpinnedImage, expected).WithLocation(0).WithArguments("app", "example/app:latest"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Editorconfig_raises_an_info_rule_to_a_warning()
    {
        var test = new AnalyzerTest(App("[{|#0:DockerSocket|}]\n[Capabilities(\"host.docker.inspect\")]"));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic." + DiagnosticIds.DockerSocketProxy + ".severity = warning\n"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.DockerSocketProxy, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("app"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Editorconfig_can_turn_a_warning_off()
    {
        var test = new AnalyzerTest(App("", Unpinned.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)));
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\ndotnet_diagnostic." + DiagnosticIds.UnpinnedImage + ".severity = none\n"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Without_configuration_the_default_severity_applies()
    {
        var test = new AnalyzerTest(App("", Unpinned));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticIds.UnpinnedImage, DiagnosticSeverity.Warning).WithLocation(0).WithArguments("app", "example/app:latest"));
        await test.RunAsync();
    }
}
