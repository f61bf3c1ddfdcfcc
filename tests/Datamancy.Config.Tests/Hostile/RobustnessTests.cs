using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Hostile;

/// <summary>Odd declarations give a diagnostic or work; the generator never fails (no CS8785) and its C# always compiles.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public void Non_constant_argument_is_the_compilers_error_not_a_crash()
    {
        var run = HostileStack.Run("[Service(Names.App, \"nginx:1.27.3\")]", "public static class Names { public static readonly string App = \"app\"; }");
        HostileStack.AssertNoCrash(run);
        Assert.Contains(run.Diagnostics, d => d.Id == "CS0182");
    }

    [Fact]
    public void Missing_argument_is_the_compilers_error_not_a_crash()
    {
        var run = HostileStack.Run("[Service(\"app\")]");
        HostileStack.AssertNoCrash(run);
        Assert.Contains(run.Diagnostics, d => d.Id == "CS7036");
    }

    [Fact]
    public void Nameof_and_constants_are_ordinary_values()
    {
        var run = HostileStack.Run("[Service(Names.App, Names.Image, Port = Names.Port, Networks = Network.Frontend)]\n[UiHost(nameof(Names.web))]",
            "namespace Hostile; public static class Names { public const string App = \"app\"; public const string web = \"w\"; public const string Image = \"nginx:\" + \"1.27.3\"; public const int Port = 8000 + 80; }");
        HostileStack.AssertNoCrash(run);
        Assert.Contains("web.example.com {\n\timport authelia\n\treverse_proxy app:8080\n}", run.Artifact("prod/Caddyfile"));
    }

    [Fact]
    public void Non_partial_service_still_joins_the_stack_with_a_warning()
    {
        var source = HostileStack.With("[Service(\"app\", \"nginx:1.27.3\")]").Replace("public partial class App;", "public class App { }");
        var run = GeneratorHarness.Run(source);
        HostileStack.AssertNoCrash(run);
        Assert.Contains(run.Diagnostics, d => d.Id == "DMC0002");
        Assert.Contains("  app:\n", run.Artifact("prod/compose.yaml"));
    }

    [Theory]
    [InlineData("public partial class Outer { [Service(\"nested\", \"nginx:1.27.3\")] [Healthcheck(\"true\")] public partial class Nested; }")]
    [InlineData("[Service(\"generic\", \"nginx:1.27.3\")] [Healthcheck(\"true\")] public partial class Generic<T>;")]
    public void Nested_and_generic_services_are_diagnosed(string extra)
    {
        var run = HostileStack.Run("[Service(\"app\", \"nginx:1.27.3\")]", extra);
        HostileStack.AssertNoCrash(run);
        Assert.Contains(run.Diagnostics, d => d.Id == "DMC0007");
    }

    [Fact]
    public void Syntax_errors_elsewhere_do_not_stop_the_generator()
    {
        var run = HostileStack.Run("[Service(\"app\", \"nginx:1.27.3\")]", "public class Broken { void M( { int x = ; }");
        HostileStack.AssertNoCrash(run);
        Assert.Contains(run.Diagnostics, d => d.Id.StartsWith("CS1"));
    }

    [Fact]
    public void Two_stacks_are_diagnosed()
    {
        var run = HostileStack.Run("[Service(\"app\", \"nginx:1.27.3\")]", "[Stack(\"second\", \"example.org\", AcmeEmail = \"a@example.org\")] public partial class Second;");
        HostileStack.AssertNoCrash(run);
        Assert.Contains(run.Diagnostics, d => d.Id == "DMC0003");
    }

    [Fact]
    public void Record_services_are_services()
    {
        var source = HostileStack.With("[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n[UiHost(\"app\")]").Replace("public partial class App;", "public partial record App;");
        var run = GeneratorHarness.Run(source);
        HostileStack.AssertNoCrash(run);
        Assert.Contains("app.example.com {", run.Artifact("prod/Caddyfile"));
    }

    [Fact]
    public void Generated_code_compiles_whatever_the_names()
    {
        var extra = """
            namespace Other.@namespace
            {
                [Service("keyword", "nginx:1.27.3")] [Healthcheck("true")] public partial class @class;
                [Service("unicode", "nginx:1.27.3")] [Healthcheck("true")] public partial class Ünïcödé;
                [Service("clash-a", "nginx:1.27.3", Port = 1)] [Healthcheck("true")] public partial class ServiceName;
            }
            namespace Third
            {
                [Service("clash-b", "nginx:1.27.3", Port = 2)] [Healthcheck("true")] public partial class ServiceName;
                [Service("secret-names", "nginx:1.27.3")] [Healthcheck("true")] [Secret("SECRET_NAMES")] public partial class SecretNames;
            }
            """;
        var run = HostileStack.Run("[Service(\"app\", \"nginx:1.27.3\")]", extra);
        HostileStack.AssertNoCrash(run);
        Assert.DoesNotContain(run.Diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        Assert.Contains("  clash-a:\n", run.Artifact("prod/compose.yaml"));
        Assert.Contains("  clash-b:\n", run.Artifact("prod/compose.yaml"));
    }
}

public sealed class GroupNameTests
{
    [Fact]
    public void Non_ascii_group_members_are_rejected()
    {
        var run = HostileStack.Run("[Service(\"app\", \"nginx:1.27.3\", Port = 80, Networks = Network.Frontend)]\n[UiHost(\"app\")]\n[AllowedGroups(Team.Ädmins)]",
            "namespace Hostile; [UserGroups] public enum Team { Ädmins }");
        HostileStack.AssertNoCrash(run);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DMC0001");
        Assert.Contains("user group 'ädmins'", diagnostic.GetMessage());
        Assert.Empty(run.Artifacts);
    }
}

public sealed class ServiceNameTwinTests
{
    [Fact]
    public void Names_that_differ_only_by_dash_and_underscore_are_duplicates()
    {
        var run = HostileStack.Run("[Service(\"open-webui\", \"nginx:1.27.3\")]",
            "namespace Hostile; [Service(\"open_webui\", \"nginx:1.27.3\")] [Healthcheck(\"true\")] public partial class Twin;");
        HostileStack.AssertNoCrash(run);
        var diagnostic = Assert.Single(run.Diagnostics, d => d.Id == "DMC0006");
        Assert.Contains("OPEN_WEBUI", diagnostic.GetMessage());
        Assert.Empty(run.Artifacts);
    }
}
