using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Diagnostics
{
    /// <summary>A diagnostic as values (descriptor, location, arguments) so it can be cached and compared.</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, LocationInfo? Location, EquatableArray<string> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
            new(descriptor, location, arguments.ToEquatableArray());

        public Diagnostic ToDiagnostic() =>
            Diagnostic.Create(Descriptor, Location?.ToLocation() ?? Microsoft.CodeAnalysis.Location.None, System.Linq.Enumerable.ToArray(Arguments.Items));
    }

    /// <summary>
    /// A rule violation found on the model, pointing at a service argument by key
    /// (for example <c>UiHost.Sso</c>); resolved to a location only when reported.
    /// </summary>
    internal sealed record Finding(DiagnosticDescriptor Descriptor, string Owner, string SiteKey, EquatableArray<string> Arguments)
    {
        /// <summary>A finding on a service argument; with no service, on the stack class.</summary>
        public static Finding For(DiagnosticDescriptor descriptor, ServiceModel? service, string siteKey, params string[] arguments) =>
            new(descriptor, service?.TypeName ?? StackOwner, siteKey, arguments.ToEquatableArray());

        /// <summary>Findings on the stack name this owner; they resolve against the [Stack] class.</summary>
        public const string StackOwner = "<stack>";
    }
}
