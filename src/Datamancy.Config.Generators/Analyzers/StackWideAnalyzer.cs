using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Datamancy.Config.Generators.Analyzers
{
    /// <summary>
    /// The rules that need every service (duplicates, roles, reachability, shared volumes, a secret or variable set twice),
    /// reported at the end of the compilation on the argument they name. Being an analyzer, not the generator, its
    /// diagnostics honour <c>#pragma warning disable</c>, <c>.editorconfig</c> and <c>[Justify]</c> exactly like the
    /// rules on one descriptor. It assembles the stack with the generator's own parser and <see cref="StackBuild"/>.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StackWideAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Every diagnostic a stack-wide rule can report.</summary>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.StackWide;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                var collected = new StackCollector(start.Compilation);
                start.RegisterSymbolAction(collected.Add, SymbolKind.NamedType);
                start.RegisterCompilationEndAction(end => collected.Report(end));
            });
        }

        /// <summary>The declarations of one compilation, in the order the generator's pipeline sees them.</summary>
        private sealed class StackCollector
        {
            private readonly Dictionary<SyntaxTree, int> _treeOrder = new();
            private readonly ConcurrentBag<(int Tree, int Position, ServiceParse Parse)> _services = new();
            private readonly ConcurrentBag<(int Tree, int Position, StackParse Parse)> _stacks = new();
            private readonly ConcurrentBag<string> _groups = new();

            public StackCollector(Compilation compilation)
            {
                var index = 0;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    _treeOrder[tree] = index++;
                }
            }

            public void Add(SymbolAnalysisContext context)
            {
                var type = (INamedTypeSymbol)context.Symbol;
                if (type.TypeKind == TypeKind.Enum)
                {
                    if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeNames.UserGroups))
                    {
                        foreach (var name in StackParser.GroupMembers(type))
                        {
                            _groups.Add(name);
                        }
                    }
                    return;
                }
                if (ServiceAnalyzer.AttributedDeclaration(type, AttributeNames.Service, context.CancellationToken, out _) is { } service)
                {
                    _services.Add((Order(service.SyntaxTree), service.SpanStart, ServiceParser.Parse(type, service, context.CancellationToken)));
                }
                if (ServiceAnalyzer.AttributedDeclaration(type, AttributeNames.Stack, context.CancellationToken, out var attribute) is { } stack && attribute is not null)
                {
                    _stacks.Add((Order(stack.SyntaxTree), stack.SpanStart, StackParser.Parse(type, stack, attribute, context.CancellationToken)));
                }
            }

            private int Order(SyntaxTree tree) => _treeOrder.TryGetValue(tree, out var i) ? i : int.MaxValue;

            public void Report(CompilationAnalysisContext context)
            {
                var services = _services.OrderBy(s => s.Tree).ThenBy(s => s.Position).Select(s => s.Parse).ToList();
                var stacks = _stacks.OrderBy(s => s.Tree).ThenBy(s => s.Position).Select(s => s.Parse).ToList();
                string? domain = context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(DatamancyGenerator.DomainProperty, out var d) && !string.IsNullOrWhiteSpace(d) ? d.Trim() : null;
                var build = StackBuild.Assemble(
                    stacks.Select(s => new StackHead(s.Settings, s.Class)).ToImmutableArray(),
                    services.Where(s => s.Model is not null).Select(s => s.Model!).ToEquatableArray(),
                    _groups.ToEquatableArray(),
                    domain);

                var sites = new Dictionary<string, ServiceSites>();
                foreach (var s in services)
                {
                    sites[s.Sites.ServiceTypeName] = s.Sites;
                }
                foreach (var s in stacks)
                {
                    sites[s.Settings?.TypeName ?? s.Class.Name] = new ServiceSites(s.Settings?.TypeName ?? s.Class.Name, s.Sites);
                }
                if (stacks.Count > 0)
                {
                    sites[Finding.StackOwner] = new ServiceSites(Finding.StackOwner, stacks[0].Sites);
                }
                foreach (var finding in Acknowledgements.Filter(build.Findings, build.Model))
                {
                    sites.TryGetValue(finding.Owner, out var owner);
                    var location = DescriptorAnalysis.ToSource(FindingLocations.Resolve(finding.SiteKey, owner), context.Compilation);
                    context.ReportDiagnostic(Diagnostic.Create(finding.Descriptor, location, finding.Arguments.Items.ToArray()));
                }
            }
        }
    }
}
