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
            var acknowledgements = new List<Acknowledgement>();
            var justifyErrors = false;
            foreach (var other in type.GetAttributes())
            {
                if (other.AttributeClass?.ToDisplayString() == AttributeNames.Justify)
                {
                    var justify = new AttributeReader(other, acknowledgements.Count == 0 ? "Justify" : "Justify#" + acknowledgements.Count, sites);
                    justifyErrors |= justify.HasErrors;
                    acknowledgements.Add(ServiceParser.ReadAcknowledgement(justify));
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            var settings = reader.HasErrors || justifyErrors
                ? null
                : new StackSettings(
                    TypeNames.Of(type),
                    reader.String("Name") ?? string.Empty,
                    reader.String("Domain") ?? string.Empty,
                    reader.String("AcmeEmail"),
                    reader.Bool("AcmeStaging") ?? false,
                    reader.Enum("DefaultPolicy", AuthPolicy.TwoFactor),
                    reader.String("PortalHost") ?? "auth",
                    acknowledgements.ToEquatableArray(),
                    new StackExtras(
                        reader.Bool("Hairpin") ?? false,
                        reader.String("FrontendSubnet"),
                        reader.String("BackendSubnet"),
                        reader.String("DatabaseSubnet"),
                        reader.String("DefaultMemory") ?? StackExtras.Defaults.DefaultMemory,
                        reader.String("DefaultCpus") ?? StackExtras.Defaults.DefaultCpus,
                        reader.Int("DefaultPids") ?? StackExtras.Defaults.DefaultPids),
                    new BackupRetention(
                        reader.Int("BackupKeepDaily") ?? BackupRetention.Default.Daily,
                        reader.Int("BackupKeepWeekly") ?? BackupRetention.Default.Weekly,
                        reader.Int("BackupKeepMonthly") ?? BackupRetention.Default.Monthly),
                    new SecretMaxAges(
                        reader.Int("PasswordMaxAgeDays") ?? SecretMaxAges.Default.Password,
                        reader.Int("KeyMaxAgeDays") ?? SecretMaxAges.Default.Key,
                        reader.Int("SigningKeyMaxAgeDays") ?? SecretMaxAges.Default.SigningKey,
                        reader.Int("ClientSecretMaxAgeDays") ?? SecretMaxAges.Default.ClientSecret),
                    reader.Enum("Networking", NetworkLayout.Shared),
                    reader.Bool("Kubernetes") ?? false);
            return new StackParse(settings, classInfo, location, sites.ToEquatableArray());
        }

        public static EquatableArray<string> ParseGroups(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken) =>
            GroupMembers((INamedTypeSymbol)context.TargetSymbol);

        /// <summary>The group names of an enum marked <c>[UserGroups]</c>; shared with the stack-wide analyzer.</summary>
        public static EquatableArray<string> GroupMembers(INamedTypeSymbol type)
        {
            return type.GetMembers().OfType<IFieldSymbol>()
                .Where(f => f.HasConstantValue)
                .Select(f => GroupNames.FromMember(f.Name))
                .ToEquatableArray();
        }
    }
}
