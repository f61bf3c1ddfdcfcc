using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Tool.Readers;
using Datamancy.Config.Tool.Readers.Authelia;
using Datamancy.Config.Tool.Readers.Caddy;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>
/// Ingress routes and Authelia together → each service's UI host (SSO mode, policy, groups, bypasses) or API host
/// (allowlist, key, client credentials), and the stack's user groups.
/// </summary>
internal sealed partial class RouteMapper
{
    private static readonly string[] PrivateAndLoopback = { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "127.0.0.0/8", "::1/128", "fc00::/7" };
    private static readonly Regex Placeholder = new(@"^\{\$(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?<default>[^}]*))?\}$", RegexOptions.CultureInvariant);

    private readonly StackDraft stack;
    private readonly Dictionary<string, ServiceDraft> drafts;
    private readonly ImportInputs inputs;
    private readonly ImportReport report;
    private readonly Dictionary<string, (ServiceDraft Service, bool Api)> hosts = new(StringComparer.Ordinal);
    private readonly HashSet<ServiceDraft> bearer = new();
    private readonly List<(ServiceDraft Service, string Secret, SourceRef Where)> oidcSecrets = new();

    public RouteMapper(StackDraft stack, Dictionary<string, ServiceDraft> drafts, ImportInputs inputs, ImportReport report)
    {
        this.stack = stack;
        this.drafts = drafts;
        this.inputs = inputs;
        this.report = report;
    }

    public void Map(string portal)
    {
        var ingress = inputs.Ingress;
        report.Authority = ingress.Authority;
        stack.AcmeEmail = ingress.Email;
        if (ingress.AcmeCa is { } ca)
        {
            stack.AcmeStaging = ca.Contains("staging", StringComparison.Ordinal);
            if (!stack.AcmeStaging)
            {
                report.Unsupported(ingress.GlobalWhere ?? default, "acme_ca '" + ca + "'", "descriptors use Let's Encrypt (or its staging CA with AcmeStaging)");
            }
        }
        foreach (var (where, what) in ingress.Unsupported)
        {
            report.Unsupported(where, what, "not expressible");
        }
        var clients = inputs.Authelia?.Clients ?? new List<OidcClientEntry>();
        foreach (var route in ingress.Routes)
        {
            Route(route, portal, clients);
        }
        Rules();
        Clients(clients);
        var groups = drafts.Values.SelectMany(d => d.AllowedGroups.Concat(d.ExternalClients.SelectMany(c => c.Groups))).Distinct(StringComparer.Ordinal).ToList();
        stack.Groups.AddRange(groups);
        if (inputs.Authelia?.DefaultPolicy is { } defaultPolicy && defaultPolicy.Value != "deny")
        {
            report.Unsupported(defaultPolicy.Where, "access_control.default_policy '" + defaultPolicy.Value + "'", "the generated configuration denies every host without a rule (default_policy: deny)");
        }
    }

