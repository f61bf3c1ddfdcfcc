using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tests;

/// <summary>
/// docs/compose-coverage.md cannot fall behind the Compose specification: every key of its service, network and
/// volume objects has exactly one row, with a status and, when not supported, a reason and a workaround; and no key
/// the generated compose of a test stack writes is marked "not supported".
/// </summary>
public sealed class ComposeCoverageTests
{
    private static readonly string[] Statuses = { "attribute", "always", "not supported" };

    private static readonly Regex Row = new(@"^\| `(?<key>[a-z0-9_]+)` \| (?<status>[a-z ]+) \| (?<how>.+) \|$", RegexOptions.CultureInvariant);

    /// <summary>The spec object a section of the page covers: service → "Service", and so on.</summary>
    public static TheoryData<string, string> Objects() => new()
    {
        { "service", "Service" },
        { "network", "Network" },
        { "volume", "Volume" },
    };

    [SkippableTheory]
    [MemberData(nameof(Objects))]
    public void Every_key_of_the_spec_object_has_one_row_with_a_status(string definition, string section)
    {
        var specKeys = SpecKeys(definition);
        Assert.NotEmpty(specKeys);
        var rows = Rows(section);
        var missing = specKeys.Except(rows.Keys).ToList();
        Assert.True(missing.Count == 0, "docs/compose-coverage.md, section '" + section + "', has no row for: " + string.Join(", ", missing));
        var unknown = rows.Keys.Except(specKeys).ToList();
        Assert.True(unknown.Count == 0, "rows for keys the specification does not have: " + string.Join(", ", unknown));
        foreach (var (key, (status, how)) in rows)
        {
            Assert.Contains(status, Statuses);
            Assert.True(how.Trim().Length >= 10, key + ": say how it is expressed");
            if (status == "not supported")
            {
                Assert.True(how.Contains("Workaround:", StringComparison.Ordinal), key + ": a 'not supported' row gives the reason and a workaround");
                Assert.True(how.IndexOf("Workaround:", StringComparison.Ordinal) > 10, key + ": give the reason before the workaround");
            }
        }
    }

    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Keys_the_generated_compose_uses_are_not_marked_unsupported(string stack)
    {
        var compose = YamlJson.Parse(TestStacks.Run(stack).Artifact("prod/compose.yaml"));
        var used = new Dictionary<string, HashSet<string>> { ["Service"] = new(), ["Network"] = new(), ["Volume"] = new() };
        foreach (var (section, topLevel) in new[] { ("Service", "services"), ("Network", "networks"), ("Volume", "volumes") })
        {
            if (!compose.Children.TryGetValue(new YamlScalarNode(topLevel), out var objects))
            {
                continue;
            }
            foreach (var entry in ((YamlMappingNode)objects).Children.Values.OfType<YamlMappingNode>())
            {
                used[section].UnionWith(entry.Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!));
            }
        }
        Assert.NotEmpty(used["Service"]);
        foreach (var (section, keys) in used)
        {
            var rows = Rows(section);
            foreach (var key in keys)
            {
                Assert.True(rows.TryGetValue(key, out var row), section + " key '" + key + "' is written but has no row");
                Assert.True(row.Status != "not supported", section + " key '" + key + "' is written by stack '" + stack + "' but the page says 'not supported'");
            }
        }
    }

    private static List<string> SpecKeys(string definition)
    {
        var spec = JsonNode.Parse(File.ReadAllText(Tools.RequireOracle("compose-spec.json")))!;
        var definitions = (spec["definitions"] ?? spec["$defs"])!;
        return definitions[definition]!["properties"]!.AsObject().Select(p => p.Key).ToList();
    }

    private static Dictionary<string, (string Status, string How)> Rows(string section)
    {
        var lines = File.ReadAllLines(Path.Combine(RepoPaths.Root, "docs", "compose-coverage.md"));
        var start = Array.IndexOf(lines, "## " + section);
        Assert.True(start >= 0, "docs/compose-coverage.md has no '## " + section + "' section");
        var rows = new Dictionary<string, (string, string)>();
        for (var i = start + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (Row.Match(lines[i]) is { Success: true } m)
            {
                Assert.True(rows.TryAdd(m.Groups["key"].Value, (m.Groups["status"].Value, m.Groups["how"].Value)), "two rows for '" + m.Groups["key"].Value + "'");
            }
            else if (lines[i].StartsWith("| `", StringComparison.Ordinal))
            {
                Assert.Fail("malformed row in section " + section + ": " + lines[i]);
            }
        }
        return rows;
    }
}
