namespace Datamancy.Config.Generators.Diagnostics
{
    /// <summary>Builds the help link of every diagnostic: its page under <c>docs/diagnostics/</c>.</summary>
    public static class HelpLinks
    {
        public const string DocsRoot = "https://github.com/datamancy/datamancy-config/blob/main/docs/diagnostics/";

        public static string For(string id) => DocsRoot + id + ".md";
    }
}
