using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Generators.Parsing.Trees
{
    /// <summary>
    /// What one tree declares: its services, stacks and user-group enums, in document order, and the tree's path
    /// (which names its typed-view file; empty for <see cref="Empty"/>, a tree that declares nothing).
    /// </summary>
    internal sealed record TreeParse(EquatableArray<ServiceParse> Services, EquatableArray<StackParse> Stacks, EquatableArray<GroupsParse> Groups, string Path = "")
    {
        public static readonly TreeParse Empty = new(EquatableArray<ServiceParse>.Empty, EquatableArray<StackParse>.Empty, EquatableArray<GroupsParse>.Empty);
    }

    /// <summary>The member names of one <c>[UserGroups]</c> enum.</summary>
    internal sealed record GroupsParse(EquatableArray<string> Names);

    /// <summary>
    /// Parses one tree: the declarations syntax says may carry <c>[Service]</c>, <c>[Stack]</c> or
    /// <c>[UserGroups]</c> (<see cref="AttributeCandidates"/>) are bound and read by the same parsers the analyzers
    /// use (<see cref="ServiceParser"/>, <see cref="StackParser"/>), so the result is exactly what
    /// <c>ForAttributeWithMetadataName</c> gave them. The pipeline runs this only for a tree that changed, or for
    /// every tree when the <see cref="ParseEnvironment"/> changed (<see cref="ParseEnvironment.ParseAll"/>).
    /// </summary>
    internal static class TreeParser
    {
        public static TreeParse Parse(SyntaxTree tree, Compilation compilation, EquatableArray<AliasName> aliases, CancellationToken cancellationToken)
        {
            var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
            var services = AttributeCandidates.Find(root, "ServiceAttribute", aliases, IsClassOrRecord, cancellationToken);
            var stacks = AttributeCandidates.Find(root, "StackAttribute", aliases, IsClassOrRecord, cancellationToken);
            var groups = AttributeCandidates.Find(root, "UserGroupsAttribute", aliases, static t => t is EnumDeclarationSyntax, cancellationToken);
            if (services.Count == 0 && stacks.Count == 0 && groups.Count == 0)
            {
                return TreeParse.Empty;
            }
            var model = compilation.GetSemanticModel(tree);

            var serviceParses = new List<ServiceParse>();
            foreach (var declaration in services)
            {
                if (Bind(model, declaration, AttributeNames.Service, cancellationToken) is { } bound)
                {
                    serviceParses.Add(ServiceParser.Parse(bound.Symbol, (TypeDeclarationSyntax)declaration, cancellationToken));
                }
            }
            var stackParses = new List<StackParse>();
            foreach (var declaration in stacks)
            {
                if (Bind(model, declaration, AttributeNames.Stack, cancellationToken) is { } bound)
                {
                    stackParses.Add(StackParser.Parse(bound.Symbol, (TypeDeclarationSyntax)declaration, bound.Attributes[0], cancellationToken));
                }
            }
            var groupParses = new List<GroupsParse>();
            foreach (var declaration in groups)
            {
                if (Bind(model, declaration, AttributeNames.UserGroups, cancellationToken) is { } bound)
                {
                    groupParses.Add(new GroupsParse(StackParser.GroupMembers(bound.Symbol)));
                }
            }
            return new TreeParse(serviceParses.ToEquatableArray(), stackParses.ToEquatableArray(), groupParses.ToEquatableArray(), tree.FilePath ?? string.Empty);
        }

        private static bool IsClassOrRecord(BaseTypeDeclarationSyntax type) => type is ClassDeclarationSyntax or RecordDeclarationSyntax;

        /// <summary>The declared type and its attributes of the given class applied in this tree, as <c>ForAttributeWithMetadataName</c> matches them.</summary>
        private static (INamedTypeSymbol Symbol, ImmutableArray<AttributeData> Attributes)? Bind(SemanticModel model, BaseTypeDeclarationSyntax declaration, string metadataName, CancellationToken cancellationToken)
        {
            if (model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol symbol)
            {
                return null;
            }
            var matching = symbol.GetAttributes()
                .Where(a => a.ApplicationSyntaxReference?.SyntaxTree == declaration.SyntaxTree && a.AttributeClass?.ToDisplayString(MetadataFormat) == metadataName)
                .ToImmutableArray();
            return matching.IsEmpty ? null : (symbol, matching);
        }

        private static readonly SymbolDisplayFormat MetadataFormat = new(
            globalNamespaceStyle: SymbolDisplayGlobalNamespaceStyle.Omitted,
            typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
            genericsOptions: SymbolDisplayGenericsOptions.None);
    }
}
