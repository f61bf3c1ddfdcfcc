using System.Collections.Generic;
using System.Collections.Immutable;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Datamancy.Config.Generators.Analyzers
{
    /// <summary>
    /// The rules that look at one <c>[Service]</c> class, reported on the exact attribute argument so the IDE
    /// squiggles it and code fixes attach. Parses with <see cref="ServiceParser"/> and checks with
    /// <see cref="ServiceRules"/>, exactly as the generator does before it renders.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ServiceAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Every diagnostic parsing or checking one service can report.</summary>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.PerService;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                // DMC5001 is about the Kubernetes output, which the [Stack] class turns on: look it up once per compilation.
                var kubernetes = new System.Lazy<bool>(() => KubernetesEnabled(start.Compilation.Assembly.GlobalNamespace, start.CancellationToken));
                start.RegisterSymbolAction(symbol => Analyze(symbol, kubernetes), SymbolKind.NamedType);
            });
        }

        /// <summary>True when the compilation's <c>[Stack]</c> sets <c>Kubernetes = true</c>.</summary>
        internal static bool KubernetesEnabled(INamespaceSymbol root, System.Threading.CancellationToken cancellationToken)
        {
            var pending = new Stack<INamespaceOrTypeSymbol>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var current = pending.Pop();
                if (current is INamedTypeSymbol type)
                {
                    foreach (var attribute in type.GetAttributes())
                    {
                        if (attribute.AttributeClass?.ToDisplayString() == AttributeNames.Stack)
                        {
                            foreach (var argument in attribute.NamedArguments)
                            {
                                if (argument.Key == "Kubernetes" && argument.Value.Value is true)
                                {
                                    return true;
                                }
                            }
                        }
                    }
                    continue;
                }
                foreach (var member in ((INamespaceSymbol)current).GetMembers())
                {
                    pending.Push(member);
                }
            }
            return false;
        }

        private static void Analyze(SymbolAnalysisContext context, System.Lazy<bool> kubernetes)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var declaration = AttributedDeclaration(type, AttributeNames.Service, context.CancellationToken, out _);
            if (declaration is null)
            {
                return;
            }
            var parse = ServiceParser.Parse(type, declaration, context.CancellationToken);
            var acknowledged = parse.Model?.Acknowledgements ?? Model.EquatableArray<Model.Acknowledgement>.Empty;
            DescriptorAnalysis.Report(context.ReportDiagnostic, context.Compilation, System.Linq.Enumerable.Where(parse.Diagnostics, d => !Acknowledgements.Covers(acknowledged, d.Descriptor)));
            if (parse.Model is null)
            {
                return;
            }
            var findings = new List<Finding>();
            ServiceRules.Check(parse.Model, findings);
            if (kubernetes.Value)
            {
                KubernetesRules.CheckPortability(parse.Model, findings);
            }
            DescriptorAnalysis.Report(context.ReportDiagnostic, context.Compilation, Acknowledgements.Filter(findings, parse.Model.Acknowledgements), parse.Sites);
        }

        /// <summary>The class declaration that carries the attribute, as the generator's <c>ForAttributeWithMetadataName</c> would find it.</summary>
        internal static TypeDeclarationSyntax? AttributedDeclaration(INamedTypeSymbol type, string attributeName, System.Threading.CancellationToken cancellationToken, out AttributeData? attribute)
        {
            attribute = null;
            if (type.TypeKind != TypeKind.Class)
            {
                return null;
            }
            foreach (var candidate in type.GetAttributes())
            {
                if (candidate.AttributeClass?.ToDisplayString() == attributeName)
                {
                    attribute = candidate;
                    // Records are not services: the generator's syntax predicate takes class declarations only.
                    return candidate.ApplicationSyntaxReference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<TypeDeclarationSyntax>();
                }
            }
            return null;
        }
    }
}
