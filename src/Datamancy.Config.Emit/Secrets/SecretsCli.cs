using System;
using System.IO;
using System.Linq;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>The <c>secrets</c> subcommand: one summary line per environment, names only.</summary>
internal static class SecretsCli
{
    public static int Run(ArtifactManifest manifest, CommandLine options)
    {
        var environments = options.Environments ?? manifest.Artifacts.Select(a => a.Path.Split('/')[0]).Distinct().ToArray();
        try
        {
            foreach (var environment in environments)
            {
                var folder = Path.Combine(options.Output, environment);
                var result = SecretsCommand.Run(folder, manifest.Secrets, options.Rotate.ToHashSet(StringComparer.Ordinal),
                    KubernetesSecretFile.Namespace(manifest, environment));
                RotationRecord.Update(folder, result, manifest.Secrets.Select(s => s.Name), DateTimeOffset.UtcNow);
                Console.WriteLine("Datamancy.Config secrets (" + environment + "): " + result.Created.Count + " created, " + result.Kept.Count + " kept, "
                    + result.Rotated.Count + " rotated in " + Path.GetFullPath(folder) + " (mode 0600).");
                foreach (var (name, why) in result.Weak)
                {
                    Console.WriteLine("Datamancy.Config.Emit : warning DMCE011: " + environment + ": the kept value of " + name + " is weaker than a generated one ("
                        + why + "); rotate it with -p:DatamancyRotate=" + name + ".");
                }
                if (result.Rotated.Count > 0)
                {
                    Console.WriteLine("  rotated: " + string.Join(", ", result.Rotated) + "; restart: " + (result.Restart.Count == 0 ? "(no service)" : string.Join(", ", result.Restart)));
                }
            }
            return 0;
        }
        catch (SecretFileException refusal)
        {
            Console.Error.WriteLine("Datamancy.Config.Emit : error DMCE010: " + refusal.Message);
            return 1;
        }
    }
}
