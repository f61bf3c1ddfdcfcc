using System.Collections.Immutable;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators
{
    /// <summary>The stack head: settings and class, without locations.</summary>
    internal sealed record StackHead(StackSettings? Settings, ClassInfo Class);

    /// <summary>
    /// The assembled model, the stack-wide findings the generator reports, and whether any error-level
    /// rule fired (per-descriptor ones are reported by the analyzers, but block rendering here too).
    /// </summary>
    internal sealed record StackBuild(StackModel? Model, ClassInfo? StackClass, EquatableArray<Finding> Findings, bool HasErrors)
    {
        /// <summary>The build the render plan reads: the model with its services' local fields blanked (<see cref="LocalFields"/>).</summary>
        public StackBuild Planned() => Model is null ? this : this with { Model = LocalFields.Blank(Model) };

        public static StackBuild Assemble(ImmutableArray<StackHead> stacks, EquatableArray<ServiceModel> services, EquatableArray<string> groups, string? domainOverride) =>
            Assemble(stacks, services, groups, domainOverride, serviceErrors: null);

        /// <param name="stacks">Every [Stack] head, in the generator's order.</param>
        /// <param name="services">Every service model.</param>
        /// <param name="groups">Every declared group.</param>
        /// <param name="domainOverride">The DatamancyDomain build property, if set.</param>
        /// <param name="serviceErrors">
        /// Whether some service's own rules fired at error level, when the caller already ran them per service (the
        /// generator's cached <see cref="StepNames.TreeRules"/> step); null runs them here over every service.
        /// </param>
        public static StackBuild Assemble(ImmutableArray<StackHead> stacks, EquatableArray<ServiceModel> services, EquatableArray<string> groups, string? domainOverride, bool? serviceErrors)
        {
            var draft = Draft(stacks, services, groups, domainOverride, serviceErrors);
            return draft.Model is null ? draft : draft.With(StackValidator.Validate(draft.Model, checkServices: serviceErrors is null));
        }

        /// <summary>
        /// The build before the stack settings' and stack-wide rules (<see cref="With"/> adds them): the model, and the
        /// findings about the heads (no stack, a second stack, a group declared twice). The generator runs the rules in a
        /// step of their own over the planned model (<see cref="Planned"/>), so an edit of a local field does not run them.
        /// </summary>
        public static StackBuild Draft(ImmutableArray<StackHead> stacks, EquatableArray<ServiceModel> services, EquatableArray<string> groups, string? domainOverride, bool? serviceErrors)
        {
            if (stacks.Length == 0)
            {
                var findings = services.Count == 0
                    ? EquatableArray<Finding>.Empty
                    : new[]
                    {
                        new Finding(Descriptors.StackMissingOrDuplicate, services[0].TypeName, "Class",
                            new[] { "Services are declared but no class is marked [Stack]; add one partial class with [Stack(name, domain)]" }.ToEquatableArray()),
                    }.ToEquatableArray();
                return new StackBuild(null, null, findings, StackValidator.HasErrors(findings));
            }
            var head = stacks[0];
            var extra = stacks.Skip(1).Where(s => s.Settings is not null).Select(s => new Finding(Descriptors.StackMissingOrDuplicate, s.Settings!.TypeName, "Class",
                new[] { "Only one [Stack] per compilation; '" + head.Class.Name + "' is already the stack" }.ToEquatableArray())).ToList();
            if (head.Settings is null)
            {
                return new StackBuild(null, head.Class, extra.ToEquatableArray(), true);
            }
            var settings = domainOverride is null ? head.Settings : head.Settings with { Domain = domainOverride };
            var model = new StackModel(settings, groups.Distinct().OrderBy(g => g, System.StringComparer.Ordinal).ToEquatableArray(), services);
            Validation.GroupRules.CheckDuplicates(settings, groups, extra);
            return new StackBuild(model, head.Class, extra.ToEquatableArray(), serviceErrors == true || StackValidator.HasErrors(extra));
        }

        /// <summary>The draft with the rules' findings after its own, blocked when they block.</summary>
        public StackBuild With(StackValidation? validation) =>
            validation is null ? this : this with { Findings = Findings.Concat(validation.StackWide).ToEquatableArray(), HasErrors = HasErrors || validation.Blocked };

        /// <summary>The stack settings' and stack-wide rules over a draft's model (none without a model).</summary>
        public static StackValidation? Rules(StackBuild draft) =>
            draft.Model is null ? null : StackValidator.Validate(draft.Model, checkServices: false);
    }

    /// <summary>What the stack renders to: artifacts, or the reason there are none.</summary>
    /// <param name="Model">The declared model (the build's).</param>
    /// <param name="StackClass">The [Stack] class.</param>
    /// <param name="Artifacts">Every artifact; none when blocked.</param>
    /// <param name="Secrets">Every secret's manifest line (never a value); none when blocked.</param>
    /// <param name="Blocked">An error-level rule fired, or a render failed.</param>
    /// <param name="InternalError">The render's internal error (<c>Type|Method</c>).</param>
    internal sealed record RenderedStack(StackModel? Model, ClassInfo? StackClass, EquatableArray<Artifact> Artifacts, EquatableArray<string> Secrets, bool Blocked, string? InternalError)
    {
        /// <summary>The compilation declares no stack, no service and nothing wrong: there is nothing to emit.</summary>
        public bool DeclaresNothing => Model is null && StackClass is null && !Blocked && InternalError is null;

        /// <param name="build">The validated model.</param>
        /// <param name="parseErrors">An error was found while reading a descriptor (for example an undeclared group): render nothing.</param>
        public static RenderedStack From(StackBuild build, bool parseErrors)
        {
            // The pipeline's path in one call: the plan over the planned build, the buckets with their local fields, the joins.
            var plan = RenderPlan.From(build.Planned(), parseErrors);
            var buckets = RenderBuckets.Of(plan.Services, LocalFields.Of(build.Model)).Select(RenderedBucket.Of);
            return Join(plan, TextJoins.Of(plan, buckets).Select(TextJoins.Join).ToImmutableArray(), build.Model);
        }

        /// <summary>The last render step: the plan's artifacts with compose.yaml and the parted texts as their joins put them together.</summary>
        /// <param name="plan">The render plan.</param>
        /// <param name="texts">The joined texts (<see cref="TextJoins.Of(RenderPlan, System.Collections.Generic.IEnumerable{RenderedBucket})"/>), compose.yaml first.</param>
        /// <param name="model">The declared model (the plan read it with local fields blanked).</param>
        public static RenderedStack Join(RenderPlan plan, ImmutableArray<JoinedText> texts, StackModel? model)
        {
            if (plan.Compose is null || plan.Blocked || plan.InternalError is not null)
            {
                return new RenderedStack(model, plan.StackClass, plan.Artifacts, EquatableArray<string>.Empty, plan.Blocked, plan.InternalError);
            }
            if (texts.FirstOrDefault(t => t.Error is not null)?.Error is { } failed)
            {
                return new RenderedStack(model, plan.StackClass, EquatableArray<Artifact>.Empty, EquatableArray<string>.Empty, Blocked: true, failed);
            }
            return new RenderedStack(model, plan.StackClass, StackRenderer.Fill(plan.Artifacts, texts), plan.Secrets, Blocked: false, null);
        }
    }
}
