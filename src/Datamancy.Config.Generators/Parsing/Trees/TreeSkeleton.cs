using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Generators.Parsing.Trees
{
    /// <summary>
    /// The attribute lists of one declaration of a type, with their text and position, keyed by the type's syntactic
    /// identity (namespace, containing types, name, arity). A type declared in two trees (partial parts) shows the
    /// attributes of both to the parser of either, so those parts are part of every tree's parse environment.
    /// </summary>
    internal sealed record TypePart(string Key, string Attributes);

    /// <summary>
    /// What one tree shows other trees' parses, read from syntax only: every token outside member bodies,
    /// initializers of fields that are not constants and attribute arguments (<see cref="Declarations"/>), the
    /// attribute lists of its type declarations (<see cref="Parts"/>) and its global aliases.
    /// </summary>
    /// <remarks>
    /// A descriptor's attribute arguments can reach into another tree only through names: types (<c>typeof</c>,
    /// the attribute classes, a [Service] or [UserGroups] mark on the named type), constants and enum members
    /// (their initializers are kept), members named by <c>nameof</c> (signatures are kept), usings and aliases.
    /// Method bodies, property and non-constant field initializers and the arguments of attributes cannot change
    /// how another tree binds, so an edit there leaves <see cref="Declarations"/> equal and no other tree re-parses.
    /// </remarks>
    internal sealed record TreeSkeleton(string Declarations, EquatableArray<TypePart> Parts, EquatableArray<AliasName> GlobalAliases)
    {
        // A pure function of the immutable tree, so one read per tree object serves every pass and every driver.
        private static readonly ConditionalWeakTable<SyntaxTree, TreeSkeleton> Memo = new();

        /// <summary>Every tree's skeleton, in the compilation's order; only a tree not seen before is read.</summary>
        public static EquatableArray<TreeSkeleton> All(Compilation compilation, CancellationToken cancellationToken)
        {
            var skeletons = ImmutableArray.CreateBuilder<TreeSkeleton>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                skeletons.Add(Of(tree, cancellationToken));
            }
            return new EquatableArray<TreeSkeleton>(skeletons.ToImmutable());
        }

        public static TreeSkeleton Of(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (Memo.TryGetValue(tree, out var skeleton))
            {
                return skeleton;
            }
            var read = Read(tree, cancellationToken);
            return Memo.GetValue(tree, _ => read);
        }

        private static TreeSkeleton Read(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var root = (CompilationUnitSyntax)tree.GetRoot(cancellationToken);
            var text = new StringBuilder();
            foreach (var token in root.DescendantTokens(Descend))
            {
                text.Append(token.Text).Append(' ');
            }
            var parts = new List<TypePart>();
            foreach (var type in root.DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax).OfType<BaseTypeDeclarationSyntax>())
            {
                if (type.AttributeLists.Count > 0)
                {
                    parts.Add(new TypePart(KeyOf(type), AttributesOf(tree, type)));
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            return new TreeSkeleton(text.ToString(), parts.ToEquatableArray(), AttributeCandidates.GlobalAliases(root).ToEquatableArray());
        }

        /// <summary>Whether the walk enters a node; the nodes it skips are those no other tree can observe.</summary>
        private static bool Descend(SyntaxNode node) => node switch
        {
            BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is not (BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax or LocalFunctionStatementSyntax),
            ConstructorInitializerSyntax or GlobalStatementSyntax or AttributeArgumentListSyntax => false,
            EqualsValueClauseSyntax equals => equals.Parent switch
            {
                PropertyDeclarationSyntax => false,
                VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } => field.Modifiers.Any(SyntaxKind.ConstKeyword),
                _ => true,
            },
            _ => true,
        };

        private static string KeyOf(BaseTypeDeclarationSyntax type)
        {
            var names = new List<string>();
            for (SyntaxNode? node = type; node is not null; node = node.Parent)
            {
                switch (node)
                {
                    case TypeDeclarationSyntax t:
                        names.Add(t.Identifier.ValueText + "`" + (t.TypeParameterList?.Parameters.Count ?? 0));
                        break;
                    case BaseTypeDeclarationSyntax t:
                        names.Add(t.Identifier.ValueText);
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        names.Add(string.Concat(ns.Name.DescendantTokens().Select(t => t.ValueText)));
                        break;
                }
            }
            names.Reverse();
            return string.Join(".", names);
        }

        private static string AttributesOf(SyntaxTree tree, BaseTypeDeclarationSyntax type)
        {
            var text = new StringBuilder(tree.FilePath);
            foreach (var list in type.AttributeLists)
            {
                var span = list.GetLocation().GetLineSpan().Span;
                text.Append('\n').Append(list.SpanStart).Append(':').Append(span.ToString()).Append(' ').Append(list.ToString());
            }
            return text.ToString();
        }
    }
}
