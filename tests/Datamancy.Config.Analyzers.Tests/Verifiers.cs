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

/// <summary>
/// Every analyzer of the package over a whole stack: the per-descriptor ones and the stack-wide one (compilation end),
/// as a build runs them, so #pragma, .editorconfig and [Justify] are checked the way a user meets them.
/// </summary>
public sealed class StackTest : CSharpAnalyzerTest<ServiceAnalyzer, DefaultVerifier>
{
    public StackTest(string source)
    {
        TestCode = source;
        AnalyzerTest.Configure(TestState);
    }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        new DiagnosticAnalyzer[] { new ServiceAnalyzer(), new StackAnalyzer(), new StackWideAnalyzer() };
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
    /// <summary>
    /// The smallest complete stack that is clean: stack, Caddy ingress, Authelia, LDAP and one routed app.
    /// Tests replace a marked line or append declarations.
    /// </summary>
    public const string Stack = Usings + """
        [Stack("mini", "example.org", AcmeEmail = "ops@example.org")]
        public partial class MiniStack;

        [Service("caddy", "caddy:2.11.2", Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Bootstrap)]
        [Publish(443)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
        public partial class Caddy;

        [Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
        [Healthcheck("/app/healthcheck.sh")]
        public partial class Authelia;

        [Service("ldap", "osixia/openldap:1.5.0", Port = 389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Secret("LDAP_ADMIN_PASSWORD")]
        [Volume("ldap-data", "/var/lib/ldap", Backup = Backup.Daily)]
        [Healthcheck("ldapsearch", "-x")]
        public partial class Ldap;

        [Service("app", "example/app:1.2.3", Port = 8080, Networks = Network.Frontend)]
        [UiHost("app")]
        [Healthcheck("/app", "--health")]
        public partial class App;

        """;

    public const string Usings = "using Datamancy.Config;\n";

    /// <summary>A clean routed app service with extra attributes; <paramref name="service"/> overrides the [Service] line.</summary>
    public static string App(string attributes, string? service = null) => Usings + (service ?? "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]") + "\n"
        + "[Healthcheck(\"/app\", \"--health\")]\n" + attributes + (attributes.Length == 0 ? string.Empty : "\n") + "public partial class App;\n";
}