    private void Route(CaddyRoute route, string portal, IReadOnlyList<OidcClientEntry> clients)
    {
        foreach (var (where, what) in route.Unsupported)
        {
            report.Unsupported(where, what, "not expressible in the descriptors' ingress; the generated Caddyfile does not do this");
        }
        var suffix = "." + stack.Domain;
        if (!route.Host.EndsWith(suffix, StringComparison.Ordinal))
        {
            report.Unsupported(route.Where, "site '" + route.Host + "'", "every host is a subdomain of " + stack.Domain);
            return;
        }
        var subdomain = route.Host.Substring(0, route.Host.Length - suffix.Length);
        var serviceName = StackMapper.UpstreamService(route.Upstream);
        if (serviceName is null)
        {
            report.Unsupported(route.Where, "site '" + route.Host + "' without reverse_proxy", "a host routes to a service");
            return;
        }
        if (!drafts.TryGetValue(serviceName, out var service))
        {
            report.Unsupported(route.UpstreamWhere ?? route.Where, "upstream '" + route.Upstream + "' of '" + route.Host + "'", "no compose service is named '" + serviceName + "': the route is unreachable");
            return;
        }
        var port = StackMapper.UpstreamPort(route.Upstream) ?? 0;
        if (service.Port != 0 && service.Port != port)
        {
            report.Unsupported(route.UpstreamWhere ?? route.Where, "port " + port + " of '" + route.Host + "'", "'" + serviceName + "' already listens on " + service.Port + " for another host; one port per service");
        }
        else
        {
            service.Port = port;
        }
        if (service.Role == "Sso" && !route.ForwardAuth)
        {
            if (subdomain != portal)
            {
                report.Unsupported(route.Where, "second portal host '" + route.Host + "'", "the portal is " + portal + suffix);
            }
            return;
        }
        if (route.Allowlist is not null || route.RequireBearer)
        {
            if (service.Api is not null)
            {
                report.Unsupported(route.Where, "second API host '" + route.Host + "' of '" + serviceName + "'", "one API host per service");
                return;
            }
            var api = new ApiDraft { ClientCaFile = route.ClientCaFile };
            if (subdomain != "api." + serviceName)
            {
                api.Subdomain = subdomain;
            }
            Allowlist(route, service, api);
            service.Api = api;
            hosts[route.Host] = (service, true);
            if (route.RequireBearer)
            {
                bearer.Add(service);
            }
            return;
        }
        if (service.Ui is not null)
        {
            report.Unsupported(route.Where, "second UI host '" + route.Host + "' of '" + serviceName + "'", "one UI host per service");
            return;
        }
        var ui = new UiDraft { Subdomain = subdomain };
        if (route.ClientCaFile is not null)
        {
            report.Unsupported(route.Where, "client certificates on UI host '" + route.Host + "'", "client certificates guard API hosts only");
        }
        if (route.ForwardAuth)
        {
            ui.Sso = null;
        }
        else if (clients.Any(c => c.RedirectUris.Any(u => AutheliaReader.HostOf(u) == route.Host)))
        {
            ui.Sso = "Oidc";
        }
        else
        {
            ui.Sso = "Public";
            report.Decide(route.Where, "'" + route.Host + "' has no forward_auth and no OIDC client: imported as a public UI host without a justification (the build reports DMC1001 until you add SSO or write why it is public).");
        }
        service.Ui = ui;
        hosts[route.Host] = (service, false);
    }

    private void Allowlist(CaddyRoute route, ServiceDraft service, ApiDraft api)
    {
        var defaultVariable = "API_" + Naming.EnvName(service.Name) + "_ALLOWLIST";
        if (route.Allowlist is null)
        {
            report.Decide(route.Where, "'" + route.Host + "' checks a bearer token but no client address; imported with the default allowlist (private and loopback ranges), overridable by " + defaultVariable + ".");
            return;
        }
        var text = route.Allowlist.Trim();
        var placeholder = Placeholder.Match(text);
        List<string> cidrs;
        if (placeholder.Success)
        {
            if (placeholder.Groups["name"].Value != defaultVariable)
            {
                api.AllowlistVariable = placeholder.Groups["name"].Value;
            }
            cidrs = placeholder.Groups["default"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        }
        else
        {
            cidrs = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(c => c == "private_ranges" ? string.Join(" ", PrivateAndLoopback.Take(4)) : c).SelectMany(c => c.Split(' ')).ToList();
            report.Decide(route.Where, "the allowlist of '" + route.Host + "' becomes the default of " + (api.AllowlistVariable ?? defaultVariable) + ", which can now override it from the env file.");
        }
        if (!cidrs.SequenceEqual(PrivateAndLoopback))
        {
            api.DefaultAllowlist = cidrs;
        }
    }

    /// <summary>An API host that checks a bearer token sends the service's key: the secret that looks like one.</summary>
    public void ApiKeys()
    {
        foreach (var (service, secret, where) in oidcSecrets)
        {
            if (!service.Secrets.Any(s => s.Name == secret))
            {
                service.Secrets.Add(new SecretDraft(secret, null));
                report.Decide(where, "the application reads its OIDC client secret from " + secret + " (declared as a [Secret]); Authelia reads " + secret + "_DIGEST.");
            }
        }
        foreach (var service in bearer.Where(s => s.Api is { ClientCredentials: false }))
        {
            var key = service.Secrets.FirstOrDefault(s => s.Name.Contains("KEY", StringComparison.Ordinal) || s.Name.Contains("TOKEN", StringComparison.Ordinal))
                ?? (service.Secrets.Count == 1 ? service.Secrets[0] : null);
            if (key is null)
            {
                var name = Naming.EnvName(service.Name) + "_API_KEY";
                service.Secrets.Add(new SecretDraft(name, null));
                key = service.Secrets[^1];
                report.Decide(service.Where, "the API host of '" + service.Name + "' checks a bearer token; its key is the new secret " + name + ".");
            }
            service.Api!.ApiKeySecret = key.Name;
        }
    }
}
