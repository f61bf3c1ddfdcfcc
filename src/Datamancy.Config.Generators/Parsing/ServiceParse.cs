using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Parsing
{
    /// <summary>Where the generated partial of a service class goes.</summary>
    internal sealed record ClassInfo(string? Namespace, string Name, bool IsPartial, bool IsStatic, bool IsRecord = false)
    {
        /// <summary>The declaration the generated partial repeats: <c>static partial class</c>, <c>partial record</c>...</summary>
        public string PartialDeclaration => (IsStatic ? "static " : string.Empty) + "partial " + (IsRecord ? "record" : "class");
    }

    /// <summary>
    /// What parsing one service class yields. The pipeline splits it: the model feeds the
    /// renderers, sites and diagnostics feed only the diagnostics output.
    /// </summary>
    internal sealed record ServiceParse(ServiceModel? Model, ClassInfo Class, ServiceSites Sites, EquatableArray<DiagnosticInfo> Diagnostics);
}
