using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Tool.Tests.Infrastructure;

/// <summary>
/// What a user writes into an imported project because no compose, Caddy or Authelia file carries it, taken from the
/// original descriptors: the answer at each <c>// TODO(import):</c> marker (the same attribute's Justification or
/// PublicJustification, an egress reason, a [CaddyBuild] version, a shared-layout [Uses]) and a host's optional justification,
/// the original's [Justify] acknowledgements,
/// <c>Kubernetes = true</c> and the <c>DefaultPolicy</c> on the stack, a volume's Weekly schedule (compose shows only that it is
/// backed up) or a decision the backup service does not show (Never, or one on a bind or read-only mount), and under <c>NetworkLayout.PerLink</c> the shared networks a service
/// declares (compose shows only the links) and the stack's subnets of them; the declared order of a service's Profiles (compose sorts
/// them), a [Build]'s BaseImage, and the two guesses the report announces: a socket-proxy image's role and the side of a per-link [Uses].
/// Nothing else is touched: every other difference still fails the round trip.
/// </summary>
public static class UserEdits
{
    /// <summary>The facts of one original service that live only in C#.</summary>
    private sealed record Facts(
        string? UiJustification, string? UiPolicy, string? Networks, Dictionary<(string Source, string Target), string> Backups)
    {
        /// <summary>Every attribute of the original service, for the justifications the markers ask for.</summary>
        public List<AttributeSyntax> Attributes { get; } = new();

        /// <summary>The original's class name.</summary>
        public string ClassName { get; set; } = string.Empty;
    }

