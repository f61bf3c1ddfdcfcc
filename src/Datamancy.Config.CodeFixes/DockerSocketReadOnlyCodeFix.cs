using System.Collections.Immutable;
using System.Composition;
using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>DMC3005: mount the docker socket read-only (the attribute's default) by removing <c>ReadOnly = false</c>.</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DockerSocketReadOnlyCodeFix)), Shared]
    public sealed class DockerSocketReadOnlyCodeFix : AttributeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.WritableDockerSocket);

        private protected override ImmutableArray<AttributeFix> Fixes { get; } = ImmutableArray.Create(new AttributeFix(
            DiagnosticIds.WritableDockerSocket + ".ReadOnly",
            target => target.ArgumentName == "ReadOnly" ? "Mount the docker socket read-only" : null,
            (attribute, _) => AttributeRewrite.Replace(AttributeArguments.Remove(attribute, new[] { AttributeArguments.Named(attribute, "ReadOnly") }))));
    }
}
