using System;

namespace Datamancy.Config.Emit;

/// <summary>The parsed arguments.</summary>
internal sealed record CommandLine(string Assembly, string Output, string[]? Environments, bool Check, string[] Rotate)
{
    /// <summary>The variables the MSBuild targets set instead of building a command line (no value ever goes through a shell).</summary>
    public const string AssemblyVariable = "DATAMANCY_EMIT_ASSEMBLY";
    public const string OutputVariable = "DATAMANCY_EMIT_OUT";
    public const string EnvironmentsVariable = "DATAMANCY_EMIT_ENVIRONMENTS";
    public const string CheckVariable = "DATAMANCY_EMIT_CHECK";
    public const string RotateVariable = "DATAMANCY_EMIT_ROTATE";

    private static readonly char[] Separators = { ',', ';' };

    public static CommandLine? Parse(string[] args)
    {
        string? assembly = null, output = null;
        string[]? environments = null;
        var check = false;
        var rotate = Array.Empty<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--assembly" when i + 1 < args.Length: assembly = args[++i]; break;
                case "--out" when i + 1 < args.Length: output = args[++i]; break;
                case "--environments" when i + 1 < args.Length: environments = List(args[++i]); break;
                case "--check": check = true; break;
                case "--rotate" when i + 1 < args.Length: rotate = List(args[++i]); break;
                default: return null;
            }
        }
        return assembly is null || output is null ? null : new CommandLine(assembly, output, environments, check, rotate);
    }

    /// <summary>Reads the same options from <c>DATAMANCY_EMIT_*</c> variables, as the MSBuild targets pass them.</summary>
    public static CommandLine? FromEnvironment(Func<string, string?> variable)
    {
        var assembly = variable(AssemblyVariable);
        var output = variable(OutputVariable);
        if (string.IsNullOrEmpty(assembly) || string.IsNullOrEmpty(output))
        {
            return null;
        }
        var environments = variable(EnvironmentsVariable);
        return new CommandLine(assembly, output, string.IsNullOrEmpty(environments) ? null : List(environments),
            variable(CheckVariable) == "true", List(variable(RotateVariable) ?? string.Empty));
    }

    private static string[] List(string value) => value.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