    public static string[] Apply(IEnumerable<string> imported, IReadOnlyList<string> original)
    {
        var trees = original.Select(s => CSharpSyntaxTree.ParseText(s)).ToList();
        var services = new Dictionary<string, Facts>(StringComparer.Ordinal);
        var kubernetes = false;
        var perLink = false;
        string? defaultPolicy = null;
        var subnets = new List<string>();
        foreach (var type in trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()))
        {
            var attributes = type.AttributeLists.SelectMany(l => l.Attributes).ToList();
            if (Find(attributes, "Stack") is { } stackAttribute)
            {
                kubernetes = Named(stackAttribute, "Kubernetes") == "true";
                perLink = Named(stackAttribute, "Networking") == "NetworkLayout.PerLink";
                defaultPolicy = Named(stackAttribute, "DefaultPolicy");
                subnets.AddRange(new[] { "FrontendSubnet", "BackendSubnet", "DatabaseSubnet" }
                    .Where(n => Named(stackAttribute, n) is not null).Select(n => n + " = " + Named(stackAttribute, n)));
            }
            if (Find(attributes, "Service") is not { } service)
            {
                continue;
            }
            var backups = new Dictionary<(string, string), string>();
            foreach (var volume in attributes.Where(a => Name(a) == "Volume"))
            {
                if (Named(volume, "Backup") is { } decision)
                {
                    backups[(Literal(volume, 0), Literal(volume, 1))] = decision;
                }
            }
            var ui = Find(attributes, "UiHost");
            services[Literal(service, 0)] = new Facts(
                ui is null ? null : Named(ui, "Justification"),
                ui is null ? null : Named(ui, "Policy"),
                Named(service, "Networks"),
                backups);
            var facts = services[Literal(service, 0)];
            facts.Attributes.AddRange(attributes);
            facts.ClassName = type.Identifier.Text;
        }
        var moved = new List<(string Service, string Line)>();
        var edited = imported.Select(source => Edit(source, services, kubernetes, perLink ? subnets : new List<string>(), perLink, defaultPolicy, moved)).ToArray();
        // A [Uses] the import put on the other side of a link: the user moves it to the side the original declares it on.
        return edited.Select(source => string.Join('\n', source.Split('\n').SelectMany(line =>
        {
            var service = Regex.Match(line, "^\\[Service\\(\"(?<n>[^\"]+)\"");
            return service.Success ? new[] { line }.Concat(moved.Where(m => m.Service == service.Groups["n"].Value).Select(m => m.Line)) : new[] { line };
        }))).ToArray();
    }

    private static string Edit(string source, Dictionary<string, Facts> services, bool kubernetes, List<string> subnets, bool perLink, string? defaultPolicy, List<(string Service, string Line)> moved)
    {
        var lines = source.Split('\n').ToList();
        Facts? current = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var uses = Regex.Match(line, "^// TODO\\(import\\): say whether '(?<s>[^']+)' uses [A-Za-z0-9_]+: declare (?<a>\\[Uses\\(typeof\\((?<t>[A-Za-z0-9_]+)\\)\\)\\])");
            if (uses.Success && services.TryGetValue(uses.Groups["s"].Value, out var user)
                && user.Attributes.Any(a => Name(a) == "Uses" && a.ArgumentList!.Arguments[0].Expression.ToString() == "typeof(" + uses.Groups["t"].Value + ")"))
            {
                // The marker sits before the [Service] it concerns; the user declares the [Uses] the original has there.
                lines[i] = uses.Groups["a"].Value;
                continue;
            }
            if (line.StartsWith("[Stack(", StringComparison.Ordinal))
            {
                // Authelia's rules say each host's policy, not whether it came from the stack's default.
                // Under the per-link layout the shared networks, and so their subnets, appear only in the network map.
                lines[i] = line.Replace(")]", (defaultPolicy is null ? string.Empty : ", DefaultPolicy = " + defaultPolicy) + (kubernetes ? ", Kubernetes = true" : string.Empty)
                    + string.Concat(subnets.Select(n => ", " + n)) + ")]", StringComparison.Ordinal);
            }
            var service = Regex.Match(line, "^\\[Service\\(\"(?<n>[^\"]+)\"");
            if (service.Success)
            {
                current = services.GetValueOrDefault(service.Groups["n"].Value);
                if (current is not null)
                {
                    lines[i] = line = Declared(line, current);
                    // A warning the imported build reports and the user accepts, as the original did: [Justify] lives only in C#.
                    lines.InsertRange(i + 1, current.Attributes.Where(a => Name(a) == "Justify").Select(a => "[" + a + "]"));
                }
                if (perLink && current is not null)
                {
                    var networks = current.Networks ?? "Network.Backend";
                    lines[i] = Regex.IsMatch(line, "Networks = [^,)]+(?: \\| [^,)]+)*")
                        ? Regex.Replace(line, "Networks = [^,)]+(?: \\| [^,)]+)*", "Networks = " + networks)
                        : line.Replace(")]", ", Networks = " + networks + ")]", StringComparison.Ordinal);
                }
                continue;
            }
            if (current is null)
            {
                continue;
            }
            if (line.StartsWith("// TODO(import):", StringComparison.Ordinal))
            {
                // One marker per build error: several can announce the same declaration (two public CIDRs of one API host).
                var at = i + 1;
                while (at < lines.Count && lines[at].StartsWith("// TODO(import):", StringComparison.Ordinal))
                {
                    at++;
                }
                if (at < lines.Count && Answer(lines[at], current) is { } answered)
                {
                    lines[at] = answered;
                    lines.RemoveRange(i, at - i);
                    i--;
                }
                continue;
            }
            if (line.StartsWith("[UiHost(", StringComparison.Ordinal))
            {
                // Justifications live only in C#: a user writes back the one the host had, and the policy when the stack had a default.
                var edited = line;
                if (defaultPolicy is not null)
                {
                    edited = Regex.Replace(edited, ", Policy = AuthPolicy\\.[A-Za-z]+", string.Empty);
                    if (current.UiPolicy is { } policy)
                    {
                        edited = edited.Substring(0, edited.Length - 2) + ", Policy = " + policy + ")]";
                    }
                }
                if (current.UiJustification is { } why && !edited.Contains("Justification = ", StringComparison.Ordinal))
                {
                    edited = edited.Substring(0, edited.Length - 2) + ", Justification = " + why + ")]";
                }
                lines[i] = edited;
                continue;
            }
            var used = Regex.Match(line, "^\\[Uses\\(typeof\\((?<t>[A-Za-z0-9_]+)\\)\\)\\]$");
            if (used.Success && !current.Attributes.Any(a => Name(a) == "Uses" && a.ArgumentList!.Arguments[0].Expression.ToString() == "typeof(" + used.Groups["t"].Value + ")")
                && services.FirstOrDefault(x => x.Value.ClassName == used.Groups["t"].Value) is { Value: { } other } target
                && other.Attributes.Any(a => Name(a) == "Uses" && a.ArgumentList!.Arguments[0].Expression.ToString() == "typeof(" + current.ClassName + ")"))
            {
                // The import guessed the direction of the link (the report says so); the original declares it on the other side.
                moved.Add((target.Key, "[Uses(typeof(" + current.ClassName + "))]"));
                lines.RemoveAt(i);
                i--;
                continue;
            }
            if (line.StartsWith("[Build(", StringComparison.Ordinal) && !line.Contains("BaseImage = ", StringComparison.Ordinal)
                && current.Attributes.FirstOrDefault(a => Name(a) == "Build") is { } build && Named(build, "BaseImage") is { } baseImage)
            {
                lines[i] = line.Substring(0, line.Length - 2) + ", BaseImage = " + baseImage + ")]"; // the Dockerfile's FROM line is in no imported file
                continue;
            }
            var volume = Regex.Match(line, "^\\[Volume\\((?<s>\"[^\"]*\"), (?<t>\"[^\"]*\")(?<rest>.*)\\)\\]$");
            if (volume.Success && current.Backups.TryGetValue((Unquote(volume.Groups["s"].Value), Unquote(volume.Groups["t"].Value)), out var decision))
            {
                var rest = volume.Groups["rest"].Value;
                var mounted = Unquote(volume.Groups["s"].Value);
                var copied = mounted.StartsWith('.') || mounted.StartsWith('/') || rest.Contains("ReadOnly = true", StringComparison.Ordinal);
                if (!rest.Contains("Backup = ", StringComparison.Ordinal) && (decision == "Backup.Never" || copied))
                {
                    // Never, and any decision on a bind or read-only mount, is invisible in compose: the backup service shows only what it saves.
                    lines[i] = line.Substring(0, line.Length - 2) + ", Backup = " + decision + ")]";
                }
                else if (rest.Contains("Backup = Backup.Daily", StringComparison.Ordinal) && decision == "Backup.Weekly")
                {
                    lines[i] = line.Replace("Backup = Backup.Daily", "Backup = Backup.Weekly", StringComparison.Ordinal); // compose cannot tell
                }
            }
        }
        return string.Join('\n', lines);
    }

    /// <summary>
    /// What the [Service] line of the original says that compose cannot: the order of its Profiles (compose lists them
    /// sorted; the network map keeps the declared order), and its role where the import guessed one from the image (a
    /// docker-socket-proxy image is taken for the SocketProxy role; the original may declare it an app).
    /// </summary>
    private static string Declared(string line, Facts current)
    {
        var service = current.Attributes.First(a => Name(a) == "Service");
        if (Named(service, "Profiles") is { } profiles)
        {
            var written = Regex.Match(line, "Profiles = new\\[\\] \\{[^}]*\\}");
            if (written.Success && Words(written.Value).SetEquals(Words(profiles)))
            {
                line = line.Replace(written.Value, "Profiles = " + profiles, StringComparison.Ordinal);
            }
        }
        if (line.Contains(", Role = ServiceRole.SocketProxy", StringComparison.Ordinal) && Named(service, "Role") != "ServiceRole.SocketProxy")
        {
            line = line.Replace(", Role = ServiceRole.SocketProxy", Named(service, "Role") is { } role ? ", Role = " + role : string.Empty, StringComparison.Ordinal);
        }
        return line;
    }

    private static HashSet<string> Words(string text) => Regex.Matches(text, "\"[^\"]*\"").Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    /// <summary>The diagnostic IDs the original acknowledges with [Justify] on a service: the imported build must report each.</summary>
    public static IEnumerable<string> Acknowledged(IReadOnlyList<string> original) =>
        original.SelectMany(s => CSharpSyntaxTree.ParseText(s).GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>())
            .Where(t => t.AttributeLists.SelectMany(l => l.Attributes).Any(a => Name(a) == "Service"))
            .SelectMany(t => t.AttributeLists.SelectMany(l => l.Attributes).Where(a => Name(a) == "Justify"))
            .Select(a => Literal(a, 0));

    /// <summary>
    /// The declaration after a marker, with what the original says there: the reason of an [Egress], the version of a
    /// [CaddyBuild], or the Justification / PublicJustification of the same attribute (same positional arguments, else
    /// the service's only one of that name). A [UiHost] is answered below, with its policy. Null when the original has none.
    /// </summary>
    private static string? Answer(string next, Facts current)
    {
        var match = Regex.Match(next, "^\\[(?<name>[A-Za-z]+)(?:\\((?<args>.*)\\))?\\]$");
        if (!match.Success)
        {
            return null;
        }
        var name = match.Groups["name"].Value;
        if (name == "UiHost")
        {
            return next;
        }
        var args = match.Groups["args"].Success ? SyntaxFactory.ParseAttributeArgumentList("(" + match.Groups["args"].Value + ")") : null;
        var positional = args is null ? string.Empty : string.Join(", ", args.Arguments.Where(x => x.NameEquals is null).Select(x => x.Expression.ToString()));
        var same = current.Attributes.Where(a => Name(a) == name).ToList();
        var original = same.FirstOrDefault(a => a.ArgumentList is null ? positional.Length == 0 : Positional(a) == positional) ?? (same.Count == 1 ? same[0] : null);
        if (original is null)
        {
            return null;
        }
        if (name is "Egress" or "CaddyBuild")
        {
            return "[" + name + "(" + original.ArgumentList!.Arguments[0].Expression + ")]";
        }
        var added = new[] { "Justification", "PublicJustification" }
            .Where(n => Named(original, n) is not null && !next.Contains(n + " = ", StringComparison.Ordinal))
            .Select(n => n + " = " + Named(original, n)).ToList();
        if (added.Count == 0)
        {
            return null;
        }
        return args is null || args.Arguments.Count == 0
            ? "[" + name + "(" + string.Join(", ", added) + ")]"
            : next.Substring(0, next.Length - 2) + ", " + string.Join(", ", added) + ")]";
    }

    /// <summary>Answers every <c>// TODO(import):</c> marker with <paramref name="reason"/>, as a user who reviewed each one would.</summary>
    public static string[] Justify(IEnumerable<string> imported, string reason) => imported.Select(source =>
    {
        var lines = source.Split('\n').ToList();
        for (var i = lines.Count - 2; i >= 0; i--)
        {
            if (!lines[i].StartsWith("// TODO(import):", StringComparison.Ordinal))
            {
                continue;
            }
            var next = lines[i + 1];
            if (next.StartsWith("// TODO(import):", StringComparison.Ordinal))
            {
                lines.RemoveAt(i); // the next marker, for the same declaration, is answered already
                continue;
            }
            var named = next.StartsWith("[ApiHost", StringComparison.Ordinal) ? "PublicJustification" : "Justification";
            lines[i + 1] = next == "[Egress(\"\")]"
                ? "[Egress(\"" + reason + "\")]"
                : next.EndsWith(")]", StringComparison.Ordinal)
                    ? next.Substring(0, next.Length - 2) + ", " + named + " = \"" + reason + "\")]"
                    : next.Substring(0, next.Length - 1) + "(" + named + " = \"" + reason + "\")]";
            lines.RemoveAt(i);
        }
        return string.Join('\n', lines);
    }).ToArray();

    /// <summary>The positional arguments of an attribute as written (<c>Elevation.CapAdd, "NET_ADMIN"</c>).</summary>
    private static string Positional(AttributeSyntax a) =>
        string.Join(", ", a.ArgumentList!.Arguments.Where(x => x.NameEquals is null).Select(x => x.Expression.ToString()));

    private static string Name(AttributeSyntax a) => a.Name.ToString().Replace("Attribute", string.Empty, StringComparison.Ordinal);

    private static AttributeSyntax? Find(List<AttributeSyntax> attributes, string name) => attributes.FirstOrDefault(a => Name(a) == name);

    private static string? Named(AttributeSyntax a, string name) =>
        a.ArgumentList?.Arguments.FirstOrDefault(x => x.NameEquals?.Name.Identifier.Text == name)?.Expression.ToString();

    private static string Literal(AttributeSyntax a, int index) =>
        a.ArgumentList!.Arguments[index].Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : a.ArgumentList.Arguments[index].Expression.ToString();

    private static string Unquote(string literal) => ((LiteralExpressionSyntax)SyntaxFactory.ParseExpression(literal)).Token.ValueText;
}
