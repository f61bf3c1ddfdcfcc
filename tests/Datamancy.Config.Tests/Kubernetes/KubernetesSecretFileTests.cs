using System.Text.Json.Nodes;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>
/// The Secret the manifests reference: written by the secrets command beside .env (owner-only, git-ignored) with exactly the
/// .env values, PEM keys and digests intact, and only for environments with Kubernetes output.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class KubernetesSecretFileTests
{
    [Fact]
    public void Secret_file_holds_the_env_values_exactly_and_is_owner_only()
    {
        var run = TestStacks.Run("sample");
        using var folder = new TempFolder();
        var ns = KubernetesSecretFile.Namespace(run.Manifest!, "prod");
        Assert.Equal("datamancy", ns);
        SecretsCommand.Run(folder.Path, run.Manifest!.Secrets, new HashSet<string>(), ns);
        var path = Path.Combine(folder.Path, KubernetesSecretFile.FileName);
        Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(path));
        var secret = JsonNode.Parse(File.ReadAllText(path))!;
        Assert.Equal("Secret", (string)secret["kind"]!);
        Assert.Equal("datamancy-env", (string)secret["metadata"]!["name"]!);
        Assert.Equal("datamancy", (string)secret["metadata"]!["namespace"]!);
        var env = EnvFile.Read(Path.Combine(folder.Path, ".env"));
        var data = secret["stringData"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!);
        Assert.Equal(env.OrderBy(p => p.Key), data.OrderBy(p => p.Key));
        Assert.Contains("\n", data["AUTHELIA_IDENTITY_PROVIDERS_OIDC_ISSUER_PRIVATE_KEY"].Trim());
        Assert.StartsWith("$pbkdf2-sha512$", data["GRAFANA_OIDC_CLIENT_SECRET_DIGEST"]);
        Assert.Contains(KubernetesSecretFile.FileName + "\n", File.ReadAllText(Path.Combine(folder.Path, ".gitignore")));
        // Every key a manifest references is in the Secret (allowlists are optional keys).
        foreach (var manifest in Manifests.Of(run, "prod").Where(m => m.PodTemplate() is not null))
        {
            foreach (var reference in manifest.PodTemplate()!["spec"]!["containers"].Objects().SelectMany(c => c["env"].Objects()).Select(e => e["valueFrom"]?["secretKeyRef"]).OfType<JsonObject>())
            {
                Assert.True(data.ContainsKey((string)reference["key"]!) || reference["optional"] is JsonNode o && (bool)o, (string)reference["key"]!);
            }
        }
    }

    [Fact]
    public void Environments_without_kubernetes_output_get_no_secret_file()
    {
        var run = TestStacks.Run("minimal");
        Assert.Null(KubernetesSecretFile.Namespace(run.Manifest!, "prod"));
        using var folder = new TempFolder();
        SecretsCommand.Run(folder.Path, run.Manifest!.Secrets, new HashSet<string>(), KubernetesSecretFile.Namespace(run.Manifest!, "prod"));
        Assert.False(File.Exists(Path.Combine(folder.Path, KubernetesSecretFile.FileName)));
    }
}
