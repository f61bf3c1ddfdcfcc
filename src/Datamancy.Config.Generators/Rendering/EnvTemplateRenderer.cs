using System.Linq;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Renders <c>.env.example</c> and <c>.env.bootstrap.example</c>: variable names and comments, never values.</summary>
    internal static class EnvTemplateRenderer
    {
        public static string Render(StackModel stack, bool bootstrapOnly)
        {
            var variables = EnvVariables.Of(stack).Where(v => !bootstrapOnly || v.Bootstrap).Select(v => new
            {
                v.Name,
                v.Description,
                ReadBy = v.ReadBy.Items.ToArray(),
                v.CommentedOut,
            }).ToList();
            return ScribanTemplates.Render("EnvExample.sbn", new
            {
                StackName = stack.Settings.Name,
                Title = bootstrapOnly ? "Variables of the bootstrap subset" : "Variables of the full stack",
                Target = bootstrapOnly ? ".env.bootstrap" : ".env",
                Variables = variables,
            });
        }
    }
}
