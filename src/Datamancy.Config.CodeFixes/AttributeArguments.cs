using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>Edits of attribute arguments that keep the remaining arguments and their trivia as written.</summary>
    internal static class AttributeArguments
    {
        public static AttributeArgumentSyntax? Named(AttributeSyntax attribute, string name) =>
            attribute.ArgumentList?.Arguments.FirstOrDefault(a => (a.NameEquals?.Name.Identifier.ValueText ?? a.NameColon?.Name.Identifier.ValueText) == name);

        /// <summary>Removes the arguments; drops the parentheses when none is left (<c>[DockerSocket]</c>).</summary>
        public static AttributeSyntax Remove(AttributeSyntax attribute, IEnumerable<AttributeArgumentSyntax?> remove)
        {
            if (attribute.ArgumentList is not { } list)
            {
                return attribute;
            }
            var arguments = list.Arguments;
            foreach (var index in remove.Where(a => a is not null).Select(a => arguments.IndexOf(a!)).Where(i => i >= 0).Distinct().OrderByDescending(i => i))
            {
                arguments = arguments.RemoveAt(index);
            }
            return arguments.Count == 0
                ? attribute.WithArgumentList(null).WithTrailingTrivia(attribute.GetTrailingTrivia())
                : attribute.WithArgumentList(list.WithArguments(arguments));
        }

        /// <summary>Removes elements of an array or collection-expression argument; null when the argument is not an array.</summary>
        public static AttributeArgumentSyntax? RemoveElements(AttributeArgumentSyntax argument, ISet<ExpressionSyntax> remove, out int remaining)
        {
            remaining = 0;
            switch (argument.Expression)
            {
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    var kept = Without(implicitArray.Initializer.Expressions, e => remove.Contains(e));
                    remaining = kept.Count;
                    return argument.WithExpression(implicitArray.WithInitializer(implicitArray.Initializer.WithExpressions(kept)));
                case ArrayCreationExpressionSyntax { Initializer: { } initializer } array:
                    var keptExplicit = Without(initializer.Expressions, e => remove.Contains(e));
                    remaining = keptExplicit.Count;
                    return argument.WithExpression(array.WithInitializer(initializer.WithExpressions(keptExplicit)));
                case CollectionExpressionSyntax collection:
                    var keptElements = Without(collection.Elements, e => e is ExpressionElementSyntax x && remove.Contains(x.Expression));
                    remaining = keptElements.Count;
                    return argument.WithExpression(collection.WithElements(keptElements));
                default:
                    return null;
            }
        }

        private static SeparatedSyntaxList<T> Without<T>(SeparatedSyntaxList<T> list, System.Func<T, bool> remove) where T : SyntaxNode
        {
            for (var i = list.Count - 1; i >= 0; i--)
            {
                if (remove(list[i]))
                {
                    list = list.RemoveAt(i);
                }
            }
            return list;
        }

        /// <summary>The string value of a literal argument, or null.</summary>
        public static string? Literal(AttributeArgumentSyntax? argument) =>
            argument?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
    }
}
