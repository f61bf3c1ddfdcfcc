using Datamancy.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Package.Tests;

/// <summary>
/// Every MSBuild property that reaches the emission tool's command line (DatamancyArtifactsPath, DatamancyEnvironments,
/// DatamancyRotate, DatamancyEmitToolPath), set from the environment with shell metacharacters, on a project that
/// consumes the packed package: no command runs, a path is taken literally, an unknown environment is refused.
/// One project and few builds: these are slow.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class MsBuildInjectionTests(PackageWorkspace workspace, ITestOutputHelper log)
{
    [Fact]
    public void Properties_with_shell_metacharacters_run_no_command_and_unknown_environments_are_refused()
    {
        var project = UserProject.Create(workspace, "classlib", "Injection", log);
        File.Delete(Path.Combine(project.Directory, "Class1.cs"));
        project.Write("Stack.cs", GettingStartedDoc.Descriptor);
        // Exec runs in the project folder: a command that ran would leave pwned-* there.
        static string Payload(string tag) => "\";touch pwned-" + tag + ";\"$(touch pwned-" + tag + "s)`touch pwned-" + tag + "b`";

        // The example: a '"' in DatamancyRotate (from the environment) used to end the quoted argument and run the rest.
        var rotate = project.BuildWithEnvironment(new Dictionary<string, string> { ["DatamancyRotate"] = "LITELLM" + Payload("rotate") }, "-t:DatamancySecrets");
        Assert.False(rotate.Succeeded, rotate.ToString());
        Assert.Contains("error DMCE010", rotate.Output);

        // A path is a path: the folder with the hostile name is created literally and nothing runs.
        var hostileFolder = "deploy" + Payload("out");
        var written = project.Expect(project.BuildWithEnvironment(new Dictionary<string, string>
        {
            ["DatamancyArtifactsPath"] = Path.Combine(project.Directory, hostileFolder),
            ["DatamancyEnvironments"] = "prod",
        }));
        Assert.Contains("prod/compose.yaml", project.Artifacts(Path.Combine(project.Directory, hostileFolder)));
        Assert.Contains(" written, ", written.Output);

        // Environments: a quote, a typo or a path is refused before anything is written or removed.
        project.Expect(project.Build());
        var before = project.Artifacts();
        foreach (var environments in new[] { "prod" + Payload("env"), "prdo", "../x" })
        {
            var build = project.BuildWithEnvironment(new Dictionary<string, string> { ["DatamancyEnvironments"] = environments }, "-t:DatamancySecrets");
            Assert.False(build.Succeeded, build.ToString());
            Assert.Contains("error DMCE003", build.Output);
        }
        Assert.Equal(before, project.Artifacts());
        Assert.False(Directory.Exists(Path.Combine(project.Directory, "x")), "secrets were written outside the artifacts folder");

        // The tool path is the one value on the command line: characters a shell would expand are refused.
        var tool = project.BuildWithEnvironment(new Dictionary<string, string> { ["DatamancyEmitToolPath"] = "/tmp/x" + Payload("tool") });
        Assert.False(tool.Succeeded, tool.ToString());
        Assert.Contains("error DMCE005", tool.Output);

        Assert.Empty(Directory.GetFiles(project.Directory, "pwned*"));
    }
}
