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
        NetworkLayout Layout = NetworkLayout.Shared,
        bool Kubernetes = false);

    /// <summary>The whole stack: what every validator and renderer reads.</summary>
    internal sealed record StackModel(
        StackSettings Settings,
        EquatableArray<string> Groups,
        EquatableArray<ServiceModel> Services)
    {
        public string Domain => Settings.Domain;
    }
}
