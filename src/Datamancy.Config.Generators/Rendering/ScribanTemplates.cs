using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.IO;
using Scriban;
using Scriban.Runtime;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>Loads the embedded Scriban templates once and renders them deterministically.</summary>
    internal static class ScribanTemplates
    {
        private static readonly ConcurrentDictionary<string, Template> Cache = new(StringComparer.Ordinal);

        // Scriban's built-in functions, built once: a context builds them anew otherwise (by reflection, on every render).
        // Its members are read-only, so renders on several threads can share it.
        private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

        public static string Render(string name, object model)
        {
            var template = Cache.GetOrAdd(name, Load);
            var globals = new ScriptObject();
            globals.Import(model);
            var context = new TemplateContext(Builtins)
            {
                StrictVariables = true,
                NewLine = "\n",
                LoopLimit = 0,
                RecursiveLimit = 0,
            };
            context.PushCulture(CultureInfo.InvariantCulture);
            context.PushGlobal(globals);
            var text = template.Render(context);
            return text.EndsWith("\n", StringComparison.Ordinal) ? text : text + "\n";
        }

        private static Template Load(string name)
        {
            var assembly = typeof(ScribanTemplates).Assembly;
            using var stream = assembly.GetManifestResourceStream("Datamancy.Config.Generators.Templates." + name)
                ?? throw new InvalidOperationException("Missing template " + name);
            using var reader = new StreamReader(stream);
            var template = Template.Parse(reader.ReadToEnd().Replace("\r\n", "\n"), name);
            if (template.HasErrors)
            {
                throw new InvalidOperationException("Template " + name + ": " + string.Join("; ", template.Messages));
            }
            return template;
        }
    }
}
