using Datamancy.Config.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using static Datamancy.Config.Analyzers.Tests.Sources;

namespace Datamancy.Config.Analyzers.Tests;

/// <summary>
/// Every rule on one descriptor: it fires on the exact attribute argument (markup <c>{|#0:…|}</c>) with its
/// message, and the compliant or justified form of the same descriptor is clean.
/// </summary>
public sealed class DescriptorRuleTests
{
    private const string Edge = "[Service(\"edge\", {0}, Role = ServiceRole.Ingress, Networks = Network.Frontend)]";

    public static TheoryData<string, string, string> Fires() => new()
    {
        { DiagnosticIds.InvalidValue, App("", "[Service(\"app\", \"example/app:1.2.3\", {|#0:Port = 70000|}, Networks = Network.Frontend)]"),
            "Service 'app': Port 70000 is invalid: ports are 1-65535" },
        { DiagnosticIds.ServiceNotPartial, Usings + "[Service(\"app\", \"example/app:1.2.3\")]\n[Healthcheck(\"/app\")]\npublic class {|#0:App|};\n",
            "Service class 'App' is not partial, so its typed view (URLs, secret names) is not generated" },
        { DiagnosticIds.UnknownGroup, App("[UiHost(\"app\")]\n[{|#0:AllowedGroups(\"admins\")|}]"),
            "Service 'app': group 'admins' is not a member of an enum marked [UserGroups]" },
        { DiagnosticIds.DependencyNotAService, App("[{|#0:DependsOn(typeof(string))|}]"),
            "Service 'app': DependsOn or Uses type 'string' is not a class marked [Service]" },
        { DiagnosticIds.UnsupportedDeclaration, Usings + "public static class Outer\n{\n    [Service(\"app\", \"example/app:1.2.3\")]\n    [Healthcheck(\"/app\")]\n    public partial class {|#0:Inner|};\n}\n",
            "'Inner': a service must be a non-generic top-level class" },
        { DiagnosticIds.UiWithoutSso, App("[UiHost(\"app\", {|#0:Sso = SsoMode.Public|})]"),
            "Service 'app': UI host 'app' is public without a justification; use forward_auth or OIDC, or give Justification" },
        { DiagnosticIds.UiWithoutSso, App("[UiHost(\"app\", {|#0:Sso = SsoMode.Public|}, Justification = \"todo\")]"),
            "Service 'app': UI host 'app' is public without a justification; use forward_auth or OIDC, or give Justification" },
        { DiagnosticIds.ApiWithoutSecondFactor, App("[{|#0:ApiHost|}]"),
            "Service 'app': API host 'api.app' has an IP allowlist but no second factor; set ApiKeySecret, ClientCaFile or ClientCredentials" },
        { DiagnosticIds.AllowlistAdmitsInternet, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { \"10.0.0.0/8\", {|#0:\"0.0.0.0/0\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': the default allowlist of API host 'api.app' contains '0.0.0.0/0', which is not a private or loopback range; set PublicJustification to opt in" },
        { DiagnosticIds.AllowlistAdmitsInternet, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = [{|#0:\"203.0.113.0/24\"|}])]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': the default allowlist of API host 'api.app' contains '203.0.113.0/24', which is not a private or loopback range; set PublicJustification to opt in" },
        { DiagnosticIds.InvalidCidr, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { {|#0:\"10.0.0.300/8\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': '10.0.0.300/8' is not a valid IPv4 or IPv6 CIDR" },
        { DiagnosticIds.IngressMisconfigured, App("", string.Format(Edge, "{|#0:\"nginx:1.27.3\"|}")),
            "Service 'edge': the ingress must be Caddy; 'nginx:1.27.3' is not an image named 'caddy', so if it is a Caddy build (caddy-docker-proxy, xcaddy) declare [CaddyBuild(\"<Caddy version>\")] on the service" },
        { DiagnosticIds.IngressMisconfigured, App("", string.Format(Edge, "{|#0:\"lucaslorentz/caddy-docker-proxy:2.9.1-alpine\"|}")),
            "Service 'edge': the ingress must be Caddy; 'lucaslorentz/caddy-docker-proxy:2.9.1-alpine' is not an image named 'caddy', so if it is a Caddy build (caddy-docker-proxy, xcaddy) declare [CaddyBuild(\"<Caddy version>\")] on the service" },
        { DiagnosticIds.CaddyHeaderForgery, App("[CaddyBuild(\"2.10.0\")]", string.Format(Edge, "{|#0:\"lucaslorentz/caddy-docker-proxy:2.9.1-alpine\"|}")),
            "Service 'edge': Caddy 2.10.0 lets a client forge identity headers that forward_auth copies (GHSA-7r4p-vjf4-gxv4); pin 2.11.2 or later" },
        { DiagnosticIds.InvalidValue, App("[CaddyBuild({|#0:\"latest\"|})]", string.Format(Edge, "\"lucaslorentz/caddy-docker-proxy:2.9.1-alpine\"")),
            "Service 'edge': CaddyVersion 'latest' is invalid: use the Caddy release inside the image, such as '2.10.2'" },
        { DiagnosticIds.InvalidValue, App("[{|#0:CaddyBuild(\"2.11.2\")|}]"),
            "Service 'app': [CaddyBuild] is invalid: only the ingress (Role = ServiceRole.Ingress) declares a Caddy build" },
        { DiagnosticIds.AllowlistAdmitsInternet, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { {|#0:\"10.0.0.0/1\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': the default allowlist of API host 'api.app' contains '10.0.0.0/1', which is not a private or loopback range; set PublicJustification to opt in" },
        { DiagnosticIds.AllowlistAdmitsInternet, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { {|#0:\"192.168.0.0/8\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': the default allowlist of API host 'api.app' contains '192.168.0.0/8', which is not a private or loopback range; set PublicJustification to opt in" },
        { DiagnosticIds.AllowlistAdmitsInternet, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { {|#0:\"100.0.0.0/8\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': the default allowlist of API host 'api.app' contains '100.0.0.0/8', which is not a private or loopback range; set PublicJustification to opt in" },
        { DiagnosticIds.AllowlistAdmitsInternet, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { {|#0:\"8.8.8.8\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': the default allowlist of API host 'api.app' contains '8.8.8.8/32', which is not a private or loopback range; set PublicJustification to opt in" },
        { DiagnosticIds.AllowlistAdmitsInternet, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { {|#0:\"fe80::/9\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': the default allowlist of API host 'api.app' contains 'fe80::/9', which is not a private or loopback range; set PublicJustification to opt in" },
        { DiagnosticIds.InvalidCidr, App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { {|#0:\"10.1\"|} })]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': '10.1' is not a valid IPv4 or IPv6 CIDR" },
        { DiagnosticIds.EmptyCapabilities, App("[Env(\"KFUNCDB_ALLOW_CAPS\", {|#0:\"\"|})]"),
            "Service 'app': an empty KFUNCDB_ALLOW_CAPS allows every capability; list the capabilities the service needs" },
        { DiagnosticIds.EmptyCapabilities, App("[Env(\"TOOLS_ALLOWED_CAPABILITIES\", {|#0:\" \"|})]"),
            "Service 'app': an empty TOOLS_ALLOWED_CAPABILITIES allows every capability; list the capabilities the service needs" },
        { DiagnosticIds.CapabilityAllowlistAsEnv, App("[Env({|#0:\"KFUNCDB_ALLOW_CAPS\"|}, \"host.shell.exec\")]"),
            "Service 'app': 'KFUNCDB_ALLOW_CAPS' is a capability allowlist set with [Env], so its entries are not checked; declare it with [Capabilities(..., Variable = \"KFUNCDB_ALLOW_CAPS\")]" },
        { DiagnosticIds.WritableDockerSocket, App("[DockerSocket({|#0:ReadOnly = false|})]", "[Service(\"socket-proxy\", \"tecnativa/docker-socket-proxy:0.3.0\", Port = 2375, Role = ServiceRole.SocketProxy)]"),
            "Service 'socket-proxy': the docker socket is mounted writable; mount it read-only" },
        { DiagnosticIds.InvalidValue, App("[Justify({|#0:\"DMC9999\"|}, \"A reason long enough.\")]"),
            "Service 'app': [Justify] check 'DMC9999' is invalid: name a Datamancy diagnostic ID such as 'DMC3010'" },
        { DiagnosticIds.InvalidValue, App("[Justify({|#0:\"DMC2003\"|}, \"SMTP must be published.\")]"),
            "Service 'app': [Justify] check 'DMC2003' is invalid: it is an error, which cannot be acknowledged; use the justified form its page describes (docs/diagnostics/DMC2003.md)" },
        { DiagnosticIds.InvalidValue, App("[Justify(\"DMC3007\", {|#0:\"todo\"|})]"),
            "Service 'app': [Justify] reason is invalid: write why the finding is accepted (10 characters or more, one line)" },
        { DiagnosticIds.IngressMisconfigured, App("[Publish(443)]\n[Publish({|#0:8080|})]", string.Format(Edge, "\"caddy:2.11.2\"")),
            "Service 'edge': the ingress publishes only 80/tcp and 443/tcp+udp, not 8080:8080/tcp" },
        { DiagnosticIds.IngressMisconfigured, App("[Publish({|#0:80|}, Protocol = Protocol.Udp)]", string.Format(Edge, "\"caddy:2.11.2\"")),
            "Service 'edge': the ingress publishes only 80/tcp and 443/tcp+udp, not 80:80/udp" },
        { DiagnosticIds.CaddyHeaderForgery, App("", string.Format(Edge, "{|#0:\"caddy:2.10.0\"|}")),
            "Service 'edge': Caddy 2.10.0 lets a client forge identity headers that forward_auth copies (GHSA-7r4p-vjf4-gxv4); pin 2.11.2 or later" },
        { DiagnosticIds.BypassCoversHost, App("[UiHost(\"app\", Bypass = new[] { \"^/webhook/\", {|#0:\"^/.*\"|} })]\n[AllowedGroups(Team.Admins)]") + Team,
            "Service 'app': bypass resource '^/.*' on UI host 'app' is not limited to one path: the first path segment after '^/' must be literal (letters, digits, '_', '~', '-', '\\.'), with no wildcard, class or group before it; it would switch SSO off for '/', '/admin', '/admin?webhook', '/admin/' and 84 more probed requests" },
        { DiagnosticIds.BypassCoversHost, App("[UiHost(\"app\", Bypass = new[] { {|#0:\"^.*webhook\"|} })]\n[AllowedGroups(Team.Admins)]") + Team,
            "Service 'app': bypass resource '^.*webhook' on UI host 'app' is not limited to one path: it must start with '^/' and a literal first path segment (Authelia matches path and query, so an unanchored pattern also matches inside other paths and the query); it would switch SSO off for '/admin?webhook', '/admin?next=/webhook/', '/webhookx', '/webhook-admin' and 28 more probed requests" },
        { DiagnosticIds.BypassIgnored, App("[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"Only OIDC login; local login is disabled.\", Bypass = new[] { {|#0:\"^/webhook/\"|} })]\n[AllowedGroups(Team.Admins)]\n[Secret(\"APP_OIDC_SECRET\")]") + Team,
            "Service 'app': bypass resource '^/webhook/' has no effect on UI host 'app' (app-level OIDC): only forward_auth hosts ask Authelia; remove it" },
        { DiagnosticIds.OidcWithoutAcknowledgement, App("[UiHost(\"app\", {|#0:Sso = SsoMode.Oidc|}, OidcClientSecret = \"APP_OIDC_SECRET\")]\n[AllowedGroups(Team.Admins)]\n[Secret(\"APP_OIDC_SECRET\")]") + Team,
            "Service 'app': UI host 'app' is open at the ingress and only the application asks for the OIDC login (client 'app'); give Justification saying how the app is configured to require it, or use forward_auth" },
        { DiagnosticIds.OidcWithoutAcknowledgement, App("[UiHost(\"app\", {|#0:Sso = SsoMode.Oidc|}, OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"..........\")]\n[AllowedGroups(Team.Admins)]\n[Secret(\"APP_OIDC_SECRET\")]") + Team,
            "Service 'app': UI host 'app' is open at the ingress and only the application asks for the OIDC login (client 'app'); give Justification saying how the app is configured to require it, or use forward_auth" },
        { DiagnosticIds.UiWithoutSso, App("[UiHost(\"app\", {|#0:Sso = SsoMode.Public|}, Justification = \"..........\")]"),
            "Service 'app': UI host 'app' is public without a justification; use forward_auth or OIDC, or give Justification" },
        { DiagnosticIds.UiWithoutSso, App("[UiHost(\"app\", {|#0:Sso = SsoMode.Public|}, Justification = \"n/a n/a n/a n/a\")]"),
            "Service 'app': UI host 'app' is public without a justification; use forward_auth or OIDC, or give Justification" },
        { DiagnosticIds.UiAdmitsEveryUser, App("[{|#0:UiHost(\"app\")|}]"),
            "Service 'app': UI host 'app' admits every authenticated user of the directory; declare [AllowedGroups] to restrict it" },
        { DiagnosticIds.InvalidValue, App("[ApiHost({|#0:ClientCredentials = true|}, ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"),
            "Service 'app': ClientCredentials with ApiKeySecret is invalid: both use the 'Authorization: Bearer' header and Authelia checks every bearer token on a client_credentials host; choose one" },
        { DiagnosticIds.DatabasePublished, App("[Publish({|#0:5432|})]", "[Service(\"db\", \"postgres:16.4\", Role = ServiceRole.Database, Networks = Network.Database)]"),
            "Service 'db': database port 5432 must not be published; reach it by its service name on the database network" },
        { DiagnosticIds.PortPublishedWithoutJustification, App("[Publish({|#0:25|})]"),
            "Service 'app': host port 25 is published but only the ingress publishes ports; give a Justification or route it through Caddy" },
        { DiagnosticIds.DatabaseOnFrontend, App("", "[Service(\"db\", \"postgres:16.4\", Role = ServiceRole.Database, {|#0:Networks = Network.Frontend | Network.Database|})]"),
            "Service 'db': a database must not join the frontend network" },
        { DiagnosticIds.RoutedServiceWithoutPort, App("[{|#0:UiHost(\"app\")|}]", "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Frontend)]"),
            "Service 'app': host 'app' needs the service's Port to route to" },
        { DiagnosticIds.SecretLiteral, App("[Env(\"DB_PASSWORD\", {|#0:\"hunter2\"|})]"),
            "Service 'app': environment variable 'DB_PASSWORD' has a literal value; declare [Secret(\"DB_PASSWORD\")] and put the value in the env file" },
        { DiagnosticIds.SecretLiteral, App("[ApiHost({|#0:ApiKeySecret = \"sk-live0123456789abcdef\"|})]"),
            "Service 'app': ApiKeySecret holds what looks like a secret value instead of a secret name; name the secret (upper-case letters, digits and '_') and put the value in the env file" },
        { DiagnosticIds.EmptyCapabilities, App("[{|#0:Capabilities|}]"),
            "Service 'app': an empty KFUNCDB_ALLOW_CAPS allows every capability; list the capabilities the service needs" },
        { DiagnosticIds.PrivilegedCapability, App("[Capabilities(\"host.shell.read\", {|#0:\"host.shell.exec\"|})]"),
            "Service 'app': capability 'host.shell.exec' can change the host; give a Justification" },
        { DiagnosticIds.WritableDockerSocket, App("[DockerSocket({|#0:ReadOnly = false|})]\n[Capabilities(\"host.docker.inspect\")]"),
            "Service 'app': the docker socket is mounted writable; mount it read-only" },
        { DiagnosticIds.DockerSocketProxy, App("[{|#0:DockerSocket|}]\n[Capabilities(\"host.docker.inspect\")]"),
            "Service 'app': a read-only docker socket does not make the Docker API read-only; consider a socket proxy with an API allowlist" },
        { DiagnosticIds.UnpinnedImage, App("", "[Service(\"app\", {|#0:\"example/app:latest\"|}, Port = 8080, Networks = Network.Frontend)]"),
            "Service 'app': image 'example/app:latest' is not pinned to a version tag or digest" },
        { DiagnosticIds.UnpinnedImage, App("", "[Service(\"app\", {|#0:\"example/app\"|}, Port = 8080, Networks = Network.Frontend)]"),
            "Service 'app': image 'example/app' is not pinned to a version tag or digest" },
        { DiagnosticIds.VolumeWithoutBackup, App("[Volume({|#0:\"app-data\"|}, \"/data\")]"),
            "Service 'app': volume 'app-data' holds persistent data but has no Backup decision" },
        { DiagnosticIds.MissingHealthcheck, Usings + "[{|#0:Service(\"app\", \"example/app:1.2.3\")|}]\npublic partial class App;\n",
            "Service 'app': declare [Healthcheck] so dependents can wait for it and failures are seen" },
        { DiagnosticIds.ElevationWithoutJustification, App("[Elevated({|#0:Elevation.Privileged|})]"),
            "Service 'app': 'privileged: true' is requested without a justification; give Justification (10 characters or more) or remove it" },
        { DiagnosticIds.ElevationWithoutJustification, App("[Elevated({|#0:Elevation.HostNetwork|}, Justification = \" \")]"),
            "Service 'app': 'network_mode: host' is requested without a justification; give Justification (10 characters or more) or remove it" },
        { DiagnosticIds.ElevationWithoutJustification, App("[Elevated({|#0:Elevation.HostPid|})]"),
            "Service 'app': 'pid: host' is requested without a justification; give Justification (10 characters or more) or remove it" },
        { DiagnosticIds.ElevationWithoutJustification, App("[Elevated({|#0:Elevation.HostIpc|})]"),
            "Service 'app': 'ipc: host' is requested without a justification; give Justification (10 characters or more) or remove it" },
        { DiagnosticIds.ElevationWithoutJustification, App("[Elevated({|#0:Elevation.HostUserns|})]"),
            "Service 'app': 'userns_mode: host' is requested without a justification; give Justification (10 characters or more) or remove it" },
        { DiagnosticIds.ElevationWithoutJustification, App("[Elevated({|#0:Elevation.CapAdd|}, \"NET_ADMIN\", \"SYS_TIME\")]"),
            "Service 'app': 'cap_add: [NET_ADMIN, SYS_TIME]' is requested without a justification; give Justification (10 characters or more) or remove it" },
        { DiagnosticIds.ElevationWithoutJustification, App("[Elevated({|#0:Elevation.SeccompUnconfined|})]"),
            "Service 'app': 'security_opt: seccomp:unconfined' is requested without a justification; give Justification (10 characters or more) or remove it" },
        { DiagnosticIds.InvalidValue, App("[Elevated(Elevation.CapAdd, {|#0:\"CAP_NET_ADMIN\"|}, Justification = \"WireGuard configures its interface.\")]"),
            "Service 'app': capability 'CAP_NET_ADMIN' is invalid: use a Linux capability name without the CAP_ prefix, such as 'NET_ADMIN'" },
        { DiagnosticIds.AcmeWithoutEmail, Usings + "[{|#0:Stack(\"s\", \"example.org\")|}]\npublic partial class S;\n",
            "Stack 's': production uses ACME but AcmeEmail is not set" },
        { DiagnosticIds.AcmeStagingInProduction, Usings + "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\", {|#0:AcmeStaging = true|})]\npublic partial class S;\n",
            "Stack 's': production uses Let's Encrypt's staging CA, whose certificates browsers do not trust; remove AcmeStaging before going live" },
        { DiagnosticIds.InvalidValue, Usings + "[Stack(\"s\", {|#0:\"Example\"|}, AcmeEmail = \"ops@example.org\")]\npublic partial class S;\n",
            "Stack 's': domain 'Example' is invalid: use a lower-case DNS name with at least two labels, such as 'example.com'" },
        { DiagnosticIds.InvalidValue, Usings + "[Stack(\"s\", {|#0:\"co.uk\"|}, AcmeEmail = \"ops@example.org\")]\npublic partial class S;\n",
            "Stack 's': domain 'co.uk' is invalid: 'co.uk' is a public suffix (a registry's second level under a country domain): browsers refuse a session cookie for it; use the name you registered under it, such as 'example.co.uk'" },
        { DiagnosticIds.InvalidValue, Usings + "[Stack(\"s\", {|#0:\"duckdns.org\"|}, AcmeEmail = \"ops@example.org\")]\npublic partial class S;\n",
            "Stack 's': domain 'duckdns.org' is invalid: 'duckdns.org' is a shared hosting or dynamic-DNS suffix (a public suffix): the session cookie would be offered to every tenant or refused; use your own name under it, such as 'me.duckdns.org'" },
        { DiagnosticIds.InvalidValue, Usings + "[Stack(\"s\", {|#0:\"192.168.1.10\"|}, AcmeEmail = \"ops@example.org\")]\npublic partial class S;\n",
            "Stack 's': domain '192.168.1.10' is invalid: an IP address cannot hold the stack's hosts or a session cookie for them; use a DNS name you own" },
        { DiagnosticIds.OneFactorDefault, Usings + "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\", {|#0:DefaultPolicy = AuthPolicy.OneFactor|})]\npublic partial class S;\n",
            "Stack 's': the default policy is one_factor, so every UI host without its own Policy needs only a password; use two_factor and lower single hosts where needed" },
        { DiagnosticIds.InvalidValue, Usings + "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\", {|#0:BackupKeepDaily = 0|})]\npublic partial class S;\n",
            "Stack 's': BackupKeepDaily 0 is invalid: use a whole number from 1 to 366" },
        { DiagnosticIds.InvalidValue, Usings + "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\", {|#0:PasswordMaxAgeDays = -5|})]\npublic partial class S;\n",
            "Stack 's': PasswordMaxAgeDays -5 is invalid: use a whole number from 1 to 3650" },
    };

    [Theory]
    [MemberData(nameof(Fires))]
    public async Task Rule_fires_on_the_argument_with_its_message(string id, string source, string message)
    {
        var test = new AnalyzerTest(source);
        test.DisabledDiagnostics.Remove(id);
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.All.Single(d => d.Id == id)).WithLocation(0).WithMessage(message));
        await test.RunAsync();
    }

    [Fact]
    public async Task Docker_socket_without_a_docker_capability_asks_to_remove_it()
    {
        var test = new AnalyzerTest(App("[{|#0:DockerSocket|}]\n[Capabilities(\"host.shell.read\")]"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.UnusedDockerSocket).WithLocation(0)
            .WithMessage("Service 'app': the docker socket is mounted but no host.docker.* capability is declared; remove the socket"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DockerSocketProxy).WithLocation(0).WithArguments("app"));
        await test.RunAsync();
    }

    [Fact]
    public async Task Database_with_a_routed_host_is_a_warning_on_the_host_attribute()
    {
        var test = new AnalyzerTest(App("[{|#0:UiHost(\"db-admin\")|}]", "[Service(\"db\", \"postgres:16.4\", Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.DatabaseHasHost).WithLocation(0)
            .WithMessage("Service 'db': a database is routed through the ingress as 'db-admin'; put an admin UI in its own service"));
        await test.RunAsync();
    }

    [Fact]
    public async Task A_secret_value_in_a_secret_argument_is_not_repeated_in_the_message()
    {
        var test = new AnalyzerTest(App("[ApiHost({|#0:ApiKeySecret = \"sk-live0123456789abcdef\"|})]"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(Descriptors.SecretLiteral).WithLocation(0)
            .WithArguments("app", "ApiKeySecret holds what looks like a secret value instead of a secret name", "name the secret (upper-case letters, digits and '_') and put the value in the env file"));
        await test.RunAsync();
        Assert.DoesNotContain("sk-live", string.Join("|", test.ExpectedDiagnostics.Single().MessageArguments!));
    }

    public static TheoryData<string> Clean() => new()
    {
        App(""),
        App("[UiHost(\"app\")]\n[AllowedGroups(Team.Admins)]") + Team,
        App("[UiHost(\"status\", Sso = SsoMode.Public, Justification = \"Public status page without login by design.\")]"),
        App("[UiHost(\"app\", Bypass = new[] { \"^/webhook/\", \"^/api/health$\", \"^/hooks/(github|gitlab)/[0-9a-f]{8,64}$\" })]\n[AllowedGroups(Team.Admins)]") + Team,
        App("[UiHost(\"app\", Sso = SsoMode.Oidc, OidcClientSecret = \"APP_OIDC_SECRET\", Justification = \"Only OIDC login; local login and sign-up are disabled.\")]\n[AllowedGroups(Team.Admins)]\n[Secret(\"APP_OIDC_SECRET\")]") + Team,
        App("[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]"),
        App("[ApiHost(ClientCredentials = true, DefaultAllowlist = new[] { \"10.8.0.0/24\", \"fd00:1::/64\" })]"),
        App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { \"0.0.0.0/0\" }, PublicJustification = \"Webhook senders come from anywhere; the key is checked.\")]\n[Secret(\"APP_KEY\")]"),
        App("[Publish(25, Justification = \"SMTP is not HTTP and cannot go through Caddy.\")]"),
        App("[Publish(80)]\n[Publish(443)]\n[Publish(443, Protocol = Protocol.Udp)]", string.Format(Edge, "\"caddy:2.11.2\"")),
        App("", "[Service(\"db\", \"postgres:16.4\", Role = ServiceRole.Database, Networks = Network.Database | Network.Backend)]"),
        App("[Env(\"DB_PASSWORD\", \"${DB_PASSWORD}\")]\n[Secret(\"DB_PASSWORD\")]"),
        App("[Env(\"SSH_PUBLIC_KEY\", \"ssh-ed25519 AAAAC3Nza\")]\n[Env(\"LOG_LEVEL\", \"info\")]"),
        App("[Capabilities(\"host.shell.read\", \"host.docker.inspect\")]"),
        App("[Capabilities(\"host.shell.exec\", Justification = \"Runs the nightly maintenance scripts.\")]"),
        App("[Volume(\"app-data\", \"/data\", Backup = Backup.Daily)]\n[Volume(\"./config\", \"/config\", ReadOnly = true)]"),
        App("", "[Service(\"app\", \"example/app@sha256:" + new string('a', 64) + "\", Port = 8080, Networks = Network.Frontend)]"),
        App("[Elevated(Elevation.Privileged, Justification = \"Nested container runtime for CI jobs.\")]"),
        App("[Elevated(Elevation.HostNetwork, Justification = \"mDNS discovery needs the host network.\")]"),
        App("[Elevated(Elevation.HostPid, Justification = \"The process monitor lists host processes.\")]\n[Elevated(Elevation.HostIpc, Justification = \"Shares memory with the host's GPU daemon.\")]"),
        App("[Elevated(Elevation.HostUserns, Justification = \"Bind-mounted files keep their host owners.\")]"),
        App("[Elevated(Elevation.CapAdd, \"NET_ADMIN\", Justification = \"WireGuard configures its interface.\")]"),
        App("[Elevated(Elevation.SeccompUnconfined, Justification = \"The sandbox installs its own seccomp filter.\")]"),
        Usings + "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\")]\npublic partial class S;\n",
        Usings + "[Stack(\"s\", \"example.co.uk\", AcmeEmail = \"ops@example.org\")]\npublic partial class S;\n",
        Usings + "[Stack(\"s\", \"me.duckdns.org\", AcmeEmail = \"ops@example.org\", DefaultPolicy = AuthPolicy.TwoFactor)]\npublic partial class S;\n",
        // Caddy builds that are not named 'caddy' declare themselves, with the Caddy version inside.
        App("[CaddyBuild(\"2.11.2\")]", string.Format(Edge, "\"lucaslorentz/caddy-docker-proxy:2.9.1-alpine\"")),
        App("[CaddyBuild(\"v2.11.2\")]", string.Format(Edge, "\"ghcr.io/example/caddy-cloudflare:2.11.2-1\"")),
        App("", string.Format(Edge, "\"caddy:2.11.2-alpine\"")),
        // CGNAT, link-local, bare addresses and Caddy's private_ranges are not the internet.
        App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { \"100.64.0.0/10\", \"100.100.1.0/24\", \"169.254.0.0/16\", \"fe80::/10\", \"fe80::1:2/64\" })]\n[Secret(\"APP_KEY\")]"),
        App("[ApiHost(ApiKeySecret = \"APP_KEY\", DefaultAllowlist = new[] { \"::1\", \"10.1.2.3\", \"fd00::10\", \"private_ranges\" })]\n[Secret(\"APP_KEY\")]"),
        // The socket proxy holds the socket: it is not told to use a socket proxy, and needs no host.docker.* capability.
        App("[DockerSocket]", "[Service(\"socket-proxy\", \"tecnativa/docker-socket-proxy:0.3.0\", Port = 2375, Role = ServiceRole.SocketProxy)]"),
        // A capability allowlist through [Capabilities], and variables that only look similar.
        App("[Capabilities(\"host.shell.read\", Variable = \"TOOLS_ALLOWED_CAPABILITIES\")]\n[Env(\"ALLOW_CAPTCHA\", \"\")]"),
        // Warnings acknowledged in C# with a reason.
        App("[Justify(\"DMC3007\", \"The vendor publishes only a rolling tag.\")]", "[Service(\"app\", \"example/app:latest\", Port = 8080, Networks = Network.Frontend)]"),
        App("[Justify(\"DMC3006\", \"Read-only inspection; a proxy is planned.\")]\n[DockerSocket]\n[Capabilities(\"host.docker.inspect\")]"),
        Usings + "[Stack(\"s\", \"example.org\", AcmeEmail = \"ops@example.org\", AcmeStaging = true)]\n[Justify(\"DMC4003\", \"A staging rehearsal of the production stack.\")]\npublic partial class S;\n",
    };

    private const string Team = "[UserGroups] public enum Team { Admins }\n";

    [Theory]
    [MemberData(nameof(Clean))]
    public async Task Compliant_or_justified_descriptor_is_clean(string source) => await new AnalyzerTest(source).RunAsync();
}
