using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Tool.Tests.Infrastructure;

/// <summary>
/// What a user writes into an imported project because no compose, Caddy or Authelia file carries it, taken from the
/// original descriptors: justifications (at each <c>// TODO(import):</c> marker: an OIDC or public host, an egress, a published
/// port; and a host's optional one),
/// <c>Kubernetes = true</c> and the <c>DefaultPolicy</c> on the stack, a volume's Weekly schedule (compose shows only that it is
/// backed up) or a decision the backup service does not show (Never, or one on a bind or read-only mount), and under <c>NetworkLayout.PerLink</c> the shared networks a service
/// declares (compose shows only the links). Nothing else is touched: every other difference still fails the round trip.
/// </summary>
public static class UserEdits
{
    /// <summary>The facts of one original service that live only in C#.</summary>
    private sealed record Facts(
        string? UiJustification, string? UiPolicy, string? Egress, string? Networks, Dictionary<(string Source, string Target), string> Backups, Dictionary<string, string> Publish)
    {
        /// <summary>[Elevated] justifications by the attribute's positional arguments as written (kind and capabilities).</summary>
        public Dictionary<string, string> Elevated { get; } = new(StringComparer.Ordinal);

        /// <summary>[Volume] justifications (host paths and variable sources) by source and target.</summary>
        public Dictionary<(string Source, string Target), string> Volumes { get; } = new();
    }

    public static string[] Apply(IEnumerable<string> imported, IReadOnlyList<string> original)
    {
        var trees = original.Select(s => CSharpSyntaxTree.ParseText(s)).ToList();
        var services = new Dictionary<string, Facts>(StringComparer.Ordinal);
        var kubernetes = false;
        var perLink = false;
        string? defaultPolicy = null;
        foreach (var type in trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<TypeDeclarationSyntax>()))
        {
            var attributes = type.AttributeLists.SelectMany(l => l.Attributes).ToList();
            if (Find(attributes, "Stack") is { } stackAttribute)
            {
                kubernetes = Named(stackAttribute, "Kubernetes") == "true";
                perLink = Named(stackAttribute, "Networking") == "NetworkLayout.PerLink";
                defaultPolicy = Named(stackAttribute, "DefaultPolicy");
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
            var publish = attributes.Where(a => Name(a) == "Publish" && Named(a, "Justification") is not null)
                .ToDictionary(a => a.ArgumentList!.Arguments[0].Expression.ToString(), a => Named(a, "Justification")!);
            var ui = Find(attributes, "UiHost");
            services[Literal(service, 0)] = new Facts(
                ui is null ? null : Named(ui, "Justification"),
                ui is null ? null : Named(ui, "Policy"),
                Find(attributes, "Egress")?.ArgumentList!.Arguments[0].Expression.ToString(),
                Named(service, "Networks"),
                backups,
                publish);
            var facts = services[Literal(service, 0)];
            foreach (var elevated in attributes.Where(a => Name(a) == "Elevated" && Named(a, "Justification") is not null))
            {
                facts.Elevated[Positional(elevated)] = Named(elevated, "Justification")!;
            }
            foreach (var volume in attributes.Where(a => Name(a) == "Volume" && Named(a, "Justification") is not null))
            {
                facts.Volumes[(Literal(volume, 0), Literal(volume, 1))] = Named(volume, "Justification")!;
            }
        }
        return imported.Select(source => Edit(source, services, kubernetes, perLink, defaultPolicy)).ToArray();
    }

    private static string Edit(string source, Dictionary<string, Facts> services, bool kubernetes, bool perLink, string? defaultPolicy)
    {
        var lines = source.Split('\n').ToList();
        Facts? current = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith("[Stack(", StringComparison.Ordinal))
            {
                // Authelia's rules say each host's policy, not whether it came from the stack's default.
                lines[i] = line.Replace(")]", (defaultPolicy is null ? string.Empty : ", DefaultPolicy = " + defaultPolicy) + (kubernetes ? ", Kubernetes = true" : string.Empty) + ")]", StringComparison.Ordinal);
            }
            var service = Regex.Match(line, "^\\[Service\\(\"(?<n>[^\"]+)\"");
            if (service.Success)
            {
                current = services.GetValueOrDefault(service.Groups["n"].Value);
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
            if (line.StartsWith("// TODO(import):", StringComparison.Ordinal) && i + 1 < lines.Count)
            {
                var next = lines[i + 1];
                var port = Regex.Match(next, "^\\[Publish\\((?<p>[0-9]+)");
                if (next == "[Egress(\"\")]" && current.Egress is { } reason)
                {
                    lines[i + 1] = "[Egress(" + reason + ")]";
                    lines.RemoveAt(i--);
                }
                else if (port.Success && current.Publish.TryGetValue(port.Groups["p"].Value, out var because))
                {
                    lines[i + 1] = next.Substring(0, next.Length - 2) + ", Justification = " + because + ")]";
                    lines.RemoveAt(i--);
                }
                else if (next.StartsWith("[Elevated(", StringComparison.Ordinal)
                    && current.Elevated.TryGetValue(next.Substring("[Elevated(".Length, next.Length - "[Elevated(".Length - 2), out var elevation))
                {
                    lines[i + 1] = next.Substring(0, next.Length - 2) + ", Justification = " + elevation + ")]";
                    lines.RemoveAt(i--);
                }
                else if (Regex.Match(next, "^\\[Volume\\((?<s>\"[^\"]*\"), (?<t>\"[^\"]*\")") is { Success: true } bind
                    && current.Volumes.TryGetValue((Unquote(bind.Groups["s"].Value), Unquote(bind.Groups["t"].Value)), out var mounted))
                {
                    lines[i + 1] = next.Substring(0, next.Length - 2) + ", Justification = " + mounted + ")]";
                    lines.RemoveAt(i--);
                }
                else if (next.StartsWith("[UiHost(", StringComparison.Ordinal))
                {
                    lines.RemoveAt(i--); // the justification is written below
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
            lines[i + 1] = next == "[Egress(\"\")]"
                ? "[Egress(\"" + reason + "\")]"
                : next.EndsWith(")]", StringComparison.Ordinal)
                    ? next.Substring(0, next.Length - 2) + ", Justification = \"" + reason + "\")]"
                    : next.Substring(0, next.Length - 1) + "(Justification = \"" + reason + "\")]";
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
