using Datamancy.Config.Tests.Fuzzing;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Datamancy.Config.Tests.Parsing;

/// <summary>
/// The per-tree parse stage gives exactly the models, classes, argument sites and parse diagnostics that the
/// semantic parse over <c>ForAttributeWithMetadataName</c> gave: over every test stack, the fuzzer's stacks,
/// the syntax forms a descriptor can take, and after edits whose effect crosses from one tree into another.
/// </summary>
public sealed class TreeParseEquivalenceTests
{
    public static IEnumerable<object[]> StackNames() => TestStacks.Names.Select(name => new object[] { name });

    [Theory]
    [MemberData(nameof(StackNames))]
    public void Every_test_stack_parses_as_the_reference_does(string name)
    {
        var services = new ParseComparison().RunAndCompare(GeneratorHarness.Compile(TestStacks.Sources(name)), name);
        Assert.True(services > 0, name + " declares no service");
    }

    [Fact]
    public void The_fuzzers_stacks_parse_as_the_reference_does()
    {
        for (var i = 0; i < 120; i++)
        {
            var stack = FuzzTests.StackAt(i % 2 == 0 ? FuzzGen.Hostile : FuzzGen.Clean, Seeded.Seed, i);
            new ParseComparison().RunAndCompare(GeneratorHarness.Compile(new[] { stack.ToSource() }), "fuzz iteration " + i);
        }
    }

    [Fact]
    public void Aliases_qualified_names_constants_partial_parts_and_look_alikes_parse_as_the_reference_does()
    {
        var services = new ParseComparison().RunAndCompare(GeneratorHarness.Compile(CrossTreeStack.Sources), "syntax forms");
        // web, db, nested (unsupported), generic (unsupported), split, rec: the look-alike in namespace Other is not ours.
        Assert.Equal(6, services);
    }

    [Fact]
    public void Edits_that_cross_trees_reparse_the_trees_that_observe_them()
    {
        var comparison = new ParseComparison();
        var compilation = GeneratorHarness.Compile(CrossTreeStack.Sources);
        comparison.RunAndCompare(compilation, "start");

        foreach (var (what, file, from, to) in CrossTreeStack.Edits)
        {
            compilation = CrossTreeStack.Edit(compilation, file, from, to);
            comparison.RunAndCompare(compilation, what);
        }
    }
}

/// <summary>A stack spread over trees so that one tree's parse depends on what another declares.</summary>
internal static class CrossTreeStack
{
    public const string Shared = """
        using Datamancy.Config;
        namespace Forms.Shared;
        public static class Tags
        {
            public const string Web = "nginx:1.27.0";
            public const int Port = 8080;
            public static string Describe() { var text = "web"; return text; }
        }
        [UserGroups] public enum Team { Admins, DataScientists }
        """;

    public const string GlobalAlias = "global using SvcAlias = Datamancy.Config.ServiceAttribute;\n";

    public const string Main = """
        using Datamancy.Config;
        using Forms.Shared;
        using Env2 = Datamancy.Config.EnvAttribute;
        namespace Forms;

        [Stack("forms", "example.org", AcmeEmail = "ops@example.org")]
        public partial class FormsStack;

        [SvcAlias("web", Tags.Web, Port = Tags.Port, Networks = Network.Frontend | Network.Backend)]
        [Env2("MODE", nameof(Tags))]
        [UiHost("web")]
        [AllowedGroups(Team.Admins, Team.DataScientists)]
        [DependsOn(typeof(Db))]
        [Uses(typeof(Tags))]
        public partial class Web;

        public partial class Outer
        {
            [Service("nested", "busybox:1.36")]
            public partial class Nested;
        }

        [Service("generic", "busybox:1.36")]
        public partial class Generic<T>;

        [Service("split", "busybox:1.36", Command = new[] { "sh", "-c", "sleep 1" })]
        public partial class Split;

        [Datamancy.Config.Service("rec", "busybox:1.36", Profile = (Profile)1)]
        public partial record Rec;
        """;

    public const string Database = """
        namespace Forms;
        [global::Datamancy.Config.Service("db", "postgres:16.4", Port = 5432, Role = global::Datamancy.Config.ServiceRole.Database)]
        [global::Datamancy.Config.SecretAttribute("DB_PASSWORD", Kind = global::Datamancy.Config.SecretKind.Password)]
        public partial class Db;
        """;

    public const string SplitPart = """
        using Datamancy.Config;
        namespace Forms;
        [Env("SPLIT", "yes")]
        public partial class Split;
        """;

    public const string LookAlike = """
        namespace Other
        {
            [System.AttributeUsage(System.AttributeTargets.Class)]
            public sealed class ServiceAttribute : System.Attribute { public ServiceAttribute(string name, string image) { } }

            [Service("fake", "fake:1")]
            public partial class Fake;
        }
        """;

    public const string Unrelated = "namespace Other.Code; public static class Helper { public static int Answer() { var x = 40; return x + 2; } }";

    public static readonly string[] Sources = { Shared, GlobalAlias, Main, Database, SplitPart, LookAlike, Unrelated };

    /// <summary>Edits in one file whose effect reaches a descriptor declared in another (file index, old text, new text).</summary>
    public static readonly (string What, int File, string From, string To)[] Edits =
    {
        ("a method body elsewhere", 6, "var x = 40; return x + 2;", "var x = 41; return x + 1;"),
        ("a constant another tree's descriptor reads", 0, "\"nginx:1.27.0\"", "\"nginx:1.27.1\""),
        ("a method body next to that constant", 0, "var text = \"web\";", "var text = \"web2\";"),
        ("the [Service] of a dependency's class", 3, "[global::Datamancy.Config.Service(\"db\", \"postgres:16.4\", Port = 5432, Role = global::Datamancy.Config.ServiceRole.Database)]", ""),
        ("another partial part's attribute arguments", 4, "\"yes\"", "\"no\""),
        ("another partial part's position", 4, "[Env(", "\n\n[Env("),
        ("a member of the user-group enum", 0, "Admins, DataScientists }", "Admins, DataScientists, Operators }"),
        ("the global alias a descriptor is written with", 1, "global using SvcAlias", "global using SvcAlias2"),
        ("the look-alike attribute's namespace", 5, "namespace Other", "namespace Forms.Shared"),
    };

    public static CSharpCompilation Edit(CSharpCompilation compilation, int file, string from, string to)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == "Source" + file + ".cs");
        Assert.Contains(from, tree.ToString());
        var edited = CSharpSyntaxTree.ParseText(tree.ToString().Replace(from, to), GeneratorHarness.ParseOptions, tree.FilePath);
        return compilation.ReplaceSyntaxTree(tree, edited);
    }
}
