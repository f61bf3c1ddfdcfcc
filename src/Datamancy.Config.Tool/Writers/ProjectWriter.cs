using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Datamancy.Config.Tool.Readers;

namespace Datamancy.Config.Tool.Writers;

/// <summary>
/// Writes the project all at once: every file goes to a temporary folder beside the output first, then moves into place,
/// so a failure leaves no half-written project. Existing files are never overwritten without <c>--force</c>.
/// </summary>
internal static class ProjectWriter
{
    public static void CheckTarget(string outDirectory, IEnumerable<string> relativePaths, bool force)
    {
        if (File.Exists(outDirectory))
        {
            throw new ImportException(null, "--out " + outDirectory + " is a file, not a folder");
        }
        if (force || !Directory.Exists(outDirectory))
        {
            return;
        }
        var existing = relativePaths.Where(p => File.Exists(Path.Combine(outDirectory, p))).ToList();
        if (existing.Count > 0)
        {
            throw new ImportException(null, "--out " + outDirectory + " already has " + string.Join(", ", existing) + "; nothing was written (use --force to overwrite)");
        }
    }

    public static void Write(string outDirectory, IReadOnlyDictionary<string, string> files, bool force)
    {
        var full = Path.GetFullPath(outDirectory);
        CheckTarget(full, files.Keys, force);
        var parent = Path.GetDirectoryName(full.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new ImportException(null, "--out must not be the file system root");
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, "." + Path.GetFileName(full.TrimEnd(Path.DirectorySeparatorChar)) + ".datamancy-import-" + Guid.NewGuid().ToString("N").Substring(0, 8));
        try
        {
            foreach (var (relative, content) in files)
            {
                var path = Path.Combine(staging, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, content);
            }
            if (!Directory.Exists(full))
            {
                Directory.Move(staging, full);
                return;
            }
            foreach (var relative in files.Keys)
            {
                var target = Path.Combine(full, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Move(Path.Combine(staging, relative), target, overwrite: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImportException(null, "cannot write the project to " + outDirectory + ": " + e.Message);
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    public static string ProjectFile(string packageVersion) =>
        "<Project Sdk=\"Microsoft.NET.Sdk\">\n"
        + "  <!-- Written by datamancy import. `dotnet build` validates the descriptors and writes the stack's artifacts to ./artifacts. -->\n"
        + "  <PropertyGroup>\n"
        + "    <TargetFramework>net8.0</TargetFramework>\n"
        + "    <Nullable>enable</Nullable>\n"
        + "  </PropertyGroup>\n"
        + "  <ItemGroup>\n"
        + "    <PackageReference Include=\"Datamancy.Config\" Version=\"" + packageVersion + "\" />\n"
        + "  </ItemGroup>\n"
        + "</Project>\n";
}
