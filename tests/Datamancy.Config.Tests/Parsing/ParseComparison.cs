using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Parsing.Trees;
using Datamancy.Config.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Datamancy.Config.Tests.Parsing;

/// <summary>
/// The parse stage before the per-tree redesign, kept as the reference: <c>ForAttributeWithMetadataName</c> over
/// each attribute, calling the semantic parsers directly. It adds no source; it only exposes its tracked outputs.
/// </summary>
internal sealed class ReferenceParseGenerator : IIncrementalGenerator
{
    public const string Services = "Reference.ServiceParse";
    public const string Stacks = "Reference.StackParse";
    public const string Groups = "Reference.Groups";

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var services = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.Service, static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax, static (ctx, ct) => ServiceParser.Parse(ctx, ct))
            .WithTrackingName(Services);
        var stacks = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.Stack, static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax, static (ctx, ct) => StackParser.Parse(ctx, ct))
            .WithTrackingName(Stacks);
        var groups = context.SyntaxProvider
            .ForAttributeWithMetadataName(AttributeNames.UserGroups, static (node, _) => node is EnumDeclarationSyntax, static (ctx, ct) => StackParser.ParseGroups(ctx, ct))
            .WithTrackingName(Groups);
        context.RegisterSourceOutput(services.Collect().Combine(stacks.Collect()).Combine(groups.Collect()), static (_, _) => { });
    }
}

/// <summary>Runs the generator and the reference parse side by side on one driver and compares what they parsed.</summary>
internal sealed class ParseComparison
{
    private GeneratorDriver _driver = CSharpGeneratorDriver.Create(
        new[] { new DatamancyGenerator().AsSourceGenerator(), new ReferenceParseGenerator().AsSourceGenerator() },
        parseOptions: GeneratorHarness.ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public GeneratorDriverRunResult Last { get; private set; } = null!;

    public GeneratorRunResult Pipeline => Last.Results[0];

    /// <summary>Runs on the compilation and asserts the per-tree parse equals the reference parse; returns the number of services.</summary>
    public int RunAndCompare(CSharpCompilation compilation, string what)
    {
        _driver = _driver.RunGenerators(compilation);
        Last = _driver.GetRunResult();
        var reference = Last.Results[1];

        var services = Services();
        Assert.True(Values<ServiceParse>(reference, ReferenceParseGenerator.Services).SequenceEqual(services), what + ": services differ\n" + Describe(reference, services));
        Assert.Equal(Values<StackParse>(reference, ReferenceParseGenerator.Stacks), Values<StackParse>(Pipeline, StepNames.StackParse));
        var groups = Values<TreeParse>(Pipeline, StepNames.TreeParse).SelectMany(t => t.Groups).Select(g => g.Names);
        Assert.Equal(Values<Datamancy.Config.Generators.Model.EquatableArray<string>>(reference, ReferenceParseGenerator.Groups), groups);
        return services.Count;
    }

    /// <summary>Every service's parse in the last run, tree after tree, as the pipeline collects them.</summary>
    public List<ServiceParse> Services() => Values<TreeParse>(Pipeline, StepNames.TreeParse).SelectMany(t => t.Services).ToList();

    /// <summary>How many trees the last run's parse environment has parsed so far (it lives as long as it is equal).</summary>
    public int Parsed() => ((ParseEnvironment)Pipeline.TrackedSteps[StepNames.ParseEnvironment].Single().Outputs.Single().Value).Parsed;

    public IncrementalStepRunReason[] Reasons(string step) =>
        Pipeline.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    /// <summary>The step's current values: a <c>Removed</c> output (a service or tree an edit took away) is not one of them.</summary>
    private static List<T> Values<T>(GeneratorRunResult result, string step) =>
        result.TrackedSteps.TryGetValue(step, out var steps)
            ? steps.SelectMany(s => s.Outputs).Where(o => o.Reason != IncrementalStepRunReason.Removed).Select(o => (T)o.Value).ToList()
            : new List<T>();

    private static string Describe(GeneratorRunResult reference, List<ServiceParse> services)
    {
        var expected = Values<ServiceParse>(reference, ReferenceParseGenerator.Services);
        var lines = new List<string> { "reference: " + expected.Count + ", pipeline: " + services.Count };
        foreach (var (left, right) in expected.Zip(services))
        {
            if (!Equals(left, right))
            {
                lines.Add("first difference: " + left.Sites.ServiceTypeName + " / " + right.Sites.ServiceTypeName);
                lines.Add("  model equal: " + Equals(left.Model, right.Model) + ", class equal: " + Equals(left.Class, right.Class)
                    + ", sites equal: " + Equals(left.Sites, right.Sites) + ", diagnostics equal: " + left.Diagnostics.Equals(right.Diagnostics));
                break;
            }
        }
        return string.Join("\n", lines);
    }
}
