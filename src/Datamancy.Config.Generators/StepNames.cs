namespace Datamancy.Config.Generators
{
    /// <summary>Tracking names of the incremental pipeline's steps, asserted by the incrementality tests.</summary>
    public static class StepNames
    {
        /// <summary>One output: every service's model in declaration order and whether any one's own rules fire at error level.</summary>
        public const string ServiceModels = "Datamancy.ServiceModels";
        public const string StackParse = "Datamancy.StackParse";
        public const string StackHeads = "Datamancy.StackHeads";
        public const string Groups = "Datamancy.Groups";
        public const string DomainOverride = "Datamancy.DomainOverride";
        public const string StackBuild = "Datamancy.StackBuild";
        /// <summary>One output: every artifact of the stack, its joined texts filled in (or why there are none).</summary>
        public const string Rendered = "Datamancy.Rendered";

        /// <summary>One output per joined text (compose.yaml, then each parted text): its frame and its services' pieces.</summary>
        public const string TextJoins = "Datamancy.TextJoins";

        /// <summary>One output per joined text: the text put together, cached on its <see cref="TextJoins"/> input.</summary>
        public const string JoinedTexts = "Datamancy.JoinedTexts";

        /// <summary>One output: the manifest's main file's content (blocked, secrets, paths; no artifact text).</summary>
        public const string ManifestIndex = "Datamancy.ManifestIndex";

        /// <summary>One output per text the manifest carries, each a generated file of its own.</summary>
        public const string ManifestTexts = "Datamancy.ManifestTexts";
        /// <summary>One output per view file: the typed views of the partial services of a bucket of trees (see <c>TreeViews.Buckets</c>).</summary>
        public const string ServiceViews = "Datamancy.ServiceViews";

        /// <summary>One output per view file: a bucket of trees' typed views as C# (see <c>TreeViews.Buckets</c>).</summary>
        public const string ViewFiles = "Datamancy.ViewFiles";

        /// <summary>One output: the model and the heads' findings, before the stack-wide rules (<c>StackBuild.Draft</c>).</summary>
        public const string StackDraft = "Datamancy.StackDraft";

        /// <summary>One output: the draft with the services' local fields blanked (<c>LocalFields</c>).</summary>
        public const string PlannedDraft = "Datamancy.PlannedDraft";

        /// <summary>One output: the stack settings' and stack-wide rules over the planned draft's model.</summary>
        public const string StackRules = "Datamancy.StackRules";

        /// <summary>One output: the build the plan reads (the planned draft with the rules' findings).</summary>
        public const string PlannedBuild = "Datamancy.PlannedBuild";

        /// <summary>One output: each declared service's local fields by name, which the render buckets put back.</summary>
        public const string LocalFields = "Datamancy.LocalFields";

        /// <summary>The stack-level render: stack-wide artifacts and each service's render input (no compose tree, no part).</summary>
        public const string RenderPlan = "Datamancy.RenderPlan";

        /// <summary>
        /// One output per bucket of about √n services (<c>RenderBuckets</c>): their render inputs (each one's compose block
        /// input and its part of each parted text), Unchanged when the plan re-ran but the bucket's inputs are equal.
        /// </summary>
        public const string ServiceInputs = "Datamancy.ServiceInputs";

        /// <summary>
        /// One output per bucket of services: each one's compose block and its parts of the parted texts (network map,
        /// exposure, audit), rendered on their own and cached on the bucket's inputs.
        /// </summary>
        public const string ServiceRenders = "Datamancy.ServiceRenders";

        /// <summary>One output: every tree's skeleton (what other trees' parses can observe of it), in compilation order.</summary>
        public const string TreeSkeletons = "Datamancy.TreeSkeletons";
        public const string ParseEnvironment = "Datamancy.ParseEnvironment";

        /// <summary>One output: every tree's parse, in compilation order (see <c>ParseEnvironment.ParseAll</c>).</summary>
        public const string TreeParses = "Datamancy.TreeParses";

        /// <summary>One output per syntax tree: its parse, <c>Cached</c> unless some tree's parse changed.</summary>
        public const string TreeParse = "Datamancy.TreeParse";

        /// <summary>One output per bucket of trees (<c>RuleBuckets</c>): its trees' services' models, each with whether its own rules fire at error level, cached on the bucket's parses.</summary>
        public const string TreeRules = "Datamancy.TreeRules";
    }
}
