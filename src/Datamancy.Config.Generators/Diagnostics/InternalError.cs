using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Diagnostics
{
    /// <summary>Reported instead of crashing when a renderer fails; names the exception type only, never its message (it could quote a value).</summary>
    public static class InternalError
    {
        public const string Id = DiagnosticIds.InternalError;

        public static readonly DiagnosticDescriptor Descriptor = new(Id, "Datamancy.Config failed to render the stack",
            "Datamancy.Config could not render the artifacts ({0} in {1}); no artifact was produced. Please report this with the descriptors that cause it.",
            "Datamancy.Usage", DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(Id));
    }
}
