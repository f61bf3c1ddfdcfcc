using System;
using System.IO;
using System.Linq;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Emit;

// Datamancy.Config.Emit [secrets] --assembly <dll> --out <folder> [--environments dev,prod] [--check] [--rotate NAME,...|all]
// Called by the Datamancy.Config MSBuild targets: after compilation (artifacts) and by -t:DatamancySecrets.
var secretsMode = args.Length > 0 && args[0] == "secrets";
var options = CommandLine.Parse(secretsMode ? args[1..] : args);
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

if (secretsMode)
{
    return SecretsCli.Run(manifest, options);
}

var selected = RotationAudit.FillAll(options.Output, manifest.Artifacts
    .Where(a => options.Environments is null || options.Environments.Contains(a.Path.Split('/')[0])), DateTimeOffset.UtcNow, Console.Error.WriteLine);
var result = ArtifactWriter.Write(options.Output, selected, options.Check);
if (options.Check)
{
    if (result.Drifted.Count > 0)
    {
        foreach (var path in result.Drifted)
        {
            Console.Error.WriteLine("Datamancy.Config.Emit : error DMCE002: " + Path.Combine(options.Output, path)
                + " differs from what the descriptors produce; rebuild with -p:DatamancyUpdateArtifacts=true to accept.");
        }
        return 1;
    }
    Console.WriteLine("Datamancy.Config: " + result.Unchanged.Count + " artifacts match the descriptors.");
    return 0;
}
Console.WriteLine("Datamancy.Config: " + result.Written.Count + " written, " + result.Unchanged.Count + " unchanged, "
    + result.Removed.Count + " removed in " + Path.GetFullPath(options.Output));
return 0;

namespace Datamancy.Config.Emit
{
    /// <summary>The parsed arguments.</summary>
    internal sealed record CommandLine(string Assembly, string Output, string[]? Environments, bool Check, string[] Rotate)
    {
        public static CommandLine? Parse(string[] args)
        {
            string? assembly = null, output = null;
            string[]? environments = null;
            var check = false;
            var rotate = System.Array.Empty<string>();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--assembly" when i + 1 < args.Length: assembly = args[++i]; break;
                    case "--out" when i + 1 < args.Length: output = args[++i]; break;
                    case "--environments" when i + 1 < args.Length:
                        environments = args[++i].Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    case "--check": check = true; break;
                    case "--rotate" when i + 1 < args.Length:
                        rotate = args[++i].Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                        break;
                    default: return null;
                }
            }
            return assembly is null || output is null ? null : new CommandLine(assembly, output, environments, check, rotate);
        }
    }
}
