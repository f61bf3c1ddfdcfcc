using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Emission;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Parsing.Trees;
using Datamancy.Config.Generators.Rendering.Fragments;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Generators
{
    /// <summary>
    /// syntax → equatable model → validation → renderers. Locations travel on their own outputs,
    /// so moving a line re-reports diagnostics but re-renders nothing.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class DatamancyGenerator : IIncrementalGenerator
    {
        public const string DomainProperty = "build_property.DatamancyDomain";

        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            // What other trees' parses can observe of each tree, from syntax (read once per tree object); equal after an
            // edit inside a body or a descriptor's arguments.
            var environment = context.CompilationProvider
                .Select(static (compilation, ct) => TreeSkeleton.All(compilation, ct))
                .WithTrackingName(StepNames.TreeSkeletons)
                .Select(static (all, _) => DeclarationShape.From(all.Items))
                .Combine(context.CompilationProvider)
                .Select(static (input, _) => new ParseEnvironment(input.Left, input.Right))
                .WithTrackingName(StepNames.ParseEnvironment);

            // Every tree's parse in one value: the environment parses a tree it has not parsed (a changed tree, or all of
            // them when the environment changed) and remembers the others. No per-tree table until the parses differ:
            // Roslyn's driver does work per entry of every per-tree step on every pass, and an unrelated edit changes none.
            var treeParses = context.CompilationProvider
                .Combine(environment)
                .Select(static (input, ct) => input.Right.ParseAll(input.Left, ct))
                .WithTrackingName(StepNames.TreeParses);
            var parsedTrees = treeParses
                .SelectMany(static (all, _) => all.Items)
                .WithTrackingName(StepNames.TreeParse);

            // Each service's own rules run on its model alone, per bucket of trees (RuleBuckets; cached with the bucket's
            // parses), so an edit checks its bucket's services again; the stack build runs only the rules that need every service. One path to the
            // build: Roslyn's step recording walks every path, so a second one would double what a tracked run records.
            var serviceModels = treeParses
                .SelectMany(static (all, _) => RuleBuckets.Of(all))
                .Select(static (bucket, _) => CheckedBucket.Of(bucket))
                .WithTrackingName(StepNames.TreeRules)
                .Collect()
                .Select(static (all, _) => CheckedServices.From(RuleBuckets.InTreeOrder(all)))
                .WithTrackingName(StepNames.ServiceModels);

            var stacks = parsedTrees
                .SelectMany(static (tree, _) => tree.Stacks)
                .WithTrackingName(StepNames.StackParse);

            var stackHeads = stacks
                .Select(static (p, _) => new StackHead(p.Settings, p.Class))
                .Collect()
                .WithTrackingName(StepNames.StackHeads);

            var groups = parsedTrees
                .SelectMany(static (tree, _) => tree.Groups)
                .Collect()
                .Select(static (all, _) => all.SelectMany(g => g.Names).ToEquatableArray())
                .WithTrackingName(StepNames.Groups);

            var domainOverride = context.AnalyzerConfigOptionsProvider
                .Select(static (options, _) => options.GlobalOptions.TryGetValue(DomainProperty, out var domain) && !string.IsNullOrWhiteSpace(domain) ? domain.Trim() : null)
                .WithTrackingName(StepNames.DomainOverride);

            // The build: the model, then the stack-wide rules over the planned model (local fields blanked, LocalFields), so
            // an edit of a local field (an image tag) runs neither the rules nor the plan again; LocalFieldsTests prove
            // that the rules find the same over both models.
            var draft = stackHeads.Combine(serviceModels).Combine(groups).Combine(domainOverride)
                .Select(static (input, _) => StackBuild.Draft(input.Left.Left.Left, input.Left.Left.Right.Models, input.Left.Right, input.Right, input.Left.Left.Right.HasErrors))
                .WithTrackingName(StepNames.StackDraft);
            var plannedDraft = draft
                .Select(static (d, _) => d.Planned())
                .WithTrackingName(StepNames.PlannedDraft);
            var stackRules = plannedDraft
                .Select(static (d, _) => StackBuild.Rules(d))
                .WithTrackingName(StepNames.StackRules);
            var build = draft.Combine(stackRules)
                .Select(static (input, _) => input.Left.With(input.Right))
                .WithTrackingName(StepNames.StackBuild);

            // A descriptor that could not be read fully (an undeclared group, a dependency that is no service) blocks rendering too.
            // Decided per tree with its rules, so no second table over the trees is collected on every pass.
            var parseErrors = serviceModels.Select(static (all, _) => all.ParseErrors);

            // Render: the stack-wide artifacts and one render input per service (its model, the stack facts its compose
            // block reads and its parts of the parted texts) once per model, then one step per bucket of about √n services
            // that builds and writes their blocks and parts (cached on the bucket's inputs, so an edit renders only the
            // buckets whose inputs changed), then the join. Buckets rather than services: every pass walks every entry of
            // the collected renders, so the entries are what a keystroke anywhere pays for (RenderBuckets).
            // The plan reads the planned build (the services' local fields blanked), so an edit of a local field leaves the
            // plan cached; the buckets put the fields back before they render.
            var planned = plannedDraft.Combine(stackRules)
                .Select(static (input, _) => input.Left.With(input.Right))
                .WithTrackingName(StepNames.PlannedBuild);
            var locals = build
                .Select(static (b, _) => LocalFields.Of(b.Model))
                .WithTrackingName(StepNames.LocalFields);
            var plan = planned.Combine(parseErrors)
                .Select(static (input, _) => RenderPlan.From(input.Left, input.Right))
                .WithTrackingName(StepNames.RenderPlan);
            var renders = plan.Combine(locals)
                .SelectMany(static (input, _) => RenderBuckets.Of(input.Left.Services, input.Right).Items)
                .WithTrackingName(StepNames.ServiceInputs)
                .Select(static (bucket, _) => RenderedBucket.Of(bucket))
                .WithTrackingName(StepNames.ServiceRenders)
                .Collect();
            // One join per text (compose.yaml, then each parted text), cached on the text's frame and pieces: an edit joins
            // again only the texts whose pieces changed (compose.yaml and the audit for an image tag), not all of them.
            var joined = plan.Combine(renders)
                .SelectMany(static (input, _) => TextJoins.Of(input.Left, input.Right))
                .WithTrackingName(StepNames.TextJoins)
                .Select(static (join, _) => TextJoins.Join(join))
                .WithTrackingName(StepNames.JoinedTexts)
                .Collect();
            var rendered = plan.Combine(joined).Combine(build)
                .Select(static (input, _) => RenderedStack.Join(input.Left.Left, input.Left.Right, input.Right.Model))
                .WithTrackingName(StepNames.Rendered);

            // The manifest: its main file (blocked, secrets, paths) and one file per carried text, each cached on its own
            // value, so an edit escapes and writes again only the texts it changed.
            var contents = rendered.Select(static (r, _) => ManifestContent.Of(r));
            var index = rendered.Combine(contents)
                .Select(static (input, _) => ManifestIndex.Of(input.Left, input.Right))
                .WithTrackingName(StepNames.ManifestIndex);
            context.RegisterSourceOutput(index, static (spc, index) =>
            {
                if (index.InternalError is { } error)
                {
                    var parts = error.Split('|');
                    spc.ReportDiagnostic(Diagnostic.Create(InternalError.Descriptor, Location.None, parts[0], parts.Length > 1 ? parts[1] : "?"));
                }
                // No manifest at all in a project that references the package without declaring a stack
                // (a test project, an app using a stack library): the emission step has nothing to write.
                if (!index.DeclaresNothing)
                {
                    spc.AddSource(CSharpEmitter.IndexHintName, CSharpEmitter.Index(index));
                }
            });
            var texts = contents
                .SelectMany(static (c, _) => ManifestContent.Carried(c))
                .WithTrackingName(StepNames.ManifestTexts);
            context.RegisterSourceOutput(texts, static (spc, content) => spc.AddSource(CSharpEmitter.ContentHintName(content.Index), CSharpEmitter.Content(content)));

            // Typed views: one generated file per bucket of syntax trees (TreeViews.Buckets at most), built from every tree's
            // parse at once, so no table over the trees is collected on every pass. When a parse (or the domain) changed,
            // every tree's views are built again (cheap records) and only the buckets whose views differ are emitted again;
            // an unrelated edit leaves the parses equal and every step here Cached.
            var domain = build.Select(static (b, _) => b.Model?.Domain);
            var viewFiles = treeParses
                .Combine(domain)
                .SelectMany(static (pair, _) => ViewBucket.All(pair.Left.Select(tree => TreeViews.From(tree, pair.Right))))
                .WithTrackingName(StepNames.ServiceViews)
                .Select(static (bucket, _) => bucket.Trees.Count == 0 ? null : new GeneratedFile(TreeViews.HintNameOf(bucket.Bucket), CSharpEmitter.Services(bucket)))
                .WithTrackingName(StepNames.ViewFiles);
            context.RegisterSourceOutput(viewFiles, static (spc, file) =>
            {
                if (file is not null)
                {
                    spc.AddSource(file.HintName, file.Text);
                }
            });

            // Findings are reported by the analyzers (ServiceAnalyzer, StackAnalyzer, StackWideAnalyzer), so #pragma,
            // .editorconfig and [Justify] apply to every rule alike; the generator only decides whether to render.
        }
    }
}
