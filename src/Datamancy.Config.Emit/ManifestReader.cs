using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Datamancy.Config.Emit;

/// <summary>One artifact read from the compiled assembly.</summary>
public sealed record ArtifactFile(string Path, string Content);

/// <summary>One secret the stack needs: how to create it and who reads it. Never a value.</summary>
public sealed record SecretEntry(string Name, string Kind, int Length, bool Bootstrap, IReadOnlyList<string> ReadBy, string? DigestOf, bool ForClients, string Prefix = "")
{
    /// <summary>Parses the tab-separated line the generator compiles into the manifest.</summary>
    public static SecretEntry Parse(string line)
    {
        var f = line.Split('\t');
        if (f.Length != 8 || !int.TryParse(f[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
        {
            throw new InvalidDataException("Malformed secret entry in the manifest.");
        }
        return new SecretEntry(f[0], f[1], length, f[3] == "bootstrap", f[4].Length == 0 ? System.Array.Empty<string>() : f[4].Split(','),
            f[5] == "-" ? null : f[5], f[6] == "clients", f[7] == "-" ? string.Empty : f[7]);
    }
}

/// <summary>The manifest the generator compiled into the assembly.</summary>
public sealed record ArtifactManifest(bool Blocked, IReadOnlyList<ArtifactFile> Artifacts, IReadOnlyList<SecretEntry> Secrets);

/// <summary>
/// Reads the generated <c>Datamancy.Config.Generated.ArtifactManifest</c> constants from an assembly's
/// metadata. No user code is loaded or run.
/// </summary>
public static class ManifestReader
{
    public const string Namespace = "Datamancy.Config.Generated";
    public const string TypeName = "ArtifactManifest";

    /// <summary>Returns the manifest, or null when the assembly declares no stack.</summary>
    public static ArtifactManifest? Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        return Read(stream);
    }

    /// <summary>Reads the manifest from an assembly image in a stream.</summary>
    public static ArtifactManifest? Read(Stream assembly)
    {
        using var pe = new PEReader(assembly, PEStreamOptions.LeaveOpen);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(handle);
            if (metadata.GetString(type.Namespace) != Namespace || metadata.GetString(type.Name) != TypeName)
            {
                continue;
            }
            var constants = new Dictionary<string, object?>();
            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                var constantHandle = field.GetDefaultValue();
                if (!constantHandle.IsNil)
                {
                    constants[metadata.GetString(field.Name)] = ReadConstant(metadata, metadata.GetConstant(constantHandle));
                }
            }
            var count = constants.TryGetValue("Count", out var c) && c is int n ? n : 0;
            var artifacts = new List<ArtifactFile>();
            for (var i = 0; i < count; i++)
            {
                if (constants.TryGetValue("Path" + i, out var path) && path is string p && constants.TryGetValue("Content" + i, out var content) && content is string text)
                {
                    artifacts.Add(new ArtifactFile(p, text));
                }
            }
            var secretCount = constants.TryGetValue("SecretCount", out var sc) && sc is int m ? m : 0;
            var secrets = new List<SecretEntry>();
            for (var i = 0; i < secretCount; i++)
            {
                if (constants.TryGetValue("Secret" + i, out var line) && line is string text)
                {
                    secrets.Add(SecretEntry.Parse(text));
                }
            }
            var blocked = constants.TryGetValue("Blocked", out var b) && b is true;
            return new ArtifactManifest(blocked, artifacts, secrets);
        }
        return null;
    }

    private static object? ReadConstant(MetadataReader metadata, Constant constant)
    {
        var reader = metadata.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.String => reader.Length == 0 ? string.Empty : reader.ReadUTF16(reader.Length),
            ConstantTypeCode.Boolean => reader.ReadBoolean(),
            ConstantTypeCode.Int32 => reader.ReadInt32(),
            _ => null,
        };
    }
}
