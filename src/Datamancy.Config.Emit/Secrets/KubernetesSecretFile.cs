using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>
/// The Secret the Kubernetes manifests reference, as a manifest the operator applies (<c>kubectl apply -f secret.kubernetes.json</c>):
/// the same values as <c>.env</c>, owner-only (0600), never an artifact. A file of its own because
/// <c>kubectl create secret --from-env-file</c> keeps the quotes compose needs (digests hold <c>$</c>) and cannot hold the
/// multi-line PEM keys. JSON, so every value is escaped by a serializer.
/// </summary>
public static class KubernetesSecretFile
{
    public const string FileName = "secret.kubernetes.json";

    private static readonly Regex NamespaceLine = new("^namespace: \"([a-z0-9-]+)\"$", RegexOptions.Multiline | RegexOptions.CultureInvariant);

    /// <summary>The namespace of an environment's Kubernetes output, read from its kustomization; null when there is none.</summary>
    public static string? Namespace(ArtifactManifest manifest, string environment)
    {
        var kustomization = manifest.Artifacts.FirstOrDefault(a => a.Path == environment + "/kubernetes/kustomization.yaml");
        return kustomization is null ? null : NamespaceLine.Match(kustomization.Content) is { Success: true } match ? match.Groups[1].Value : null;
    }

    /// <summary>The Secret's name: the namespace and <c>-env</c>, as the manifests reference it.</summary>
    public static string SecretName(string @namespace) => @namespace + "-env";

    public static void Write(string path, string @namespace, IEnumerable<KeyValuePair<string, string>> values) =>
        SecureFile.WriteAtomically(path, writer =>
        {
            using var stream = new System.IO.MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("apiVersion", "v1");
                json.WriteString("kind", "Secret");
                json.WriteStartObject("metadata");
                json.WriteString("name", SecretName(@namespace));
                json.WriteString("namespace", @namespace);
                json.WriteEndObject();
                json.WriteString("type", "Opaque");
                json.WriteStartObject("stringData");
                foreach (var (name, value) in values)
                {
                    json.WriteString(name, value);
                }
                json.WriteEndObject();
                json.WriteEndObject();
            }
            writer.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n"));
            writer.Write("\n");
        });
}
