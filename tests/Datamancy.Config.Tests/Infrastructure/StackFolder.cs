namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>
/// The stack folder a compose file expects beside it: docker-compose checks that build contexts and env files exist,
/// so the real-tool tests create them (empty) as the operator would.
/// </summary>
public static class StackFolder
{
    public static void CreateReferencedPaths(string compose, string folder)
    {
        foreach (var (_, service) in YamlJson.Parse(compose).At("services").Entries())
        {
            if (service.Has("build"))
            {
                var context = Path.Combine(folder, service.At("build", "context").Text());
                Directory.CreateDirectory(context);
                var dockerfile = service.At("build").Has("dockerfile") ? service.At("build", "dockerfile").Text() : "Dockerfile";
                File.WriteAllText(Path.Combine(context, dockerfile), "FROM scratch\n");
            }
            if (service.Has("env_file"))
            {
                foreach (var envFile in service.At("env_file").Texts())
                {
                    File.WriteAllText(Path.Combine(folder, envFile), string.Empty);
                }
            }
        }
    }
}
