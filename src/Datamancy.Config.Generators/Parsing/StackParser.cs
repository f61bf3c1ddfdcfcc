using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Generators.Parsing
{
    /// <summary>What parsing the <c>[Stack]</c> class yields.</summary>
    internal sealed record StackParse(StackSettings? Settings, ClassInfo Class, LocationInfo Location, EquatableArray<Site> Sites);

    /// <summary>Reads the <c>[Stack]</c> class and the <c>[UserGroups]</c> enum.</summary>
    internal static class StackParser
    {
        /// <summary>The generator's entry.</summary>
        public static StackParse Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            Parse((INamedTypeSymbol)context.TargetSymbol, (TypeDeclarationSyntax)context.TargetNode, context.Attributes[0], cancellationToken);

        /// <summary>Parses the <c>[Stack]</c> class; shared by the generator and <see cref="Analyzers.StackAnalyzer"/>.</summary>
        public static StackParse Parse(INamedTypeSymbol type, TypeDeclarationSyntax declaration, AttributeData attribute, CancellationToken cancellationToken)
        {
            var identifier = declaration.Identifier.GetLocation();
            var location = new LocationInfo(identifier.SourceTree?.FilePath ?? string.Empty, identifier.SourceSpan, identifier.GetLineSpan().Span);
            var classInfo = new ClassInfo(
                type.ContainingNamespace.IsGlobalNamespace ? null : type.ContainingNamespace.ToDisplayString(),
                type.Name,
                declaration.Modifiers.Any(SyntaxKind.PartialKeyword) && type.ContainingType is null && !type.IsGenericType,
                type.IsStatic,
                type.IsRecord);
            var sites = new List<Site> { new("Class", location) };
            var reader = new AttributeReader(attribute, "Stack", sites);
            cancellationToken.ThrowIfCancellationRequested();
            var settings = reader.HasErrors
                ? null
                : new StackSettings(
                    TypeNames.Of(type),
                    reader.String("Name") ?? string.Empty,
                    reader.String("Domain") ?? string.Empty,
                    reader.String("AcmeEmail"),
                    reader.Bool("AcmeStaging") ?? false,
                    reader.Enum("DefaultPolicy", AuthPolicy.TwoFactor),
                    reader.String("PortalHost") ?? "auth",
                    reader.Enum("Networking", NetworkLayout.Shared),
                    reader.Bool("Kubernetes") ?? false);
            return new StackParse(settings, classInfo, location, sites.ToEquatableArray());
        }

        public static EquatableArray<string> ParseGroups(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            return type.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue)
                .Select(f => GroupNames.FromMember(f.Name))
                .ToEquatableArray();
        }
    }
}
