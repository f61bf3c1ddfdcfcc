using System;
using System.IO;
using System.Linq;
using Datamancy.Config.Emit;
using Datamancy.Config.Emit.Secrets;

// Datamancy.Config.Emit [secrets] --assembly <dll> --out <folder> [--environments dev,prod] [--check] [--rotate NAME,...|all]
// Datamancy.Config.Emit [secrets] --from-environment   (the MSBuild targets: every value in DATAMANCY_EMIT_*, no shell parsing)
var secretsMode = args.Length > 0 && args[0] == "secrets";
var rest = secretsMode ? args[1..] : args;
var options = rest is ["--from-environment"] ? CommandLine.FromEnvironment(Environment.GetEnvironmentVariable) : CommandLine.Parse(rest);
if (options is null)
{
    Console.Error.WriteLine("usage: Datamancy.Config.Emit [secrets] --assembly <path> --out <folder> [--environments dev,prod] [--check] [--rotate NAME,...|all]");
    return 2;
}

var manifest = ManifestReader.Read(options.Assembly);
if (manifest is null)
{
    Console.WriteLine("Datamancy.Config: no [Stack] in " + Path.GetFileName(options.Assembly) + "; nothing to emit.");
    return 0;
}
if (manifest.Blocked)
{
    Console.Error.WriteLine("Datamancy.Config.Emit : error DMCE001: the stack has error-level diagnostics; no artifact was written.");
    return 1;
}
var known = manifest.Artifacts.Select(a => a.Path.Split('/')[0]).Distinct().OrderBy(e => e, StringComparer.Ordinal).ToArray();
if (EnvironmentSelection.Refusal(options.Environments, known) is { } refusal)
{
    Console.Error.WriteLine("Datamancy.Config.Emit : error DMCE003: " + refusal);
    return 1;
}

if (secretsMode)
{
    return SecretsCli.Run(manifest, options);
}

try
{
    return Emission.Run(manifest, options);
}
catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
{
    Console.Error.WriteLine("Datamancy.Config.Emit : error DMCE004: " + e.Message + " Nothing else was changed.");
    return 1;
}
