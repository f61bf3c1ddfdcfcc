using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Datamancy.Config.Tool.Readers;

namespace Datamancy.Config.Tool.Commands;

/// <summary><c>datamancy import</c>: the options, and how results and errors reach the terminal.</summary>
internal static class ImportCommand
{
    public const int Success = 0;
    public const int InputError = 2;
    public const int InternalError = 70;

    public static Command Create()
    {
        var compose = new Option<string[]>("--compose", "-f")
        {
            Description = "A compose file; repeat for overrides, merged in order as `docker compose -f a -f b` does.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        var caddyfile = new Option<string?>("--caddyfile") { Description = "The Caddyfile (caddy-docker-proxy labels in the compose files are read too)." };
        var authelia = new Option<string[]>("--authelia") { Description = "An Authelia configuration file; repeat for several (for example bootstrap and full).", Arity = ArgumentArity.ZeroOrMore };
        var env = new Option<string?>("--env") { Description = "The .env file: only variable names are read, never values." };
        var domain = new Option<string>("--domain") { Description = "The stack's domain, for example example.com; every host must be under it.", Required = true };
        var output = new Option<string>("--out", "-o") { Description = "The folder of the new project (created; must not hold the files to write unless --force).", Required = true };
        var name = new Option<string?>("--name") { Description = "The stack name (default: compose 'name', else the output folder's name)." };
        var force = new Option<bool>("--force") { Description = "Overwrite files of an earlier import in --out." };
        var noCaddy = new Option<bool>("--no-caddy") { Description = "Do not run `caddy adapt`; use the built-in Caddyfile parser only." };
        var version = new Option<string?>("--package-version") { Description = "The Datamancy.Config version the project references (default: this tool's version)." };

        var command = new Command("import", "Turn an existing compose + Caddyfile + Authelia stack into Datamancy.Config descriptors and IMPORT-REPORT.md.")
        {
            compose, caddyfile, authelia, env, domain, output, name, force, noCaddy, version,
        };
        command.SetAction(parse =>
        {
            var request = new ImportRequest(
                parse.GetValue(compose) ?? Array.Empty<string>(),
                parse.GetValue(caddyfile),
                parse.GetValue(authelia) ?? Array.Empty<string>(),
                parse.GetValue(env),
                parse.GetValue(domain)!,
                parse.GetValue(output)!,
                parse.GetValue(name),
                parse.GetValue(force),
                !parse.GetValue(noCaddy),
                parse.GetValue(version));
            return Execute(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    public static int Execute(ImportRequest request, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            var result = Importer.Run(request);
            foreach (var file in result.Files.Keys)
            {
                stdout.WriteLine("  wrote " + Path.Combine(request.Out, file).Replace('\\', '/'));
            }
            stdout.WriteLine(result.Summary);
            return Success;
        }
        catch (ImportException e)
        {
            stderr.WriteLine("error: " + e.Display);
            stderr.WriteLine("Nothing was written.");
            return InputError;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not a user mistake: one line, no stack trace unless asked for.
            stderr.WriteLine("internal error: " + e.GetType().Name + ": " + e.Message + " (set DATAMANCY_TRACE=1 for details; please report it)");
            if (Environment.GetEnvironmentVariable("DATAMANCY_TRACE") == "1")
            {
                stderr.WriteLine(e.ToString());
            }
            stderr.WriteLine("Nothing was written.");
            return InternalError;
        }
    }
}
