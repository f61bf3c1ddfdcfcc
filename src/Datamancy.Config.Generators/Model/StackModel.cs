namespace Datamancy.Config.Generators.Model
{
    /// <summary>The stack-level settings from the class marked <c>[Stack]</c>.</summary>
    internal sealed record StackSettings(
        string TypeName,
        string Name,
        string Domain,
        string? AcmeEmail,
        bool AcmeStaging,
        AuthPolicy DefaultPolicy,
        string PortalHost,
        EquatableArray<Acknowledgement> Acknowledgements,
        StackExtras? Extras = null)
    {
        /// <summary>The stack's real-stack settings; the documented defaults when the record is built without them.</summary>
        public StackExtras More => Extras ?? StackExtras.Defaults;
    }

    /// <summary>Hairpin aliases, fixed subnets and the default resource limits (issue 12).</summary>
    internal sealed record StackExtras(bool Hairpin, string? FrontendSubnet, string? BackendSubnet, string? DatabaseSubnet, string DefaultMemory, string DefaultCpus, int DefaultPids)
    {
        public static readonly StackExtras Defaults = new(false, null, null, null, "512m", "1.0", 256);
    }

    /// <summary>The whole stack: what every validator and renderer reads.</summary>
    internal sealed record StackModel(
        StackSettings Settings,
        EquatableArray<string> Groups,
        EquatableArray<ServiceModel> Services)
    {
        public string Domain => Settings.Domain;
    }
}
