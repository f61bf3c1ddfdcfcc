using System.Globalization;
using System.Text;
using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Emission;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// <c>--build-parts [size]</c>: what the whole-stack steps around the render cost (validation in StackBuild, the
/// manifest's C# emission), part by part, untracked. Indicative (stopwatch, a few calls each).
/// </summary>
public static class BuildParts
{
    public static string Run(int size)
    {
        var workload = new Workload(size);
        var stack = workload.Model;
        var build = StackBuild.Assemble(System.Collections.Immutable.ImmutableArray.Create(new StackHead(stack.Settings, new Generators.Parsing.ClassInfo("Demo", "Stack", true, false))),
            stack.Services, stack.Groups, null);
        var rendered = RenderedStack.From(build, parseErrors: false);
        var parts = new List<(string Name, Func<object?> Body)>
        {
            ("StackBuild.Assemble (every rule)", () => StackBuild.Assemble(System.Collections.Immutable.ImmutableArray.Create(new StackHead(stack.Settings, new Generators.Parsing.ClassInfo("Demo", "Stack", true, false))), stack.Services, stack.Groups, null)),
            ("rules: every service's ServiceRules", Rules(l => { foreach (var s in stack.Services) { ServiceRules.Check(s, l); } })),
            ("rules: StackRules", Rules(l => { StackRules.Check(stack, l); })),
            ("rules: SecretRules", Rules(l => { SecretRules.Check(stack, l); })),
            ("rules: EnvironmentRules", Rules(l => { EnvironmentRules.Check(stack, l); })),
            ("rules: GroupRules", Rules(l => { GroupRules.Check(stack, l); })),
            ("rules: VariableNameRules.CheckStack", Rules(l => { VariableNameRules.CheckStack(stack, l); })),
            ("rules: ExtrasStackRules", Rules(l => { ExtrasStackRules.Check(stack, l); })),
            ("rules: LinkRules", Rules(l => { LinkRules.Check(stack, l); })),
            ("render: plan + fragments + join", () => RenderedStack.From(build, parseErrors: false)),
            ("manifest: which texts it carries (ManifestContent.Of)", () => ManifestContent.Of(rendered)),
            ("manifest: every file (CSharpEmitter.Files)", () => CSharpEmitter.Files(rendered).Sum(f => f.Text.Length)),
            ("manifest: parse every generated file", () => CSharpEmitter.Files(rendered).Select(f => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(f.Text, Workload.ParseOptions)).ToList()),
        };
        var text = new StringBuilder();
        text.Append("### Build parts at ").Append(size.ToString(CultureInfo.InvariantCulture)).Append(" services (").Append(ShortRun.Machine()).Append(")\n\n");
        text.Append("Artifacts: ").Append(rendered.Artifacts.Count.ToString(CultureInfo.InvariantCulture)).Append(", ")
            .Append(rendered.Artifacts.Sum(a => (long)a.Content.Length).ToString(CultureInfo.InvariantCulture)).Append(" characters\n\n");
        text.Append("Manifest: ").Append(CSharpEmitter.Files(rendered).Count().ToString(CultureInfo.InvariantCulture)).Append(" files, ")
            .Append(CSharpEmitter.Files(rendered).Sum(f => f.Text.Length).ToString(CultureInfo.InvariantCulture)).Append(" characters\n\n");
        var edited = stack with { Services = stack.Services.Select(s => s.Image == workload.Stack.DescriptorImage.Split('"')[1] ? s with { Image = s.Image.Replace(":1.", ":2.", StringComparison.Ordinal) } : s).ToEquatableArray() };
        var after = RenderedStack.From(StackBuild.Assemble(System.Collections.Immutable.ImmutableArray.Create(new StackHead(stack.Settings, new Generators.Parsing.ClassInfo("Demo", "Stack", true, false))), edited.Services, edited.Groups, null), parseErrors: false);
        text.Append("| Artifact | Characters | Changed by the one-descriptor edit |\n|---|---:|---|\n");
        for (var i = 0; i < rendered.Artifacts.Count; i++)
        {
            var a = rendered.Artifacts[i];
            text.Append("| ").Append(a.Path).Append(" | ").Append(a.Content.Length.ToString(CultureInfo.InvariantCulture)).Append(" | ").Append(after.Artifacts[i].Content == a.Content ? "no" : "yes").Append(" |\n");
        }
        text.Append('\n');
        text.Append("| Part | Mean | Allocated |\n|---|---:|---:|\n");
        foreach (var (name, body) in parts)
        {
            var (nanoseconds, bytes) = RenderParts.Measure(body);
            text.Append("| ").Append(name).Append(" | ").Append(Report.Time(nanoseconds)).Append(" | ").Append(Report.Bytes(bytes)).Append(" |\n");
        }
        return text.ToString();
    }

    private static Func<object?> Rules(Action<List<Finding>> check) => () =>
    {
        var findings = new List<Finding>();
        check(findings);
        return findings;
    };
}
