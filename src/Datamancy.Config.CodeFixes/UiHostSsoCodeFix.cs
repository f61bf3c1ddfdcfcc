using System.Collections.Immutable;
using System.Composition;
using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>
    /// DMC1001 and DMC1010: put a public or unacknowledged app-OIDC UI host behind Authelia <c>forward_auth</c> (the default) by
    /// removing <c>Sso</c>, its empty justification and the OIDC client settings that no longer apply.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UiHostSsoCodeFix)), Shared]
    public sealed class UiHostSsoCodeFix : AttributeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UiWithoutSso, DiagnosticIds.OidcWithoutAcknowledgement);

        private protected override ImmutableArray<AttributeFix> Fixes { get; } = ImmutableArray.Create(new AttributeFix(
            DiagnosticIds.UiWithoutSso + ".ForwardAuth",
            target => target.ArgumentName == "Sso" ? "Put the UI host behind SSO (forward_auth)" : null,
            (attribute, _) => AttributeRewrite.Replace(AttributeArguments.Remove(attribute, new[]
            {
                AttributeArguments.Named(attribute, "Sso"),
                AttributeArguments.Named(attribute, "Justification"),
                AttributeArguments.Named(attribute, "OidcCallbackPath"),
                AttributeArguments.Named(attribute, "OidcClientSecret"),
            }))));
    }
}
