using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Datamancy.Config.Emit;

/// <summary>One artifact read from the compiled assembly.</summary>
public sealed record ArtifactFile(string Path, string Content);

/// <summary>The manifest the generator compiled into the assembly.</summary>
public sealed record ArtifactManifest(bool Blocked, IReadOnlyList<ArtifactFile> Artifacts);

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
            var blocked = constants.TryGetValue("Blocked", out var b) && b is true;
            return new ArtifactManifest(blocked, artifacts);
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
