using Datamancy.Config.Generators.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Datamancy.Config.Analyzers.Tests;

/// <summary>Both descriptor analyzers over .NET 8 reference assemblies plus the public attributes, as a build loads them.</summary>
public sealed class AnalyzerTest : CSharpAnalyzerTest<ServiceAnalyzer, DefaultVerifier>
{
    public AnalyzerTest(string source)
    {
        TestCode = source;
        Configure(TestState);
        // The informational "every authenticated user" (DMC4005) is checked by its own rows, not next to every other rule.
        DisabledDiagnostics.Add(Datamancy.Config.Generators.Diagnostics.DiagnosticIds.UiAdmitsEveryUser);
    }

    internal static void Configure(SolutionState state)
    {
        state.ReferenceAssemblies = ReferenceAssemblies.Net.Net80;
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(StackAttribute).Assembly.Location));
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() => new DiagnosticAnalyzer[] { new ServiceAnalyzer(), new StackAnalyzer() };
}

/// <summary>A code fix over the service analyzer, with fix-all checked by the framework.</summary>
public sealed class CodeFixTest<TFix> : CSharpCodeFixTest<ServiceAnalyzer, TFix, DefaultVerifier>
    where TFix : CodeFixProvider, new()
{
    public CodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        AnalyzerTest.Configure(TestState);
        AnalyzerTest.Configure(FixedState);
        AnalyzerTest.Configure(BatchFixedState);
        DisabledDiagnostics.Add(Datamancy.Config.Generators.Diagnostics.DiagnosticIds.UiAdmitsEveryUser);
    }
}

/// <summary>Small descriptors that are clean except for what a test adds.</summary>
public static class Sources
{
    public const string Usings = "using Datamancy.Config;\n";

    /// <summary>A clean routed app service with extra attributes; <paramref name="service"/> overrides the [Service] line.</summary>
    public static string App(string attributes, string? service = null) => Usings + (service ?? "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]") + "\n"
        + "[Healthcheck(\"/app\", \"--health\")]\n" + attributes + (attributes.Length == 0 ? string.Empty : "\n") + "public partial class App;\n";
}
