using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tool.Mapping;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Formatting;

namespace Datamancy.Config.Tool.Writers;

/// <summary>
/// Writes the descriptors: <c>Stack.cs</c> with <c>[Stack]</c> and the <c>[UserGroups]</c> enum, and one file per group
/// of services (Core, Data, BootstrapApps, Apps). Attributes in the order the sample uses; defaults left out; every
/// file formatted by Roslyn's formatter. Output depends only on the inputs.
/// </summary>
internal static partial class DescriptorWriter
{
    /// <summary>Capabilities that write, execute or administer (the generator's DMC3003 rule): each needs a justification.</summary>
    private static readonly System.Text.RegularExpressions.Regex PrivilegedCapability = new(
        @"(\.write|\.exec|\.\*|^browser\.control$|\.admin|\.delete|\.create|\.run)", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    private static readonly string[] FileOrder = { "Core", "Data", "BootstrapApps", "Apps" };

    public static SortedDictionary<string, string> Write(StackDraft stack)
    {
        var files = new SortedDictionary<string, string>(System.StringComparer.Ordinal)
        {
            ["Stack.cs"] = Format(StackFile(stack)),
        };
        foreach (var group in FileOrder)
        {
            var services = stack.Services.Where(s => s.File == group).ToList();
            if (services.Count == 0)
            {
                continue;
            }
            var text = new StringBuilder();
            Header(text, stack);
            foreach (var service in services)
            {
                text.Append('\n');
                Service(text, stack, service);
            }
            files[group + ".cs"] = Format(text.ToString());
        }
        return files;
    }

    private static void Header(StringBuilder text, StackDraft stack)
    {
        text.Append("using Datamancy.Config;\n\nnamespace ").Append(stack.Namespace).Append(";\n");
    }

    private static string StackFile(StackDraft stack)
    {
        var text = new StringBuilder();
        Header(text, stack);
        text.Append("\n/// <summary>The stack imported by datamancy import: one domain, from which every host, cookie and redirect URI derives.</summary>\n");
        var args = new List<string> { Str(stack.Name), Str(stack.Domain) };
        if (stack.AcmeEmail is not null)
        {
            args.Add("AcmeEmail = " + Str(stack.AcmeEmail));
        }
        if (stack.AcmeStaging)
        {
            args.Add("AcmeStaging = true");
        }
        if (stack.DefaultPolicy is not null)
        {
            args.Add("DefaultPolicy = AuthPolicy." + stack.DefaultPolicy);
        }
        if (stack.PortalHost is not null)
        {
            args.Add("PortalHost = " + Str(stack.PortalHost));
        }
        if (stack.Hairpin)
        {
            args.Add("Hairpin = true");
        }
        if (stack.PerLink)
        {
            args.Add("Networking = NetworkLayout.PerLink");
        }
        StackExtras(args, stack);
        text.Append("[Stack(").Append(string.Join(", ", args)).Append(")]\n");
        text.Append("public static partial class ").Append(stack.ClassName).Append(";\n");
        if (stack.Groups.Count > 0)
        {
            text.Append("\n/// <summary>The user groups (LDAP groups) the access rules name.</summary>\n[UserGroups]\npublic enum ").Append(stack.GroupsEnum).Append("\n{\n");
            foreach (var group in stack.Groups)
            {
                text.Append("/// <summary>The '").Append(Xml(Naming.GroupName(group))).Append("' group.</summary>\n").Append(group).Append(",\n");
            }
            text.Append("}\n");
        }
        return text.ToString();
    }

    private static void Service(StringBuilder text, StackDraft stack, ServiceDraft s)
    {
        var doc = s.Doc.Count > 0 ? string.Join(" ", s.Doc) : s.Name + ", imported from " + s.Where + ".";
        text.Append("/// <summary>").Append(Xml(doc)).Append("</summary>\n");
        var service = new List<string> { Str(s.Name), Str(s.Image) };
        if (s.Port != 0)
        {
            service.Add("Port = " + Int(s.Port));
        }
        if (s.Role != "App")
        {
            service.Add("Role = ServiceRole." + s.Role);
        }
        if (!(s.Networks.Count == 1 && s.Networks[0] == "Backend"))
        {
            service.Add("Networks = " + (s.Networks.Count == 0 ? "Network.None" : string.Join(" | ", s.Networks.Select(n => "Network." + n))));
        }
        if (s.Profile != "Full")
        {
            service.Add("Profile = Profile." + s.Profile);
        }
        if (s.User is not null)
        {
            service.Add("User = " + Str(s.User));
        }
        if (s.Command is not null)
        {
            service.Add("Command = new[] { " + string.Join(", ", s.Command.Select(Str)) + " }");
        }
        ServiceExtras(service, s.Extras);
        foreach (var database in s.UsesUnknown)
        {
            Todo(text, "say whether '" + s.Name + "' uses " + database + ": declare [Uses(typeof(" + database + "))] or leave the database network; the build reports DMC2008 until then.");
        }
        Attribute(text, "Service", service);
        if (s.SessionStore)
        {
            Attribute(text, "SessionStore", new List<string>());
        }
        AutheliaAttributes(text, stack, s);
        if (s.CaddyBuild)
        {
            Todo(text, "write the Caddy version inside '" + s.Image + "' (for example \"2.10.2\"); the build reports the empty version until then.");
            Attribute(text, "CaddyBuild", new List<string> { Str(string.Empty) });
        }
        if (s.Ui is { } ui)
        {
            var args = new List<string> { Str(ui.Subdomain) };
            if (ui.Sso is not null)
            {
                args.Add("Sso = SsoMode." + ui.Sso);
            }
            if (ui.Policy is not null)
            {
                args.Add("Policy = AuthPolicy." + ui.Policy);
            }
            if (ui.Bypass.Count > 0)
            {
                args.Add("Bypass = new[] { " + string.Join(", ", ui.Bypass.Select(Str)) + " }");
            }
            if (ui.OidcCallbackPath is not null)
            {
                args.Add("OidcCallbackPath = " + Str(ui.OidcCallbackPath));
            }
            if (ui.OidcClientSecret is not null)
            {
                args.Add("OidcClientSecret = " + Str(ui.OidcClientSecret));
            }
            if (ui.Sso == "Oidc")
            {
                Todo(text, "say how the app is configured to require the OIDC login (Justification = \"…\"); the build reports DMC1010 until then.");
            }
            else if (ui.Sso == "Public")
            {
                Todo(text, "say why '" + ui.Subdomain + "' is open to everyone without a login (Justification = \"…\"); the build reports DMC1001 until then.");
            }
            Attribute(text, "UiHost", args);
        }
        if (s.AllowedGroups.Count > 0)
        {
            Attribute(text, "AllowedGroups", s.AllowedGroups.Select(g => stack.GroupsEnum + "." + g).ToList());
        }
        OidcOptions(text, s);
        if (s.Api is { } api)
        {
            var args = new List<string>();
            if (api.Subdomain is not null) args.Add("Subdomain = " + Str(api.Subdomain));
            if (api.AllowlistVariable is not null) args.Add("AllowlistVariable = " + Str(api.AllowlistVariable));
            if (api.DefaultAllowlist is not null) args.Add("DefaultAllowlist = new[] { " + string.Join(", ", api.DefaultAllowlist.Select(Str)) + " }");
            if (api.ApiKeySecret is not null) args.Add("ApiKeySecret = " + Str(api.ApiKeySecret));
            if (api.ClientCaFile is not null) args.Add("ClientCaFile = " + Str(api.ClientCaFile));
            if (api.ClientCredentials) args.Add("ClientCredentials = true");
            foreach (var cidr in (api.DefaultAllowlist ?? new List<string>()).Where(c => !Cidrs.IsPrivateOrLoopback(c)))
            {
                Todo(text, "say why the API of '" + s.Name + "' admits " + cidr + " (PublicJustification = \"…\"); the build reports DMC1004 until then.");
            }
            Attribute(text, "ApiHost", args);
        }
        foreach (var (name, value) in s.Env)
        {
            Attribute(text, "Env", new List<string> { Str(name), Str(value) });
        }
        foreach (var secret in s.Secrets)
        {
            var args = new List<string> { Str(secret.Name) };
            if (secret.As is not null) args.Add("As = " + Str(secret.As));
            if (secret.Kind is not null && secret.Kind != "Password") args.Add("Kind = SecretKind." + secret.Kind);
            if (secret.Length != 0) args.Add("Length = " + Int(secret.Length));
            if (secret.Prefix is not null) args.Add("Prefix = " + Str(secret.Prefix));
            if (secret.Optional) args.Add("Optional = true");
            Attribute(text, "Secret", args);
        }
        foreach (var volume in s.Volumes)
        {
            var args = new List<string> { Str(volume.Source), Str(volume.Target) };
            if (volume.ReadOnly) args.Add("ReadOnly = true");
            if (volume.Backup is not null) args.Add("Backup = Backup." + volume.Backup);
            if (volume.SourceVariable is not null) args.Add("SourceVariable = " + Str(volume.SourceVariable));
            if (volume.SourceVariable is not null || volume.Source.StartsWith("/", System.StringComparison.Ordinal))
            {
                Todo(text, "say why '" + s.Name + "' mounts a host path" + (volume.SourceVariable is null ? string.Empty : " chosen by " + volume.SourceVariable) + " (Justification = \"…\"); the build reports it until then.");
            }
            Attribute(text, "Volume", args);
        }
        if (s.Health is { } health)
        {
            var args = health.Test.Select(Str).ToList();
            if (health.Interval is not null) args.Add("Interval = " + Str(health.Interval));
            if (health.Timeout is not null) args.Add("Timeout = " + Str(health.Timeout));
            if (health.Retries is { } retries) args.Add("Retries = " + Int(retries));
            if (health.StartPeriod is not null) args.Add("StartPeriod = " + Str(health.StartPeriod));
            if (health.Shell) args.Add("Shell = true");
            Attribute(text, "Healthcheck", args);
        }
        foreach (var (dependency, condition) in s.DependsOn)
        {
            var target = stack.Services.First(x => x.Name == dependency).ClassName;
            var args = new List<string> { "typeof(" + target + ")" };
            if (condition != "Healthy") args.Add("Condition = DependencyCondition." + condition);
            Attribute(text, "DependsOn", args);
        }
        foreach (var used in s.Uses)
        {
            Attribute(text, "Uses", new List<string> { "typeof(" + stack.Services.First(x => x.Name == used).ClassName + ")" });
        }
        if (s.Egress)
        {
            Todo(text, "say which internet hosts '" + s.Name + "' reaches and why; the build reports the empty reason until then.");
            Attribute(text, "Egress", new List<string> { Str(string.Empty) });
        }
        AttributeExtras(text, s.Extras);
        if (s.Resources is var (memory, cpus, pids))
        {
            var args = new List<string>();
            if (memory is not null) args.Add("Memory = " + Str(memory));
            if (cpus is not null) args.Add("Cpus = " + Str(cpus));
            if (pids is { } p) args.Add("Pids = " + Int(p));
            Attribute(text, "Resources", args);
        }
        NoLimit(text, stack, s);
        foreach (var publish in s.Publish)
        {
            var args = new List<string> { Int(publish.HostPort) };
            if (publish.ContainerPort != publish.HostPort) args.Add("ContainerPort = " + Int(publish.ContainerPort));
            if (publish.Udp) args.Add("Protocol = Protocol.Udp");
            if (s.Role is not ("Ingress" or "Database"))
            {
                Todo(text, "say why port " + Int(publish.HostPort) + " bypasses the ingress (Justification = \"…\"); the build reports DMC2003 until then.");
            }
            Attribute(text, "Publish", args);
        }
        if (s.DockerSocketReadOnly is { } readOnly)
        {
            var args = readOnly ? new List<string>() : new List<string> { "ReadOnly = false" };
            if (s.DockerSocketVariable is not null) args.Add("SourceVariable = " + Str(s.DockerSocketVariable));
            Attribute(text, "DockerSocket", args);
        }
        if (s.Capabilities is var (caps, variable))
        {
            var args = caps.Select(Str).ToList();
            if (variable is not null) args.Add("Variable = " + Str(variable));
            foreach (var capability in caps.Where(c => PrivilegedCapability.IsMatch(c)))
            {
                Todo(text, "say why '" + s.Name + "' needs the capability " + capability + " (Justification = \"…\"); the build warns DMC3003 until then.");
            }
            Attribute(text, "Capabilities", args);
        }
        foreach (var (kind, capabilities) in s.Elevations)
        {
            Todo(text, "say why '" + s.Name + "' needs " + kind + (capabilities.Count == 0 ? string.Empty : " " + string.Join(", ", capabilities)) + " (Justification = \"…\"); the build reports DMC3011 until then.");
            Attribute(text, "Elevated", new[] { "Elevation." + kind }.Concat(capabilities.Select(Str)).ToList());
        }
        text.Append("public static partial class ").Append(s.ClassName).Append(";\n");
    }

    private static void Attribute(StringBuilder text, string name, List<string> args)
    {
        text.Append('[').Append(name);
        if (args.Count > 0)
        {
            text.Append('(').Append(string.Join(", ", args)).Append(')');
        }
        text.Append("]\n");
    }

    private static string Str(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Roslyn's formatter over the whole file, with '\n' line ends.</summary>
    private static string Format(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest));
        using var workspace = new AdhocWorkspace();
        var options = workspace.Options.WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, "\n");
        var formatted = Formatter.Format(tree.GetRoot(), workspace, options);
        var text = formatted.ToFullString().Replace("\r\n", "\n");
        return text.EndsWith("\n", System.StringComparison.Ordinal) ? text : text + "\n";
    }
}
