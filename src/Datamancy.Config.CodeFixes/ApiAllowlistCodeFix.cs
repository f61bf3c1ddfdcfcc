using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>
    /// DMC1004: keep an API host's allowlist private. Either drop the public CIDR (when nothing is left, the
    /// argument goes and the private and loopback default applies) or drop the <c>DefaultAllowlist</c> argument.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ApiAllowlistCodeFix)), Shared]
    public sealed class ApiAllowlistCodeFix : AttributeFixProvider
    {
        public const string RemoveCidrKey = DiagnosticIds.AllowlistAdmitsInternet + ".RemoveCidr";
        public const string UsePrivateDefaultKey = DiagnosticIds.AllowlistAdmitsInternet + ".UsePrivateDefault";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.AllowlistAdmitsInternet);

        private protected override ImmutableArray<AttributeFix> Fixes { get; } = ImmutableArray.Create(
            new AttributeFix(
                RemoveCidrKey,
                target => IsAllowlist(target) && target.Element is { } element ? "Remove '" + (element is LiteralExpressionSyntax l ? l.Token.ValueText : element.ToString()) + "' from the allowlist" : null,
                RemoveElements),
            new AttributeFix(
                UsePrivateDefaultKey,
                target => IsAllowlist(target) ? "Use the private and loopback ranges (remove DefaultAllowlist)" : null,
                (attribute, _) => AttributeRewrite.Replace(AttributeArguments.Remove(attribute, new[] { AttributeArguments.Named(attribute, "DefaultAllowlist") }))));

        private static bool IsAllowlist(FixTarget target) => target.ArgumentName == "DefaultAllowlist";

        private static AttributeRewrite? RemoveElements(AttributeSyntax attribute, IReadOnlyList<FixTarget> targets)
        {
            var argument = AttributeArguments.Named(attribute, "DefaultAllowlist");
            if (argument is null)
            {
                return null;
            }
            var remove = new HashSet<TextSpan>(targets.Select(t => t.Element).Where(e => e is not null).Select(e => e!.Span));
            var edited = AttributeArguments.RemoveElements(argument, remove, out var remaining);
            if (edited is null)
            {
                return null;
            }
            return AttributeRewrite.Replace(remaining == 0
                ? AttributeArguments.Remove(attribute, new[] { argument })
                : attribute.ReplaceNode(argument, edited));
        }
    }
}
