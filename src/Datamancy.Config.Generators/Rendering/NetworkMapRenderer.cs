using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>
    /// Renders network-map.md: who is on which network and which host routes where, as tables and Mermaid. The text is
    /// put together from the same pieces the pipeline renders one by one (<see cref="Fragments.NetworkMapParts"/>).
    /// </summary>
    internal static class NetworkMapRenderer
    {
        public static string Render(StackModel stack) => Fragments.TextParts.Render(Fragments.NetworkMapParts.Plan(stack));
    }

    /// <summary>Escapes free text for a Markdown table cell.</summary>
    internal static class Markdown
    {
        public static string Escape(string text)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var c in text)
            {
                if (c is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '$' or '{' or '}')
                {
                    builder.Append('\\');
                }
                builder.Append(c);
            }
            return builder.ToString();
        }
    }
}
