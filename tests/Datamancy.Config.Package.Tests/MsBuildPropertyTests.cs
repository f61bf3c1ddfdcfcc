using Datamancy.Config.Package.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Datamancy.Config.Package.Tests;

/// <summary>
/// The MSBuild properties of the README's table, each set the way a user sets it (project file or
/// <c>-p:</c>) on a project that consumes the packed package.
/// </summary>
[Collection(PackageCollection.Name)]
public sealed class MsBuildPropertyTests
{
    private readonly PackageWorkspace workspace;
    private readonly ITestOutputHelper log;

    public MsBuildPropertyTests(PackageWorkspace workspace, ITestOutputHelper log)
    {
        this.workspace = workspace;
        this.log = log;
    }

    private static Descriptor Stack => Descriptor.Parse(GettingStartedDoc.Descriptor);

    [Fact]
    public void DatamancyArtifactsPath_in_the_project_and_DatamancyEnvironments_choose_where_and_what_is_written()
    {
        var project = NewStackProject("PathAndEnvironments");
        var csproj = project.Name + ".csproj";
        project.Write(csproj, project.Read(csproj).Replace("</Project>",
            "  <PropertyGroup>\n    <DatamancyArtifactsPath>$(MSBuildProjectDirectory)/deploy/stack</DatamancyArtifactsPath>\n  </PropertyGroup>\n</Project>"));

        project.Expect(project.Build("-p:DatamancyEnvironments=prod"));

        var written = project.Artifacts(Path.Combine(project.Directory, "deploy", "stack"));
        Assert.Contains("prod/Caddyfile", written);
        Assert.Contains("prod/compose.yaml", written);
        Assert.DoesNotContain(written, f => f.StartsWith("dev/", StringComparison.Ordinal));
        Assert.False(Directory.Exists(project.ArtifactsPath), "the default artifacts folder was written");
    }

    [Fact]
    public void DatamancyDomain_overrides_the_Stack_domain_for_one_build()
    {
        var project = NewStackProject("Domain");
        const string Override = "override.test";
        Assert.NotEqual(Override, Stack.Domain);

        project.Expect(project.Build("-p:DatamancyDomain=" + Override));

        var domains = Yaml.AutheliaRuleDomains(Path.Combine(project.ArtifactsPath, "prod", "authelia", "configuration.yml"));
        Assert.Contains("whoami." + Override, domains);
        Assert.DoesNotContain(Stack.Host("whoami"), domains);
        var caddyfile = project.Read(Path.Combine("artifacts", "prod", "Caddyfile"));
        Assert.Contains("whoami." + Override, caddyfile);
        Assert.DoesNotContain(Stack.Host("whoami"), caddyfile);
    }

    [Fact]
    public void DatamancyEmit_false_builds_without_writing_any_artifact()
    {
        var project = NewStackProject("NoEmit");

        var build = project.Expect(project.Build("-p:DatamancyEmit=false"));

        Assert.DoesNotContain("Datamancy.Config: ", build.Output);
        Assert.False(Directory.Exists(project.ArtifactsPath), "artifacts were written with DatamancyEmit=false");
    }

    [Fact]
    public void DatamancyCheckArtifacts_fails_when_the_descriptors_changed_and_DatamancyUpdateArtifacts_accepts()
    {
        var project = NewStackProject("DriftCheck");
        project.Expect(project.Build());
        var matching = project.Expect(project.Build("-p:DatamancyCheckArtifacts=true"));
        Assert.Contains("artifacts match the descriptors", matching.Output);

        // A descriptor change that is not accepted yet: the committed compose files are now stale.
        const string OldImage = "traefik/whoami:v1.10.3", NewImage = "traefik/whoami:v1.10.4";
        Assert.Contains(OldImage, GettingStartedDoc.Descriptor);
        project.Write("Stack.cs", GettingStartedDoc.Descriptor.Replace(OldImage, NewImage));
        var composePath = Path.Combine("artifacts", "prod", "compose.yaml");
        var committed = project.Read(composePath);

        var drift = project.Build("-p:DatamancyCheckArtifacts=true");
        Assert.False(drift.Succeeded, drift.ToString());
        Assert.Contains("error DMCE002", drift.Output);
        Assert.Contains(Path.Combine(project.ArtifactsPath, "prod", "compose.yaml"), drift.Output);
        Assert.Contains("DatamancyUpdateArtifacts=true", drift.Output);
        Assert.Equal(committed, project.Read(composePath));

        project.Expect(project.Build("-p:DatamancyCheckArtifacts=true", "-p:DatamancyUpdateArtifacts=true"));
        Assert.Contains(NewImage, project.Read(composePath));
        Assert.DoesNotContain(OldImage, project.Read(composePath));
        project.Expect(project.Build("-p:DatamancyCheckArtifacts=true"));
    }

    [Fact]
    public void A_project_that_references_a_stack_library_builds_and_writes_nothing_itself()
    {
        var stack = NewStackProject("SharedStack");
        var app = UserProject.Create(workspace, "console", "StackConsumer", log, addPackage: false);
        app.Expect(app.Dotnet("add", "reference", Path.Combine("..", stack.Name, stack.Name + ".csproj")));

        var build = app.Expect(app.Build());

        // The package reaches the app through the library (the generator, and the emission step through
        // buildTransitive); the app declares no stack, so only the library writes artifacts.
        var emitted = build.Output.Split('\n').Where(l => l.Contains(" written, ", StringComparison.Ordinal)).ToList();
        Assert.Single(emitted);
        Assert.Contains(stack.ArtifactsPath, emitted[0]);
        Assert.Contains("prod/compose.yaml", stack.Artifacts());
        Assert.False(Directory.Exists(app.ArtifactsPath), "the referencing project wrote artifacts of its own");
    }

    [Fact]
    public void A_project_with_the_package_and_no_stack_builds_and_writes_nothing()
    {
        var project = UserProject.Create(workspace, "classlib", "NoStackYet", log);

        var build = project.Expect(project.Build());

        Assert.Contains("nothing to emit", build.Output);
        Assert.False(Directory.Exists(project.ArtifactsPath), "artifacts were written for a project without a stack");
    }

    /// <summary>A class library with the package and the getting-started descriptor.</summary>
    private UserProject NewStackProject(string name)
    {
        var project = UserProject.Create(workspace, "classlib", name, log);
        File.Delete(Path.Combine(project.Directory, "Class1.cs"));
        project.Write("Stack.cs", GettingStartedDoc.Descriptor);
        return project;
    }
}
