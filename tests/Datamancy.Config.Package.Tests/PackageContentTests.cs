using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.Json;
using System.Xml.Linq;
using Datamancy.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Package.Tests;

/// <summary>What is inside the one Datamancy.Config package, and that packing is reproducible.</summary>
[Collection(PackageCollection.Name)]
public sealed class PackageContentTests
{
    private const string Analyzers = "analyzers/dotnet/cs/";
    private const string Tools = "tools/net8.0/";

    private readonly PackageWorkspace workspace;
    private readonly ITestOutputHelper log;

    public PackageContentTests(PackageWorkspace workspace, ITestOutputHelper log)
    {
        this.workspace = workspace;
        this.log = log;
    }

    [Fact]
    public void The_package_has_the_library_the_generator_the_build_step_and_the_tool_in_their_folders()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
        var entries = package.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        log.WriteLine(string.Join("\n", entries.Order(StringComparer.Ordinal)));

        Assert.Equal(new[] { "lib/netstandard2.0/Datamancy.Config.dll", "lib/netstandard2.0/Datamancy.Config.xml" },
            entries.Where(e => e.StartsWith("lib/", StringComparison.Ordinal) || e.StartsWith("ref/", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.Contains(Analyzers + "Datamancy.Config.Generators.dll", entries);
        foreach (var folder in new[] { "build/", "buildTransitive/" })
        {
            Assert.Contains(folder + PackageWorkspace.PackageId + ".props", entries);
            Assert.Contains(folder + PackageWorkspace.PackageId + ".targets", entries);
        }
        Assert.Contains(Tools + "Datamancy.Config.Emit.dll", entries);
        Assert.Contains(Tools + "Datamancy.Config.Emit.runtimeconfig.json", entries);
        Assert.Contains("README.md", entries);
    }

    [Fact]
    public void Every_assembly_the_analyzers_reference_is_bundled_or_provided_by_the_compiler()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
        var bundled = package.Entries.Where(e => e.FullName.StartsWith(Analyzers, StringComparison.Ordinal) && e.Name.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => Path.GetFileNameWithoutExtension(e.Name), StringComparer.Ordinal);
        Assert.True(bundled.Count > 1, "the generator's dependencies are not bundled");
        foreach (var (name, entry) in bundled)
        {
            foreach (var reference in AssemblyReferences(entry))
            {
                var provided = reference is "netstandard" or "mscorlib" || reference.StartsWith("System.", StringComparison.Ordinal)
                    || reference.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal) || reference == "Microsoft.CSharp";
                Assert.True(provided || bundled.ContainsKey(reference), name + " references " + reference + ", which is neither bundled nor provided by the compiler");
            }
        }
    }

    [Fact]
    public void The_emission_tool_has_every_runtime_file_its_deps_json_lists()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
        var deps = package.GetEntry(Tools + "Datamancy.Config.Emit.deps.json");
        Assert.NotNull(deps);
        using var json = JsonDocument.Parse(deps!.Open());
        var runtimeFiles = json.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .SelectMany(library => library.Value.TryGetProperty("runtime", out var runtime) ? runtime.EnumerateObject().Select(f => Path.GetFileName(f.Name)) : Enumerable.Empty<string>())
            .ToList();
        Assert.Contains("Datamancy.Config.Emit.dll", runtimeFiles);
        foreach (var file in runtimeFiles)
        {
            Assert.NotNull(package.GetEntry(Tools + file));
        }
    }

    [Fact]
    public void The_nuspec_declares_license_readme_repository_and_no_dependencies()
    {
        using var package = ZipFile.OpenRead(workspace.PackagePath);
        var nuspecEntry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = nuspecEntry.Open();
        var nuspec = XDocument.Load(stream);
        var ns = nuspec.Root!.GetDefaultNamespace();
        var metadata = nuspec.Root.Element(ns + "metadata")!;
        log.WriteLine(metadata.ToString());

        Assert.Equal(PackageWorkspace.PackageId, metadata.Element(ns + "id")!.Value);
        Assert.Equal(workspace.Version, metadata.Element(ns + "version")!.Value);
        var license = metadata.Element(ns + "license")!;
        Assert.Equal("expression", license.Attribute("type")!.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal("README.md", metadata.Element(ns + "readme")!.Value);
        var repository = metadata.Element(ns + "repository")!;
        Assert.Equal("git", repository.Attribute("type")!.Value);
        Assert.StartsWith("https://", repository.Attribute("url")!.Value);
        Assert.False(string.IsNullOrEmpty(metadata.Element(ns + "description")?.Value));
        // Scriban, YamlDotNet and the build-time projects must not become the consumer's dependencies.
        var dependencies = metadata.Element(ns + "dependencies")?.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList() ?? new List<string>();
        Assert.Empty(dependencies);
    }

    [Fact]
    public void Packing_the_same_sources_twice_gives_byte_identical_packages()
    {
        var environment = new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1767225600" };
        var hashes = new List<string>();
        foreach (var run in new[] { "repack-1", "repack-2" })
        {
            var output = Path.Combine(workspace.Root, run);
            var pack = DotnetCli.Run(workspace.Root, environment, TimeSpan.FromMinutes(8), "pack", RepoPaths.PackageProject, "-c", "Release", "-o", output);
            log.WriteLine(pack.ToString());
            Assert.True(pack.Succeeded, pack.ToString());
            var file = Assert.Single(Directory.GetFiles(output, "*.nupkg"));
            hashes.Add(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file))));
        }
        Assert.Equal(hashes[0], hashes[1]);
    }

    private static IReadOnlyList<string> AssemblyReferences(ZipArchiveEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }
        buffer.Position = 0;
        using var pe = new PEReader(buffer);
        var metadata = pe.GetMetadataReader();
        return metadata.AssemblyReferences.Select(h => metadata.GetString(metadata.GetAssemblyReference(h).Name)).ToList();
    }
}
