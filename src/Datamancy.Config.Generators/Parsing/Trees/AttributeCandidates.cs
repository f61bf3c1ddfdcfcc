using System;
using System.Collections.Generic;
using System.Threading;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Generators.Parsing.Trees
{
    /// <summary>A <c>using</c> alias as syntax shows it: <c>using S = Datamancy.Config.ServiceAttribute;</c> is (S, ServiceAttribute).</summary>
    internal sealed record AliasName(string Alias, string Target);

    /// <summary>
    /// The declarations of one tree whose attribute lists name a given attribute, decided from syntax exactly as
    /// <c>ForAttributeWithMetadataName</c> decides it: the unqualified name, with or without the <c>Attribute</c>
    /// suffix, or a chain of local and global <c>using</c> aliases whose target ends in that name.
    /// </summary>
    internal static class AttributeCandidates
    {
        private const string Suffix = "Attribute";

        /// <summary>Declarations, in document order and without duplicates, carrying an attribute that may bind to <paramref name="attributeName"/>.</summary>
        public static List<BaseTypeDeclarationSyntax> Find(
            CompilationUnitSyntax root, string attributeName, EquatableArray<AliasName> globalAliases, Func<BaseTypeDeclarationSyntax, bool> predicate, CancellationToken cancellationToken)
        {
            var results = new List<BaseTypeDeclarationSyntax>();
            var localAliases = new List<AliasName>();
            Recurse(root);
            return results;

            void Recurse(SyntaxNode node)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var aliasCount = localAliases.Count;
                switch (node)
                {
                    case CompilationUnitSyntax unit:
                        AddAliases(unit.Usings, localAliases, global: false);
                        foreach (var member in unit.Members)
                        {
                            Recurse(member);
                        }
                        break;
                    case BaseNamespaceDeclarationSyntax ns:
                        AddAliases(ns.Usings, localAliases, global: false);
                        foreach (var member in ns.Members)
                        {
                            Recurse(member);
                        }
                        localAliases.RemoveRange(aliasCount, localAliases.Count - aliasCount);
                        break;
                    case BaseTypeDeclarationSyntax type:
                        if (predicate(type) && HasMatchingAttribute(type) && !results.Contains(type))
                        {
                            results.Add(type);
                        }
                        if (type is TypeDeclarationSyntax withMembers)
                        {
                            foreach (var member in withMembers.Members)
                            {
                                Recurse(member);
                            }
                        }
                        break;
                }
            }

            bool HasMatchingAttribute(BaseTypeDeclarationSyntax type)
            {
                foreach (var list in type.AttributeLists)
                {
                    foreach (var attribute in list.Attributes)
                    {
                        var simple = Unqualified(attribute.Name);
                        var seen = new Stack<string>();
                        if (Matches(simple, withSuffix: false, seen) || Matches(simple, withSuffix: true, seen))
                        {
                            return true;
                        }
                    }
                }
                return false;
            }

            bool Matches(string current, bool withSuffix, Stack<string> seen)
            {
                if (withSuffix ? NameMatches(current, attributeName, withSuffix: true) : NameMatches(current, attributeName, withSuffix: false))
                {
                    return true;
                }
                if (seen.Contains(current))
                {
                    return false;
                }
                seen.Push(current);
                foreach (var alias in localAliases)
                {
                    if (NameMatches(current, alias.Alias, withSuffix) && Matches(alias.Target, withSuffix: false, seen))
                    {
                        return true;
                    }
                }
                foreach (var alias in globalAliases)
                {
                    if (NameMatches(current, alias.Alias, withSuffix) && Matches(alias.Target, withSuffix: false, seen))
                    {
                        return true;
                    }
                }
                seen.Pop();
                return false;
            }
        }

        /// <summary>The <c>global using X = …;</c> aliases of a compilation unit.</summary>
        public static IEnumerable<AliasName> GlobalAliases(CompilationUnitSyntax root)
        {
            var aliases = new List<AliasName>();
            AddAliases(root.Usings, aliases, global: true);
            return aliases;
        }

        private static void AddAliases(SyntaxList<UsingDirectiveSyntax> usings, List<AliasName> aliases, bool global)
        {
            foreach (var directive in usings)
            {
                if (directive.Alias is { } alias && directive.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword) == global && directive.NamespaceOrType is NameSyntax target)
                {
                    aliases.Add(new AliasName(alias.Name.Identifier.ValueText, Unqualified(target)));
                }
            }
        }

        private static bool NameMatches(string name, string matchAgainst, bool withSuffix) =>
            withSuffix
                ? name.Length + Suffix.Length == matchAgainst.Length && matchAgainst.EndsWith(Suffix, StringComparison.Ordinal) && matchAgainst.StartsWith(name, StringComparison.Ordinal)
                : string.Equals(name, matchAgainst, StringComparison.Ordinal);

        private static string Unqualified(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => Unqualified(qualified.Right),
            AliasQualifiedNameSyntax aliased => Unqualified(aliased.Name),
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => string.Empty,
        };
    }
}
