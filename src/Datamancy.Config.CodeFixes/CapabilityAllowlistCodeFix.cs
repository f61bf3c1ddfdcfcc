using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>
    /// DMC3012: turn <c>[Env("KFUNCDB_ALLOW_CAPS", "a,b")]</c> into <c>[Capabilities("a", "b")]</c>, keeping a non-default
    /// variable as <c>Variable = "..."</c>, so the list's entries are checked. Offered only for a literal list on a class
    /// that has no <c>[Capabilities]</c> yet.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CapabilityAllowlistCodeFix)), Shared]
    public sealed class CapabilityAllowlistCodeFix : AttributeFixProvider
    {
        public const string Key = DiagnosticIds.CapabilityAllowlistAsEnv + ".UseCapabilities";

        /// <summary>The variable <c>[Capabilities]</c> writes unless told otherwise.</summary>
        private const string DefaultVariable = "KFUNCDB_ALLOW_CAPS";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CapabilityAllowlistAsEnv);

        private protected override ImmutableArray<AttributeFix> Fixes { get; } = ImmutableArray.Create(new AttributeFix(
            Key,
            target => Parts(target.Attribute) is not null ? "Declare the allowlist with [Capabilities]" : null,
            (attribute, _) => Parts(attribute) is { } parts ? AttributeRewrite.Replace(Rewrite(attribute, parts.Variable, parts.Capabilities)) : null));

        /// <summary>The variable and the capabilities of a literal <c>[Env(name, value)]</c> on a class without <c>[Capabilities]</c>.</summary>
        private static (string Variable, string[] Capabilities)? Parts(AttributeSyntax attribute)
        {
            var arguments = attribute.ArgumentList?.Arguments;
            if (arguments is not { Count: 2 } list
                || list[0].Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } name
                || list[1].Expression is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } value)
            {
                return null;
            }
            var type = attribute.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is null || type.AttributeLists.SelectMany(l => l.Attributes).Any(a => IsCapabilities(a.Name)))
            {
                return null;
            }
            var capabilities = value.Token.ValueText.Split(new[] { ',', ' ', '\t' }, System.StringSplitOptions.RemoveEmptyEntries);
            return capabilities.Length == 0 ? null : (name.Token.ValueText, capabilities);
        }

        private static bool IsCapabilities(NameSyntax name)
        {
            var text = name is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : name.ToString();
            return text is "Capabilities" or "CapabilitiesAttribute";
        }

        private static AttributeSyntax Rewrite(AttributeSyntax attribute, string variable, string[] capabilities)
        {
            var arguments = capabilities
                .Select(c => SyntaxFactory.AttributeArgument(SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(c))))
                .ToList();
            if (variable != DefaultVariable)
            {
                arguments.Add(SyntaxFactory.AttributeArgument(
                    SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("Variable")),
                    null,
                    SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(variable))));
            }
            return SyntaxFactory.Attribute(SyntaxFactory.IdentifierName("Capabilities"), SyntaxFactory.AttributeArgumentList(SyntaxFactory.SeparatedList(arguments)))
                .NormalizeWhitespace()
                .WithTriviaFrom(attribute);
        }
    }
}
