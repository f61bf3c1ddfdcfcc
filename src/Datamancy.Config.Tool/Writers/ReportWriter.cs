using System.Linq;
using System.Text;
using Datamancy.Config.Tool.Mapping;

namespace Datamancy.Config.Tool.Writers;

/// <summary>IMPORT-REPORT.md: what was imported, what could not be expressed (file:line, why), secrets moved, and every rule the build reports.</summary>
internal static class ReportWriter
{
    public static string Write(StackDraft stack, ImportReport report)
    {
        var text = new StringBuilder();
        text.Append("# Import report: stack \"").Append(stack.Name).Append("\" (").Append(stack.Domain).Append(")\n\n");
        text.Append("Written by `datamancy import` from:\n\n");
        foreach (var input in report.Inputs)
        {
            text.Append("- ").Append(input).Append('\n');
        }
        if (report.Authority is not null)
        {
            text.Append("\nThe Caddyfile was read with ").Append(report.Authority).Append(".\n");
        }
        var errors = report.Violations.Count(v => v.Severity == "error");
        text.Append("\nSummary: ").Append(stack.Services.Count).Append(" services imported, ")
            .Append(report.NotExpressible.Count).Append(" items not expressible, ")
            .Append(report.SecretsMoved.Count).Append(" secrets moved to the env file, ")
            .Append(report.Violations.Count).Append(" diagnostics from the build (").Append(errors).Append(" errors).\n");

        text.Append("\n## Imported\n\n| Service | Class | File | From |\n|---|---|---|---|\n");
        foreach (var (service, @class, file, where) in report.Imported)
        {
            text.Append("| ").Append(service).Append(" | `").Append(@class).Append("` | ").Append(file).Append(" | ").Append(where).Append(" |\n");
        }

        text.Append("\n## Guide violations, as `dotnet build` reports them\n\n");
        text.Append("The import fixes nothing silently: each finding stays until the descriptors change (code fixes apply as usual).\n\n");
        if (report.Violations.Count == 0)
        {
            text.Append("None.\n");
        }
        foreach (var v in report.Violations)
        {
            text.Append("- `").Append(v.File).Append('(').Append(v.Line).Append(")`: ").Append(v.Severity).Append(' ').Append(v.Id).Append(": ").Append(Escape(v.Message)).Append('\n');
        }

        text.Append("\n## Not expressible\n\n");
        if (report.NotExpressible.Count == 0)
        {
            text.Append("None.\n");
        }
        foreach (var (where, what, why) in report.NotExpressible)
        {
            text.Append("- `").Append(where).Append("`: ").Append(Escape(what)).Append(": ").Append(Escape(why)).Append('\n');
        }

        text.Append("\n## Secrets moved to the env file\n\n");
        text.Append("Each literal below was left out of the C#: put its value in the env file under the name shown (or run `dotnet build -t:DatamancySecrets` to generate a new one).\n\n");
        if (report.SecretsMoved.Count == 0)
        {
            text.Append("None.\n");
        }
        foreach (var (name, where, owner) in report.SecretsMoved)
        {
            text.Append("- `").Append(name).Append("` (").Append(Escape(owner)).Append(", `").Append(where).Append("`)\n");
        }

        text.Append("\n## Environment names\n\n");
        if (report.EnvNames.Count == 0)
        {
            text.Append(report.Inputs.Any(i => i.StartsWith("env", System.StringComparison.Ordinal)) ? "The env file and the compose files agree.\n" : "No env file was given.\n");
        }
        foreach (var (where, line) in report.EnvNames)
        {
            text.Append("- ").Append(where is { } w ? "`" + w + "`: " : string.Empty).Append(line).Append('\n');
        }

        text.Append("\n## Decisions to review\n\n");
        if (report.Decisions.Count == 0)
        {
            text.Append("None.\n");
        }
        foreach (var (where, line) in report.Decisions)
        {
            text.Append("- ").Append(where is { } w ? "`" + w + "`: " : string.Empty).Append(Escape(line)).Append('\n');
        }
        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\n", " ").Replace("|", "\\|");
}
