using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Readers.Authelia;

/// <summary>Secret literals in Authelia files: recorded by the variable they move to, never kept.</summary>
internal static partial class AutheliaReader
{
    /// <summary>Literal values under secret-looking keys: recorded by the variable they move to, the value is dropped.</summary>
    private static void FindSecretLiterals(InputFile file, YamlNode node, string path, List<(string Name, SourceRef Where, string Owner)> found)
    {
        foreach (var (key, keyNode, value) in node.Entries())
        {
            var childPath = path.Length == 0 ? key : path + "." + key;
            if (value is YamlScalarNode { Value: { Length: > 0 } text } && SecretKey.IsMatch(key) && key != "client_secret" && !EnvTemplate.IsMatch(text.Trim()))
            {
                var name = SecretNames.TryGetValue(childPath, out var known) ? known : "AUTHELIA_" + childPath.ToUpperInvariant().Replace('.', '_');
                found.Add((name, file.At(YamlLoader.Line(keyNode)), "authelia " + childPath));
            }
            else if (value is YamlMappingNode)
            {
                FindSecretLiterals(file, value, childPath, found);
            }
            else if (value is YamlSequenceNode sequence && key == "clients")
            {
                foreach (var client in sequence.Children)
                {
                    var secret = client.Child("client_secret").Scalar();
                    if (secret is { Length: > 0 } && !EnvTemplate.IsMatch(secret.Trim()))
                    {
                        var id = client.Child("client_id").Scalar() ?? "client";
                        found.Add((Env(id) + "_OIDC_CLIENT_SECRET_DIGEST", file.At(YamlLoader.Line(client.Child("client_secret")!)), "OIDC client '" + id + "' client_secret"));
                    }
                }
            }
        }
    }
}
