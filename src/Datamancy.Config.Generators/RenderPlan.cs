using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Fragments;

namespace Datamancy.Config.Generators
{
    /// <summary>
    /// The stack-level render step's output: every stack-wide artifact, compose.yaml as a plan of per-service fragment
    /// inputs, and the parted texts (network map…) as their stack-level text and per-service part inputs, which the
    /// pipeline renders one by one (each cached on its own) and joins into a <see cref="RenderedStack"/>. Blocked or
    /// failed stacks have no fragments and no parts.
    /// </summary>
    internal sealed record RenderPlan(StackModel? Model, ClassInfo? StackClass, EquatableArray<Artifact> Artifacts, ComposePlan? Compose, EquatableArray<PartedText> Texts, bool Blocked, string? InternalError)
    {
        /// <summary>The per-service fragment inputs, in the order the join writes them.</summary>
        public EquatableArray<ServiceFragmentInput> Fragments => Compose?.Services ?? EquatableArray<ServiceFragmentInput>.Empty;

        /// <summary>The per-service part inputs of every parted text, text after text, in the order the join reads them.</summary>
        public IEnumerable<ServicePartInput> Parts => Texts.SelectMany(t => t.Inputs);

        /// <param name="build">The validated model.</param>
        /// <param name="parseErrors">An error was found while reading a descriptor (for example an undeclared group): render nothing.</param>
        public static RenderPlan From(StackBuild build, bool parseErrors)
        {
            if (build.Model is null && build.StackClass is null && build.Findings.Count == 0 && !parseErrors)
            {
                return new RenderPlan(null, null, EquatableArray<Artifact>.Empty, null, EquatableArray<PartedText>.Empty, Blocked: false, null);
            }
            if (build.Model is null || build.HasErrors || parseErrors)
            {
                return new RenderPlan(build.Model, build.StackClass, EquatableArray<Artifact>.Empty, null, EquatableArray<PartedText>.Empty, Blocked: true, null);
            }
            try
            {
                var (artifacts, compose, texts) = StackRenderer.Plan(build.Model);
                return new RenderPlan(build.Model, build.StackClass, artifacts, compose, texts, Blocked: false, null);
            }
            catch (System.Exception exception)
            {
                return new RenderPlan(build.Model, build.StackClass, EquatableArray<Artifact>.Empty, null, EquatableArray<PartedText>.Empty, Blocked: true, InternalErrors.Describe(exception));
            }
        }

        /// <summary>One fragment, in its own pipeline step; an exception becomes the fragment's internal error.</summary>
        public static ServiceFragment Render(ServiceFragmentInput input)
        {
            try
            {
                return ComposeFragments.Emit(input);
            }
            catch (System.Exception exception)
            {
                return new ServiceFragment(input.Name, string.Empty, InternalErrors.Describe(exception));
            }
        }
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
