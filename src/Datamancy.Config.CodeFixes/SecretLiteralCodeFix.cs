using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>
    /// DMC3001: <c>[Env("DB_PASSWORD", "hunter2")]</c> becomes <c>[Secret("DB_PASSWORD")]</c>: the value leaves the code
    /// and is read from the env file. When the service already declares that secret, the <c>[Env]</c> is removed.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(SecretLiteralCodeFix)), Shared]
    public sealed class SecretLiteralCodeFix : AttributeFixProvider
    {
        private static readonly Regex SecretName = new("^[A-Z_][A-Z0-9_]{0,127}\\z", RegexOptions.CultureInvariant);

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.SecretLiteral);

        private protected override ImmutableArray<AttributeFix> Fixes { get; } = ImmutableArray.Create(new AttributeFix(
            DiagnosticIds.SecretLiteral + ".DeclareSecret",
            target => EnvName(target.Attribute) is { } name ? "Move '" + name + "' to [Secret(\"" + SecretFor(name) + "\")]" : null,
            (attribute, _) => EnvName(attribute) is { } name ? Rewrite(attribute, name) : null));

        private static string? EnvName(AttributeSyntax attribute) =>
            ShortName(attribute.Name) is "Env" or "EnvAttribute" && attribute.ArgumentList?.Arguments.Count == 2
                ? AttributeArguments.Literal(attribute.ArgumentList.Arguments[0])
                : null;

        /// <summary>The secret's stack-wide name: upper case; the container keeps the variable name through <c>As</c>.</summary>
        private static string SecretFor(string variable)
        {
            var upper = new string(variable.Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());
            return SecretName.IsMatch(upper) ? upper : "_" + upper;
        }

        private static AttributeRewrite Rewrite(AttributeSyntax env, string variable)
        {
            var secret = SecretFor(variable);
            var declared = env.FirstAncestorOrSelf<TypeDeclarationSyntax>()?.AttributeLists
                .SelectMany(l => l.Attributes)
                .Any(a => ShortName(a.Name) is "Secret" or "SecretAttribute" && AttributeArguments.Literal(a.ArgumentList?.Arguments.FirstOrDefault()) == secret) ?? false;
            if (declared)
            {
                return AttributeRewrite.Remove;
            }
            var arguments = SyntaxFactory.SeparatedList(new[] { SyntaxFactory.AttributeArgument(Literal(secret)) });
            if (secret != variable)
            {
                arguments = arguments.Add(SyntaxFactory.AttributeArgument(Literal(variable))
                    .WithNameEquals(SyntaxFactory.NameEquals(SyntaxFactory.IdentifierName("As"))));
            }
            return AttributeRewrite.Replace(env
                .WithName(Renamed(env.Name, "Secret"))
                .WithArgumentList(env.ArgumentList!.WithArguments(arguments).NormalizeWhitespace()
                    .WithTrailingTrivia(env.ArgumentList.GetTrailingTrivia())));
        }

        private static LiteralExpressionSyntax Literal(string value) =>
            SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

        private static string ShortName(NameSyntax name) => name switch
        {
            QualifiedNameSyntax q => q.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax a => a.Name.Identifier.ValueText,
            SimpleNameSyntax s => s.Identifier.ValueText,
            _ => name.ToString(),
        };

        private static NameSyntax Renamed(NameSyntax name, string newName)
        {
            var suffix = ShortName(name).EndsWith("Attribute", System.StringComparison.Ordinal) ? "Attribute" : string.Empty;
            var identifier = SyntaxFactory.IdentifierName(newName + suffix);
            return name switch
            {
                QualifiedNameSyntax q => q.WithRight(identifier.WithTriviaFrom(q.Right)),
                AliasQualifiedNameSyntax a => a.WithName(identifier.WithTriviaFrom(a.Name)),
                _ => identifier.WithTriviaFrom(name),
            };
        }
    }
}
