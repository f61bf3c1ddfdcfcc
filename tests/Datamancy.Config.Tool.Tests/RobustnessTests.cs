using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Datamancy.Config.Tool.Readers;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// Damaged inputs never crash the import: the realistic stacks' files with lines deleted, duplicated, swapped or
/// truncated either import or stop with an <see cref="ImportException"/> (a file:line message), never anything else.
/// </summary>
public sealed class RobustnessTests
{
    [Theory]
    [InlineData("static/compose.yml")]
    [InlineData("static/Caddyfile")]
    [InlineData("static/authelia/configuration.yml")]
    [InlineData("labels/compose.yml")]
    public void Damaged_files_import_or_fail_with_a_located_message(string file)
    {
        var original = File.ReadAllLines(Path.Combine(RealisticStackTests.Stacks, file));
        var random = new Random(20261129 + file.Length);
        var outcomes = new Dictionary<string, int> { ["imported"] = 0, ["refused"] = 0 };
        for (var i = 0; i < 25; i++)
        {
            var lines = original.ToList();
            for (var edits = random.Next(1, 4); edits > 0 && lines.Count > 2; edits--)
            {
                var at = random.Next(lines.Count);
                switch (random.Next(4))
                {
                    case 0: lines.RemoveAt(at); break;
                    case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break;
                    case 2: (lines[at], lines[^1]) = (lines[^1], lines[at]); break;
                    default: lines[at] = lines[at][..random.Next(lines[at].Length + 1)]; break;
                }
            }
            using var folder = new TempFolder();
            var name = file.Split('/')[0];
            CopyStack(name, folder.Path);
            File.WriteAllLines(Path.Combine(folder.Path, file), lines);
            var stack = Path.Combine(folder.Path, name);
            var request = file.StartsWith("static", StringComparison.Ordinal)
                ? RealisticStackTests.Static(Path.Combine(folder.Path, "Out")) with
                {
                    Compose = new[] { Path.Combine(stack, "compose.yml"), Path.Combine(stack, "compose.override.yml") },
                    Caddyfile = Path.Combine(stack, "Caddyfile"),
                    Authelia = new[] { Path.Combine(stack, "authelia", "bootstrap.yml"), Path.Combine(stack, "authelia", "configuration.yml") },
                    Env = Path.Combine(stack, ".env"),
                    UseCaddy = false,
                }
                : RealisticStackTests.Labels(Path.Combine(folder.Path, "Out")) with
                {
                    Compose = new[] { Path.Combine(stack, "compose.yml") },
                    Authelia = new[] { Path.Combine(stack, "authelia.yml") },
                    Env = Path.Combine(stack, ".env"),
                    UseCaddy = false,
                };
            try
            {
                Importer.Build(request);
                outcomes["imported"]++;
            }
            catch (ImportException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                outcomes["refused"]++;
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException(file + ", damage " + i + " crashed the import: " + e + "\n---\n" + string.Join("\n", lines));
            }
        }
        Assert.True(outcomes["imported"] > 0, "no damaged variant imported at all");
    }

    private static void CopyStack(string name, string target)
    {
        var source = Path.Combine(RealisticStackTests.Stacks, name);
        foreach (var path in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, name, Path.GetRelativePath(source, path));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(path, destination);
        }
    }
}
