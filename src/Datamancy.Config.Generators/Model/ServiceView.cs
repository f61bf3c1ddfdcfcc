namespace Datamancy.Config.Generators.Model
{
    /// <summary>What the typed view of one service needs: its model and the stack's domain.</summary>
    internal sealed record ServiceView(Parsing.ClassInfo Class, ServiceModel Model, string? Domain);
}
