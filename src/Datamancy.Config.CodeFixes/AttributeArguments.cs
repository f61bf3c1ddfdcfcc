using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

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
        public static AttributeArgumentSyntax? RemoveElements(AttributeArgumentSyntax argument, ISet<TextSpan> remove, out int remaining)
        {
            remaining = 0;
            switch (argument.Expression)
            {
                case ImplicitArrayCreationExpressionSyntax implicitArray:
                    var kept = Without(implicitArray.Initializer.Expressions, e => remove.Contains(e.Span));
                    remaining = kept.Count;
                    return argument.WithExpression(implicitArray.WithInitializer(implicitArray.Initializer.WithExpressions(kept)));
                case ArrayCreationExpressionSyntax { Initializer: { } initializer } array:
                    var keptExplicit = Without(initializer.Expressions, e => remove.Contains(e.Span));
                    remaining = keptExplicit.Count;
                    return argument.WithExpression(array.WithInitializer(initializer.WithExpressions(keptExplicit)));
                case CollectionExpressionSyntax collection:
                    var keptElements = Without(collection.Elements, e => e is ExpressionElementSyntax x && remove.Contains(x.Expression.Span));
                    remaining = keptElements.Count;
                    return argument.WithExpression(collection.WithElements(keptElements));
                default:
                    return null;
            }
        }

        private static SeparatedSyntaxList<T> Without<T>(SeparatedSyntaxList<T> list, System.Func<T, bool> remove) where T : SyntaxNode
        {
            // Decide on the original list: after a removal the rest are re-created nodes with other spans.
            var indexes = Enumerable.Range(0, list.Count).Where(i => remove(list[i])).Reverse().ToList();
            foreach (var index in indexes)
            {
                list = list.RemoveAt(index);
            }
            return list;
        }

        /// <summary>The string value of a literal argument, or null.</summary>
        public static string? Literal(AttributeArgumentSyntax? argument) =>
            argument?.Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal.Token.ValueText : null;
    }
}
