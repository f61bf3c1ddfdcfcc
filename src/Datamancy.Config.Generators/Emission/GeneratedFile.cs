namespace Datamancy.Config.Generators.Emission
{
    /// <summary>One generated C# file: its hint name and its text.</summary>
    internal sealed record GeneratedFile(string HintName, string Text);
}
