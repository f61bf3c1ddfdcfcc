using System.Collections.Immutable;
using System.Composition;
using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>
    /// DMC3011: drop an exception that has no justification (an [Elevated], [EnvFile], [ExtraHost], [Dns], a host-path
    /// [Volume], or NoLimit of [Resources]). The fix never writes a justification: only a person can give the reason.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UnjustifiedExceptionCodeFix)), Shared]
    public sealed class UnjustifiedExceptionCodeFix : AttributeFixProvider
    {
        public const string RemoveKey = DiagnosticIds.ElevationWithoutJustification + ".Remove";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.ElevationWithoutJustification);

        private protected override ImmutableArray<AttributeFix> Fixes { get; } = ImmutableArray.Create(new AttributeFix(
            RemoveKey,
            target => IsResources(target.Attribute) ? "Keep the stack's resource limits (remove NoLimit)" : "Remove the unjustified exception",
            (attribute, _) => IsResources(attribute)
                ? AttributeRewrite.Replace(AttributeArguments.Remove(attribute, new[] { AttributeArguments.Named(attribute, "NoLimit") }))
                : AttributeRewrite.Remove));

        private static bool IsResources(AttributeSyntax attribute)
        {
            var name = attribute.Name.ToString();
            return name == "Resources" || name.EndsWith(".Resources", System.StringComparison.Ordinal) || name.EndsWith("ResourcesAttribute", System.StringComparison.Ordinal);
        }
    }
}
