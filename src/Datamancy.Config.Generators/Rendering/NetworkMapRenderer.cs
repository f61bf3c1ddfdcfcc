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
            var first = 0;
            while (first < text.Length && !IsSpecial(text[first]))
            {
                first++;
            }
            if (first == text.Length)
            {
                return text; // nothing to escape: most cells
            }
            var builder = new System.Text.StringBuilder(text.Length + 8).Append(text, 0, first);
            for (var i = first; i < text.Length; i++)
            {
                if (IsSpecial(text[i]))
                {
                    builder.Append('\\');
                }
                builder.Append(text[i]);
            }
            return builder.ToString();
        }

        private static bool IsSpecial(char c) => c is '|' or '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '#' or '!' or '$' or '{' or '}';
    }
}
