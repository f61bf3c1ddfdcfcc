using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>What a diagnostic points at: the attribute, the argument and, for arrays, the element.</summary>
    internal sealed class FixTarget
    {
        private FixTarget(AttributeSyntax attribute, AttributeArgumentSyntax? argument, ExpressionSyntax? element)
        {
            Attribute = attribute;
            Argument = argument;
            Element = element;
        }

        public AttributeSyntax Attribute { get; }

        public AttributeArgumentSyntax? Argument { get; }

        /// <summary>The array element the diagnostic is on, when it is on one.</summary>
        public ExpressionSyntax? Element { get; }

        /// <summary>The argument's name: <c>Name = …</c>, <c>name: …</c>, or null when positional.</summary>
        public string? ArgumentName => Argument?.NameEquals?.Name.Identifier.ValueText ?? Argument?.NameColon?.Name.Identifier.ValueText;

        public static FixTarget? Find(SyntaxNode root, Diagnostic diagnostic)
        {
            if (!diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return null;
            }
            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            var attribute = node.FirstAncestorOrSelf<AttributeSyntax>();
            if (attribute is null)
            {
                return null;
            }
            var argument = node.FirstAncestorOrSelf<AttributeArgumentSyntax>();
            ExpressionSyntax? element = null;
            for (var current = node; current is not null && current != argument; current = current.Parent)
            {
                if (current is ExpressionSyntax expression && current.Parent is InitializerExpressionSyntax or ExpressionElementSyntax)
                {
                    element = expression;
                    break;
                }
            }
            return new FixTarget(attribute, argument, element);
        }
    }

    /// <summary>How one attribute changes: replaced, or removed altogether.</summary>
    internal sealed class AttributeRewrite
    {
        private AttributeRewrite(AttributeSyntax? replacement) => Replacement = replacement;

        public AttributeSyntax? Replacement { get; }

        public static AttributeRewrite Replace(AttributeSyntax replacement) => new(replacement);

        public static readonly AttributeRewrite Remove = new(null);
    }

    /// <summary>One code action: its equivalence key (also the fix-all key), its title for a target, and the rewrite of an attribute.</summary>
    internal sealed class AttributeFix
    {
        /// <param name="key">The equivalence key.</param>
        /// <param name="title">The title for a target, or null when the fix does not apply to it.</param>
        /// <param name="rewrite">Rewrites the attribute for every target in it (fix-all passes several).</param>
        public AttributeFix(string key, Func<FixTarget, string?> title, Func<AttributeSyntax, IReadOnlyList<FixTarget>, AttributeRewrite?> rewrite)
        {
            Key = key;
            Title = title;
            Rewrite = rewrite;
        }

        public string Key { get; }

        public Func<FixTarget, string?> Title { get; }

        public Func<AttributeSyntax, IReadOnlyList<FixTarget>, AttributeRewrite?> Rewrite { get; }
    }
}
