using System.Collections.Generic;
using System.Collections.Immutable;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Validation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Datamancy.Config.Generators.Analyzers
{
    /// <summary>
    /// The rules on the <c>[Stack]</c> class alone (its values, ACME email, staging CA), reported on its arguments.
    /// Reads the <c>DatamancyDomain</c> build property like the generator, so an override is checked too.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class StackAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Every diagnostic the stack settings can report.</summary>
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = Descriptors.StackSettings;

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterSymbolAction(Analyze, SymbolKind.NamedType);
        }

        private static void Analyze(SymbolAnalysisContext context)
        {
            var type = (INamedTypeSymbol)context.Symbol;
            var declaration = ServiceAnalyzer.AttributedDeclaration(type, AttributeNames.Stack, context.CancellationToken, out var attribute);
            if (declaration is null || attribute is null)
            {
                return;
            }
            var parse = StackParser.Parse(type, declaration, attribute, context.CancellationToken);
            if (parse.Settings is not { } settings)
            {
                return;
            }
            if (context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(DatamancyGenerator.DomainProperty, out var domain) && !string.IsNullOrWhiteSpace(domain))
            {
                settings = settings with { Domain = domain.Trim() };
            }
            var findings = new List<Finding>();
            StackSettingsRules.Check(settings, findings);
            DescriptorAnalysis.Report(context.ReportDiagnostic, context.Compilation, Acknowledgements.Filter(findings, settings.Acknowledgements), new ServiceSites(Finding.StackOwner, parse.Sites));
        }
    }
}
