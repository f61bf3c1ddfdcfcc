using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>One rendered file: its path below the artifacts folder, the name of its C# constant, its text.</summary>
    internal sealed record Artifact(string Path, string Environment, string ConstantName, string Content);

    /// <summary>Every artifact of a stack, for every environment.</summary>
    internal static class StackRenderer
    {
        public static readonly StackEnvironment[] Environments = { StackEnvironment.Dev, StackEnvironment.Prod, StackEnvironment.Local };

        /// <summary>The folder below the artifacts folder, also the name the emission step selects environments by.</summary>
        public static string Folder(this StackEnvironment environment) => environment switch
        {
            StackEnvironment.Dev => "dev",
            StackEnvironment.Prod => "prod",
            _ => "local",
        };

        public static EquatableArray<Artifact> RenderAll(StackModel stack)
        {
            var shared = new (string Path, string Constant, string Content)[]
            {
                ("compose.yaml", "Compose", ComposeRenderer.Render(stack)),
                ("authelia/configuration.yml", "AutheliaConfiguration", stack.WithRole(ServiceRole.Sso) is null ? string.Empty : AutheliaRenderer.Render(stack)),
                (".env.example", "EnvExample", EnvTemplateRenderer.Render(stack, bootstrapOnly: false)),
                (".env.bootstrap.example", "EnvBootstrapExample", EnvTemplateRenderer.Render(stack, bootstrapOnly: true)),
                ("network-map.md", "NetworkMap", NetworkMapRenderer.Render(stack)),
                ("SECURITY-AUDIT.md", "SecurityAudit", SecurityAuditRenderer.Render(stack)),
            };
            var artifacts = new System.Collections.Generic.List<Artifact>();
            foreach (var environment in Environments)
            {
                var folder = environment.Folder();
                var caddyfile = CaddyfileRenderer.Render(stack, environment);
                artifacts.Add(new Artifact(folder + "/Caddyfile", folder, "Caddyfile", caddyfile));
                if (environment == StackEnvironment.Local)
                {
                    continue;
                }
                foreach (var (path, constant, content) in shared)
                {
                    if (content.Length > 0)
                    {
                        artifacts.Add(new Artifact(folder + "/" + path, folder, constant, content));
                    }
                }
                if (Kubernetes.KubernetesNames.Renderable(stack))
                {
                    foreach (var file in Kubernetes.KubernetesRenderer.Render(stack, caddyfile, shared[1].Content))
                    {
                        artifacts.Add(new Artifact(folder + "/" + Kubernetes.KubernetesRenderer.Folder + "/" + file.Name, folder, file.Constant, file.Content));
                    }
                }
            }
            return artifacts.ToEquatableArray();
        }
    }
}
