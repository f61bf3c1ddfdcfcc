using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Compose;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// Several compose files merge as compose merges them: the reader's merge of the static stack's base and override
/// files is compared with `docker-compose -f … -f … config` (Debian's 1.29, which needs a version key and no 'name').
/// </summary>
public sealed class ComposeMergeTests
{
    [SkippableFact]
    public void The_merge_of_base_and_override_agrees_with_docker_compose()
    {
        var dockerCompose = Tools.Require("docker-compose", "apt-get install -y docker-compose");
        var stack = Path.Combine(RealisticStackTests.Stacks, "static");
        var files = new[] { "compose.yml", "compose.override.yml" };
        using var folder = new TempFolder();
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(Path.Combine(stack, file)).Where(l => !l.StartsWith("name:", StringComparison.Ordinal));
            folder.Write(file, "version: \"3.9\"\n" + string.Join("\n", lines) + "\n");
        }
        var arguments = files.SelectMany(f => new[] { "-f", f }).Concat(new[] { "--profile", "bootstrap", "--profile", "full", "--profile", "automation", "--profile", "debug", "config" });
        // Interpolation is irrelevant here (only keys are compared); ':?' needs the variable set.
        var run = Tools.Run(dockerCompose, arguments, folder.Path, new Dictionary<string, string?> { ["AUTHELIA_SESSION_SECRET"] = "x", ["POSTGRES_PASSWORD"] = "x", ["LDAP_ADMIN_PASSWORD"] = "x", ["INFERENCE_API_KEY"] = "x" });
        Assert.True(run.ExitCode == 0, run.StandardError);
        var stream = new YamlStream();
        stream.Load(new StringReader(run.StandardOutput));
        var services = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("services")];

        var ours = ComposeReader.Read(files.Select(f => InputFile.Read(Path.Combine(stack, f), f, "compose")).ToList());
        Assert.Equal(services.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal), ours.Services.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var service in ours.Services)
        {
            var theirs = (YamlMappingNode)services.Children[new YamlScalarNode(service.Name)];
            Assert.Equal(Scalar(theirs, "image"), service.ScalarKey("image"));
            Assert.Equal(Keys(theirs, "environment"), service.Environment.Select(e => e.Key).Order(StringComparer.Ordinal));
            Assert.Equal(Keys(theirs, "networks"), service.Networks.Select(n => n.Value).Order(StringComparer.Ordinal));
            Assert.Equal(Keys(theirs, "depends_on"), service.DependsOn.Select(d => d.Service).Order(StringComparer.Ordinal));
            Assert.Equal(Items(theirs, "profiles"), service.Profiles.Select(p => p.Value).Order(StringComparer.Ordinal));
            Assert.Equal(
                Sequence(theirs, "volumes").Select(v => v is YamlMappingNode m ? Scalar(m, "target") : v.ToString().Split(':')[1]).Order(StringComparer.Ordinal),
                service.Volumes.Select(v => v.Target).Order(StringComparer.Ordinal));
            Assert.Equal(
                Sequence(theirs, "ports").Select(p => p is YamlMappingNode m ? Scalar(m, "published") + ":" + Scalar(m, "target") + "/" + (Scalar(m, "protocol") ?? "tcp") : Short(p.ToString())).Order(StringComparer.Ordinal),
                service.Ports.Select(p => p.HostPort + ":" + p.ContainerPort + "/" + p.Protocol).Order(StringComparer.Ordinal));
            Assert.Equal(theirs.Children.ContainsKey(new YamlScalarNode("healthcheck")), service.Key("healthcheck") is not null);
            Assert.Equal(Scalar(theirs.Children.TryGetValue(new YamlScalarNode("deploy"), out var deploy) ? (YamlMappingNode)((YamlMappingNode)((YamlMappingNode)deploy).Children[new YamlScalarNode("resources")]).Children[new YamlScalarNode("limits")] : new YamlMappingNode(), "memory"),
                service.Key("deploy")?.Value.Child("resources").Child("limits").Child("memory").Scalar());
        }
    }

    private static string Short(string port)
    {
        var parts = port.Split('/')[0].Split(':');
        return parts[^2] + ":" + parts[^1] + "/" + (port.Contains('/') ? port.Split('/')[1] : "tcp");
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? (value as YamlScalarNode)?.Value : null;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlSequenceNode seq ? seq.Children : Enumerable.Empty<YamlNode>();

    private static IEnumerable<string> Items(YamlMappingNode node, string key) => Sequence(node, key).Select(n => n.ToString()).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Keys(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlMappingNode map
            ? map.Children.Keys.Select(k => k.ToString()).Order(StringComparer.Ordinal)
            : value is YamlSequenceNode seq ? seq.Children.Select(c => c.ToString().Split('=')[0]).Order(StringComparer.Ordinal) : Enumerable.Empty<string>();
}
