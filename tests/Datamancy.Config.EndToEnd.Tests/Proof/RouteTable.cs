using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Datamancy.Config.EndToEnd.Tests.Proof;

/// <summary>How a host is reached, as the network map states it.</summary>
public enum Access { Portal, ForwardAuth, AppOidc, Public, Api }

/// <summary>One host through the ingress: its access, the service behind it, and for API hosts the allowlist.</summary>
/// <param name="PortalChecksToken">An API host whose bearer token the portal verifies (OIDC client_credentials).</param>
public sealed record Route(string Host, Access Access, string Service, string Upstream, string? AllowlistVariable, bool RequiresBearer, bool PortalChecksToken = false)
{
    public override string ToString() => Host + " (" + Access + " → " + Upstream + ")";
}

/// <summary>One compose service with its role.</summary>
public sealed record StackService(string Name, string Role);

/// <summary>
/// What the descriptors promise, read back from the rendered network map (services, roles, routes) and
/// compose file (the allowlist defaults compose passes to the ingress while a variable is unset).
/// </summary>
public sealed class RouteTable
{
    private static readonly Regex Cell = new(@"(?<!\\)\|", RegexOptions.CultureInvariant);
    private static readonly Regex Backticked = new("`([^`]+)`", RegexOptions.CultureInvariant);

    private RouteTable(IReadOnlyList<StackService> services, IReadOnlyList<Route> routes, IReadOnlyDictionary<string, string[]> allowlistDefaults)
    {
        Services = services;
        Routes = routes;
        AllowlistDefaults = allowlistDefaults;
    }

    public IReadOnlyList<StackService> Services { get; }

    public IReadOnlyList<Route> Routes { get; }

    /// <summary>Allowlist variable → the CIDRs that apply while it is unset.</summary>
    public IReadOnlyDictionary<string, string[]> AllowlistDefaults { get; }

    public string? SsoService => Services.FirstOrDefault(s => s.Role == "sso")?.Name;

    public string? PortalHost => Routes.FirstOrDefault(r => r.Access == Access.Portal)?.Host;

    public IEnumerable<string> Databases => Services.Where(s => s.Role == "database").Select(s => s.Name);

    public IEnumerable<Route> With(Access access) => Routes.Where(r => r.Access == access);

    /// <summary>Every service a route forwards to, the SSO service included when a host asks it.</summary>
    public IEnumerable<string> RoutedServices =>
        Routes.Select(r => r.Service).Concat(Routes.Any(AsksPortal) && SsoService is { } sso ? new[] { sso } : Array.Empty<string>()).Distinct();

    /// <summary>True when Caddy asks the portal about requests to this host: forward_auth, or a client_credentials token check.</summary>
    public static bool AsksPortal(Route route) => route.Access == Access.ForwardAuth || route.PortalChecksToken;

    public static RouteTable Read(StackArtifacts artifacts)
    {
        var services = Table(artifacts.NetworkMap, "## Services").Select(row => new StackService(row[0], row[1])).ToList();
        var routes = Table(artifacts.NetworkMap, "## Routes through the ingress").Select(row => ToRoute(row[0], row[1], row[2])).ToList();
        var ingress = services.Single(s => s.Role == "ingress").Name;
        return new RouteTable(services, routes, AllowlistDefaultsOf(artifacts.Compose, ingress, routes));
    }

    private static Route ToRoute(string host, string access, string upstream)
    {
        var service = upstream.Split(':')[0];
        if (access.StartsWith("IP allowlist", StringComparison.Ordinal))
        {
            var requiresBearer = access.Contains("API key", StringComparison.Ordinal) || access.Contains("client_credentials", StringComparison.Ordinal);
            var portalChecksToken = access.Contains("verified by Authelia", StringComparison.Ordinal);
            return new Route(host, Access.Api, service, upstream, Backticked.Match(access).Groups[1].Value, requiresBearer, portalChecksToken);
        }
        var kind = access switch
        {
            _ when access.StartsWith("SSO portal", StringComparison.Ordinal) => Access.Portal,
            _ when access.StartsWith("forward_auth", StringComparison.Ordinal) => Access.ForwardAuth,
            _ when access.StartsWith("app-level OIDC", StringComparison.Ordinal) => Access.AppOidc,
            _ when access.StartsWith("public", StringComparison.Ordinal) => Access.Public,
            _ => throw new FormatException("Unknown access in the network map: " + access),
        };
        return new Route(host, kind, service, upstream, null, false);
    }

    /// <summary>The body rows of the first Markdown table after a heading, as trimmed cells.</summary>
    private static IEnumerable<string[]> Table(string markdown, string heading)
    {
        var lines = markdown.Split('\n');
        var start = Array.IndexOf(lines, heading);
        if (start < 0)
        {
            throw new FormatException("The network map has no '" + heading + "' section.");
        }
        return lines.Skip(start + 1)
            .SkipWhile(l => !l.StartsWith('|'))
            .TakeWhile(l => l.StartsWith('|'))
            .Skip(2)
            .Select(l => Cell.Split(l.Trim().Trim('|')).Select(c => c.Trim()).ToArray());
    }

    private static Dictionary<string, string[]> AllowlistDefaultsOf(string compose, string ingress, IEnumerable<Route> routes)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(compose));
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var service = (YamlMappingNode)((YamlMappingNode)root.Children[new YamlScalarNode("services")]).Children[new YamlScalarNode(ingress)];
        var environment = service.Children.TryGetValue(new YamlScalarNode("environment"), out var node) ? (YamlMappingNode)node : new YamlMappingNode();
        var defaults = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var variable in routes.Where(r => r.AllowlistVariable is not null).Select(r => r.AllowlistVariable!).Distinct())
        {
            var value = environment.Children.TryGetValue(new YamlScalarNode(variable), out var v) ? ((YamlScalarNode)v).Value! : throw new FormatException(ingress + " does not receive " + variable);
            var match = Regex.Match(value, "^\\$\\{" + Regex.Escape(variable) + "-(?<cidrs>[^}]*)\\}$");
            if (!match.Success)
            {
                throw new FormatException(variable + " is not passed as ${" + variable + "-defaults}: " + value);
            }
            defaults[variable] = match.Groups["cidrs"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        return defaults;
    }
}
