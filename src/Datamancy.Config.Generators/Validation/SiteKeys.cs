namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Site keys, as <see cref="Parsing.AttributeReader"/> records them: <c>Env#1.Value</c>, <c>ApiHost.DefaultAllowlist[0]</c>.</summary>
    internal static class SiteKeys
    {
        public static string Of(string attribute, int index, string argument) => Nth(attribute, index) + "." + argument;

        /// <summary>The <paramref name="index"/>-th use of a repeatable attribute: <c>ExternalOidcClient</c>, <c>ExternalOidcClient#1</c>.</summary>
        public static string Nth(string attribute, int index) => index == 0 ? attribute : attribute + "#" + index;

        public static string Element(string argumentKey, int index) => argumentKey + "[" + index + "]";
    }
}
