using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Mapping;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Authelia;
using Datamancy.Config.Tool.Readers.Caddy;
using Datamancy.Config.Tool.Readers.Compose;
using Datamancy.Config.Tool.Writers;

namespace Datamancy.Config.Tool.Commands;

/// <summary>What the user asked for.</summary>
internal sealed record ImportRequest(
    IReadOnlyList<string> Compose,
    string? Caddyfile,
    IReadOnlyList<string> Authelia,
    string? Env,
    string Domain,
    string Out,
    string? Name = null,
    bool Force = false,
    bool UseCaddy = true,
    string? PackageVersion = null);

/// <summary>The written project, its report and the one-line summary.</summary>
internal sealed record ImportResult(IReadOnlyDictionary<string, string> Files, StackDraft Stack, ImportReport Report, string Summary);

/// <summary>read → map → write C# → preview the build → report → write everything at once.</summary>
internal static class Importer
{
    private static readonly Regex DomainPattern = new(@"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant);
    private static readonly Regex StackName = new("^[a-z0-9][a-z0-9_-]{0,62}$", RegexOptions.CultureInvariant);

    /// <summary>Builds the project in memory; nothing is written.</summary>
    public static ImportResult Build(ImportRequest request)
    {
        var domain = request.Domain.Trim().ToLowerInvariant();
        if (!DomainPattern.IsMatch(domain))
        {
            throw new ImportException(null, "--domain '" + request.Domain + "' is not a domain name such as example.com");
        }
        var projectName = Path.GetFileName(Path.GetFullPath(request.Out).TrimEnd(Path.DirectorySeparatorChar));
        var display = new DisplayNames(request.Compose.Concat(request.Authelia).Append(request.Caddyfile).Append(request.Env).Where(p => p is not null)!);
        var report = new ImportReport();

        var composeFiles = request.Compose.Select(p => InputFile.Read(p, display.Of(p), "compose")).ToList();
        var compose = ComposeReader.Read(composeFiles);
        report.Inputs.AddRange(composeFiles.Select(f => "compose: `" + f.Display + "`"));
        var name = request.Name ?? compose.Name ?? projectName.ToLowerInvariant();
        name = Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9_-]", "-").Trim('-');
        if (!StackName.IsMatch(name))
        {
            throw new ImportException(null, "cannot derive a stack name from '" + name + "'; pass --name");
        }

        var ingress = new CaddyIngress();
        if (request.Caddyfile is { } caddyfile)
        {
            var file = InputFile.Read(caddyfile, display.Of(caddyfile), "Caddyfile");
            CaddyfileReader.Read(file, ingress, request.UseCaddy);
            report.Inputs.Add("Caddyfile: `" + file.Display + "`");
        }
        if (compose.Services.Any(CaddyLabels.HasCaddyLabels))
        {
            CaddyLabels.Read(compose, ingress);
            report.Decide(null, "Routes were read from caddy-docker-proxy labels; the generated stack serves them from its own Caddyfile with the plain Caddy image, so the ingress's image must become caddy:<version> (the build reports DMC1006 until then) and it no longer needs the Docker socket.");
            report.Inputs.Add("caddy-docker-proxy labels of " + string.Join(", ", compose.Services.Where(CaddyLabels.HasCaddyLabels).Select(s => "`" + s.Name + "`")));
        }

        var secretLiterals = new List<(string Name, SourceRef Where, string Owner)>();
        AutheliaConfig? authelia = null;
        if (request.Authelia.Count > 0)
        {
            var files = request.Authelia.Select(p => InputFile.Read(p, display.Of(p), "Authelia")).ToList();
            authelia = AutheliaReader.Read(files, secretLiterals);
            report.Inputs.AddRange(files.Select(f => "Authelia: `" + f.Display + "`"));
            foreach (var (where, what) in authelia.Unsupported)
            {
                report.Unsupported(where, what.Substring(0, what.IndexOf(':') < 0 ? what.Length : what.IndexOf(':')), what.IndexOf(':') < 0 ? "not expressible" : what.Substring(what.IndexOf(':') + 1).Trim());
            }
            foreach (var (where, what) in authelia.Derived)
            {
                report.Decide(where, "Authelia " + what + ".");
            }
            if (authelia.CookieDomain is { } cookie && cookie.Value.TrimStart('.') != domain)
            {
                report.Unsupported(cookie.Where, "session cookie domain '" + cookie.Value + "'", "the stack's domain is " + domain + " (--domain); the cookie domain follows it");
            }
        }

        IReadOnlyList<EnvName>? envNames = null;
        string? envDisplay = null;
        if (request.Env is { } env)
        {
            envDisplay = display.Of(env);
            envNames = EnvFileReader.Read(env, envDisplay);
            report.Inputs.Add("env (names only): `" + envDisplay + "`");
        }

        var inputs = new ImportInputs(compose, ingress, authelia, envNames, envDisplay is null ? null : "`" + envDisplay + "`", secretLiterals);
        var stack = StackMapper.Map(inputs, domain, name, projectName, report);

        var sources = DescriptorWriter.Write(stack);
        report.Violations.AddRange(BuildPreview.Diagnose(sources, stack.Namespace));
        var written = new SortedDictionary<string, string>(sources, StringComparer.Ordinal)
        {
            [projectName + ".csproj"] = ProjectWriter.ProjectFile(request.PackageVersion ?? ToolVersion()),
            ["IMPORT-REPORT.md"] = ReportWriter.Write(stack, report),
        };
        var errors = report.Violations.Count(v => v.Severity == "error");
        var warnings = report.Violations.Count(v => v.Severity == "warning");
        var summary = "Imported " + stack.Services.Count + " services into " + request.Out + ": " + report.NotExpressible.Count + " not expressible, "
            + report.SecretsMoved.Count + " secrets moved, the build will report " + errors + " errors and " + warnings + " warnings (see IMPORT-REPORT.md).";
        return new ImportResult(written, stack, report, summary);
    }

    /// <summary>Builds and writes the project.</summary>
    public static ImportResult Run(ImportRequest request)
    {
        var result = Build(request);
        ProjectWriter.Write(request.Out, result.Files, request.Force);
        return result;
    }

    public static string ToolVersion()
    {
        var version = typeof(Importer).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.1.0";
        var plus = version.IndexOf('+');
        return plus >= 0 ? version.Substring(0, plus) : version;
    }

    /// <summary>Input paths shown relative to the folder they share, so messages and the report do not depend on where the stack lives.</summary>
    private sealed class DisplayNames
    {
        private readonly string root;

        public DisplayNames(IEnumerable<string> paths)
        {
            var directories = paths.Select(p => Path.GetDirectoryName(Path.GetFullPath(p)) ?? "/").ToList();
            var common = directories.FirstOrDefault() ?? Directory.GetCurrentDirectory();
            foreach (var directory in directories)
            {
                while (!(directory + Path.DirectorySeparatorChar).StartsWith(common.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    common = Path.GetDirectoryName(common) ?? "/";
                }
            }
            root = common;
        }

        public string Of(string path) => Path.GetRelativePath(root, Path.GetFullPath(path)).Replace('\\', '/');
    }
}
