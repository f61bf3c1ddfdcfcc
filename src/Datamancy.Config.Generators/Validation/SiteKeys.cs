namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Site keys, as <see cref="Parsing.AttributeReader"/> records them: <c>Env#1.Value</c>, <c>ApiHost.DefaultAllowlist[0]</c>.</summary>
    internal static class SiteKeys
    {
        public static string Of(string attribute, int index, string argument) =>
            (index == 0 ? attribute : attribute + "#" + index) + "." + argument;

        public static string Element(string argumentKey, int index) => argumentKey + "[" + index + "]";
    }
}
