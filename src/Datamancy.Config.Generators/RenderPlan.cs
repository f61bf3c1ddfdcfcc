using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Fragments;

namespace Datamancy.Config.Generators
{
    /// <summary>
    /// The stack-level render step's output: every stack-wide artifact, compose.yaml as a plan of per-service fragment
    /// inputs, the parted texts (network map…) as their stack-level text and per-service part inputs, and both folded
    /// into one render input per service (<see cref="Services"/>), which the pipeline renders one by one (each cached on
    /// its own) and joins into a <see cref="RenderedStack"/>. Blocked or failed stacks have no services to render.
    /// </summary>
    /// <param name="Model">The model the plan read: the build's, with local fields blanked in the pipeline (<see cref="LocalFields"/>).</param>
    /// <param name="Secrets">Every secret's manifest line (<see cref="SecretSpec.ToManifestLine"/>, never a value); none when blocked.</param>
    internal sealed record RenderPlan(StackModel? Model, ClassInfo? StackClass, EquatableArray<Artifact> Artifacts, ComposePlan? Compose, EquatableArray<PartedText> Texts, EquatableArray<ServiceRenderInput> Services,
        EquatableArray<string> Secrets, bool Blocked, string? InternalError)
    {
        /// <param name="build">The validated model.</param>
        /// <param name="parseErrors">An error was found while reading a descriptor (for example an undeclared group): render nothing.</param>
        public static RenderPlan From(StackBuild build, bool parseErrors)
        {
            if (build.Model is null && build.StackClass is null && build.Findings.Count == 0 && !parseErrors)
            {
                return Nothing(null, null, blocked: false, null);
            }
            if (build.Model is null || build.HasErrors || parseErrors)
            {
                return Nothing(build.Model, build.StackClass, blocked: true, null);
            }
            try
            {
                var (artifacts, compose, texts) = StackRenderer.Plan(build.Model);
                var secrets = SecretSpecs.Of(StackMemo.Of(build.Model).Extended).Select(s => s.ToManifestLine()).ToEquatableArray();
                return new RenderPlan(build.Model, build.StackClass, artifacts, compose, texts, ServiceRenders.Fold(compose, texts), secrets, Blocked: false, null);
            }
            catch (System.Exception exception)
            {
                return Nothing(build.Model, build.StackClass, blocked: true, InternalErrors.Describe(exception));
            }
        }

        private static RenderPlan Nothing(StackModel? model, ClassInfo? stackClass, bool blocked, string? internalError) =>
            new(model, stackClass, EquatableArray<Artifact>.Empty, null, EquatableArray<PartedText>.Empty, EquatableArray<ServiceRenderInput>.Empty, EquatableArray<string>.Empty, blocked, internalError);
    }

    /// <summary>How an unexpected exception is reported: <c>Type|Class.Method</c>, never its message (it could hold a value).</summary>
    internal static class InternalErrors
    {
        public static string Describe(System.Exception exception)
        {
            var frame = new System.Diagnostics.StackTrace(exception).GetFrame(0)?.GetMethod();
            var where = frame is null ? "unknown" : frame.DeclaringType?.Name + "." + frame.Name;
            return exception.GetType().Name + "|" + where;
        }
    }
}
