using System.Text;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tool.Commands;
using Datamancy.Config.Tool.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tool.Tests;

/// <summary>
/// Bad input stops the import with one clear line naming the file and line, exit code 2, no stack trace, and no
/// project: the output folder is not created and no staging folder is left beside it.
/// </summary>
public sealed class BadInputTests
{
    private const string Minimal = "services:\n  web:\n    image: nginx:1.27.3\n";

    private static (int Exit, string Out, string Error, TempFolder Folder) Run(Action<TempFolder> arrange, Func<TempFolder, ImportRequest> request)
    {
        var folder = new TempFolder();
        arrange(folder);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = ImportCommand.Execute(request(folder), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString(), folder);
    }

    private static ImportRequest Request(TempFolder f, string[]? compose = null, string? caddyfile = null, string[]? authelia = null, bool useCaddy = true) =>
        new(compose ?? new[] { Path.Combine(f.Path, "compose.yml") }, caddyfile, authelia ?? Array.Empty<string>(), null, "example.com", Path.Combine(f.Path, "Out"), UseCaddy: useCaddy);

    private static void AssertRefused((int Exit, string Out, string Error, TempFolder Folder) run, string location, string words)
    {
        using var folder = run.Folder;
        Assert.Equal(ImportCommand.InputError, run.Exit);
        Assert.StartsWith("error: " + location + ": ", run.Error);
        Assert.Contains(words, run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.Equal(string.Empty, run.Out);
        Assert.False(Directory.Exists(Path.Combine(folder.Path, "Out")), "a project folder was created");
        Assert.Empty(Directory.GetDirectories(folder.Path, ".Out.*"));
    }

    [Fact]
    public void Malformed_yaml_names_the_file_and_line()
    {
        var run = Run(f => f.Write("compose.yml", "services:\n  web:\n    image: nginx:1.27.3\n    ports: [\"80:80\"\n    volumes: []\n"), f => Request(f));
        AssertRefused(run, "compose.yml:5", "malformed YAML");
    }

    [Fact]
    public void A_key_twice_in_one_mapping_is_refused()
    {
        var run = Run(f => f.Write("compose.yml", "services:\n  web:\n    image: nginx:1.27.3\n  web:\n    image: nginx:1.27.4\n"), f => Request(f));
        AssertRefused(run, "compose.yml:4", "web");
    }

    [Fact]
    public void Services_whose_names_collide_across_files_are_refused_with_both_places()
    {
        var run = Run(f =>
        {
            f.Write("compose.yml", Minimal);
            f.Write("more.yml", "services:\n  Web:\n    image: nginx:1.27.3\n");
        }, f => Request(f, compose: new[] { Path.Combine(f.Path, "compose.yml"), Path.Combine(f.Path, "more.yml") }));
        AssertRefused(run, "more.yml:2", "duplicates service 'web' declared at compose.yml:2");
    }

    [SkippableFact]
    public void A_caddyfile_with_an_unknown_directive_is_refused_by_caddy_at_its_line()
    {
        Tools.Require("caddy", "apt-get install -y caddy");
        var run = Run(f =>
        {
            f.Write("compose.yml", Minimal);
            f.Write("Caddyfile", "web.example.com {\n\treverse_proxy web:80\n\tfrobnicate on\n}\n");
        }, f => Request(f, caddyfile: Path.Combine(f.Path, "Caddyfile")));
        AssertRefused(run, "Caddyfile:3", "frobnicate");
    }

    [Fact]
    public void Without_caddy_the_built_in_parser_refuses_an_unknown_directive_at_its_line()
    {
        var run = Run(f =>
        {
            f.Write("compose.yml", Minimal);
            f.Write("Caddyfile", "web.example.com {\n\treverse_proxy web:80\n\tfrobnicate on\n}\n");
        }, f => Request(f, caddyfile: Path.Combine(f.Path, "Caddyfile"), useCaddy: false));
        AssertRefused(run, "Caddyfile:3", "unknown Caddyfile directive 'frobnicate'");
    }

    [Fact]
    public void An_authelia_file_with_an_unknown_key_is_refused_with_a_suggestion()
    {
        var run = Run(f =>
        {
            f.Write("compose.yml", Minimal);
            f.Write("configuration.yml", "access_control:\n  default_policy: deny\n  rulez:\n    - domain: web.example.com\n      policy: one_factor\n");
        }, f => Request(f, authelia: new[] { Path.Combine(f.Path, "configuration.yml") }));
        AssertRefused(run, "configuration.yml:3", "unknown Authelia key 'rulez' in access_control (did you mean 'rules'?)");
    }

    [Fact]
    public void A_10_MB_compose_file_is_refused_before_it_is_parsed()
    {
        var run = Run(f =>
        {
            var text = new StringBuilder("services:\n");
            for (var i = 0; text.Length < 10 * 1024 * 1024; i++)
            {
                text.Append("  s").Append(i).Append(":\n    image: nginx:1.27.3\n    environment:\n      PADDING: \"").Append('x', 200).Append("\"\n");
            }
            f.Write("compose.yml", text.ToString());
        }, f => Request(f));
        AssertRefused(run, "compose.yml", "MB; inputs larger than 2.0 MB are refused");
    }

    [Fact]
    public void An_existing_project_is_not_overwritten_without_force()
    {
        using var folder = new TempFolder();
        folder.Write("compose.yml", Minimal);
        var first = ImportCommand.Execute(Request(folder), new StringWriter(), new StringWriter());
        Assert.Equal(0, first);
        var stack = File.ReadAllText(Path.Combine(folder.Path, "Out", "Stack.cs"));
        File.WriteAllText(Path.Combine(folder.Path, "Out", "Stack.cs"), "// edited by hand\n" + stack);

        var stderr = new StringWriter();
        Assert.Equal(ImportCommand.InputError, ImportCommand.Execute(Request(folder), new StringWriter(), stderr));
        Assert.Contains("already has", stderr.ToString());
        Assert.StartsWith("// edited by hand", File.ReadAllText(Path.Combine(folder.Path, "Out", "Stack.cs")));

        Assert.Equal(0, ImportCommand.Execute(Request(folder) with { Force = true }, new StringWriter(), new StringWriter()));
        Assert.Equal(stack, File.ReadAllText(Path.Combine(folder.Path, "Out", "Stack.cs")));
        Assert.Empty(Directory.GetDirectories(folder.Path, ".Out.*"));
    }

    [Fact]
    public void Nothing_is_written_outside_the_output_folder()
    {
        using var folder = new TempFolder();
        folder.Write("compose.yml", Minimal);
        var before = Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(0, ImportCommand.Execute(Request(folder), new StringWriter(), new StringWriter()));
        var after = Directory.GetFileSystemEntries(folder.Path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var added = after.Except(before).Select(p => Path.GetRelativePath(folder.Path, p)).ToList();
        Assert.All(added, p => Assert.True(p == "Out" || p.StartsWith("Out" + Path.DirectorySeparatorChar, StringComparison.Ordinal), p));
        Assert.Equal(new[] { "IMPORT-REPORT.md", "Out.csproj", "Stack.cs", "Apps.cs" }.Order(StringComparer.Ordinal), Directory.GetFiles(Path.Combine(folder.Path, "Out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
