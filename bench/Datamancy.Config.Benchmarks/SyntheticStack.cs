using System.Globalization;
using System.Text;

namespace Datamancy.Config.Benchmarks;

/// <summary>
/// A valid stack of <c>n</c> services written as C# source in memory: the four core services
/// (Caddy, Authelia, LDAP, Redis) plus a repeating mix of UI hosts, API hosts, databases with
/// volumes and secrets, OIDC clients, workers and UI+API services, ten services per file as a
/// project would split them. Every value passes validation, so every artifact is rendered.
/// </summary>
public sealed class SyntheticStack
{
    /// <summary>Services per source file.</summary>
    public const int ServicesPerFile = 10;

    /// <summary>The method body the unrelated edit toggles.</summary>
    public const string UnrelatedBody = "=> 42;";

    /// <summary>The other value of <see cref="UnrelatedBody"/>.</summary>
    public const string UnrelatedBodyEdited = "=> 43;";

    private const int CoreServices = 4;

    private SyntheticStack(int services, IReadOnlyList<(string Path, string Text)> files, string editedFile, string descriptorImage, string descriptorHead)
    {
        Services = services;
        Files = files;
        EditedFile = editedFile;
        DescriptorImage = descriptorImage;
        DescriptorHead = descriptorHead;
    }

    /// <summary>How many services the stack declares (core services included).</summary>
    public int Services { get; }

    /// <summary>The source files: the stack, the service files and one file of unrelated code.</summary>
    public IReadOnlyList<(string Path, string Text)> Files { get; }

    /// <summary>The file holding the descriptor the one-descriptor edit changes.</summary>
    public string EditedFile { get; }

    /// <summary>The image argument (with quotes) of that descriptor; the edit bumps its tag.</summary>
    public string DescriptorImage { get; }

    /// <summary>The same image with another tag: the one-descriptor edit.</summary>
    public string DescriptorImageEdited => DescriptorImage.Replace(":1.", ":2.", StringComparison.Ordinal);

    /// <summary>That descriptor's <c>[Service(name, image, Port = </c>: the port edit prefixes its port with a 1.</summary>
    public string DescriptorHead { get; }

    /// <summary>The same head with the port prefixed by 1 (8080 → 18080): an edit of a field the stack-level texts read.</summary>
    public string DescriptorHeadEdited => DescriptorHead + "1";

    /// <summary>The file of unrelated code the unrelated edit changes.</summary>
    public const string UnrelatedFile = "Unrelated.cs";

    /// <summary>The text of <see cref="UnrelatedFile"/>.</summary>
    public const string UnrelatedSource = "namespace Other;\n\npublic static class Helper\n{\n    public static int Answer() " + UnrelatedBody + "\n\n    public static string Note() => " + UnrelatedString + ";\n}\n";

    /// <summary>A string literal in <see cref="UnrelatedFile"/> that the typing case types into.</summary>
    public const string UnrelatedString = "\"note\"";

    /// <summary>Writes a stack of <paramref name="services"/> services (at least the four core ones).</summary>
    public static SyntheticStack Create(int services)
    {
        if (services < CoreServices + 1)
        {
            throw new ArgumentOutOfRangeException(nameof(services), "at least " + (CoreServices + 1) + " services");
        }
        var files = new List<(string, string)> { ("Stack.cs", StackFile()) };
        var apps = services - CoreServices;
        var edited = CoreServices + apps / 2;
        string? editedFile = null;
        string? editedImage = null;
        string? editedHead = null;
        for (var first = CoreServices; first < services; first += ServicesPerFile)
        {
            var path = "Services" + (first / ServicesPerFile).ToString("D4", CultureInfo.InvariantCulture) + ".cs";
            var text = new StringBuilder(Header);
            for (var i = first; i < Math.Min(first + ServicesPerFile, services); i++)
            {
                text.Append(App(i));
                if (i == edited)
                {
                    editedFile = path;
                    editedImage = Quoted(Image(i));
                    editedHead = "[Service(" + Quoted(Name(i)) + ", " + editedImage + ", Port = ";
                }
            }
            files.Add((path, text.ToString()));
        }
        files.Add((UnrelatedFile, UnrelatedSource));
        return new SyntheticStack(services, files, editedFile!, editedImage!, editedHead!);
    }

    private const string Header = "using Datamancy.Config;\n\nnamespace Synthetic;\n";

    private static string StackFile() => Header + """

        [Stack("synthetic", "bench.example.com", AcmeEmail = "ops@bench.example.com", Networking = NetworkLayout.PerLink)]
        public static partial class SyntheticStackRoot;

        [UserGroups]
        public enum Group { Admins, Users, Analysts }

        [Service("caddy", "caddy:2.11.2-alpine", Role = ServiceRole.Ingress, Networks = Network.Frontend, Profile = Profile.Bootstrap)]
        [Publish(80)]
        [Publish(443)]
        [Publish(443, Protocol = Protocol.Udp)]
        [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:2019/config/")]
        public static partial class Caddy;

        [Service("authelia", "authelia/authelia:4.39.13", Port = 9091, Role = ServiceRole.Sso, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
        [Healthcheck("/app/healthcheck.sh")]
        [DependsOn(typeof(Redis))]
        [DependsOn(typeof(OpenLdap))]
        public static partial class Authelia;

        [Service("openldap", "osixia/openldap:1.5.0", Port = 389, Role = ServiceRole.Directory, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Env("LDAP_DOMAIN", "{stack.domain}")]
        [Secret("LDAP_ADMIN_PASSWORD")]
        [Volume("openldap-data", "/var/lib/ldap", Backup = Backup.Daily)]
        [Healthcheck("ldapsearch", "-x")]
        public static partial class OpenLdap;

        [Service("redis", "redis:7.4.1-alpine", Port = 6379, Role = ServiceRole.Cache, Networks = Network.Backend, Profile = Profile.Bootstrap)]
        [Volume("redis-data", "/data", Backup = Backup.Never)]
        [Healthcheck("redis-cli", "ping")]
        public static partial class Redis;

        """;

    private static string N(int i) => i.ToString(CultureInfo.InvariantCulture);

    private static string Quoted(string text) => "\"" + text + "\"";

    private static string Kind(int i) => ((i - CoreServices) % 6) switch
    {
        0 => "ui",
        1 => "api",
        2 => "db",
        3 => "oidc",
        4 => "worker",
        _ => "gateway",
    };

    private static string Name(int i) => Kind(i) + "-" + N(i);

    private static string Image(int i) => "registry.example.com/team/" + Kind(i) + "-app:1." + N(i % 10) + ".0";

    private static string Env(int i) => "SVC" + N(i);

    /// <summary>The nearest database declared before service <paramref name="i"/>, if any.</summary>
    private static int? DatabaseBefore(int i)
    {
        for (var j = i - 1; j >= CoreServices; j--)
        {
            if (Kind(j) == "db")
            {
                return j;
            }
        }
        return null;
    }

    private static string App(int i)
    {
        var name = Name(i);
        var image = Quoted(Image(i));
        var env = Env(i);
        var db = DatabaseBefore(i);
        var dependsOnDb = db is { } d ? "[DependsOn(typeof(Svc" + N(d) + "))]\n" : string.Empty;
        var body = Kind(i) switch
        {
            "ui" => $$"""
                [Service("{{name}}", {{image}}, Port = 8080, Networks = Network.Frontend | Network.Backend)]
                [UiHost("{{name}}")]
                [AllowedGroups(Group.Users, Group.Admins)]
                [Env("APP_URL", "https://{{name}}.{stack.domain}")]
                [Env("LOG_LEVEL", "info")]
                [Volume("{{name}}-data", "/var/lib/app", Backup = Backup.Daily)]
                [Healthcheck("curl", "-fsS", "http://127.0.0.1:8080/health")]
                [Resources(Memory = "1g", Cpus = "1.0", Pids = 512)]

                """,
            "api" => $$"""
                [Service("{{name}}", {{image}}, Port = 9000, Networks = Network.Frontend | Network.Backend)]
                [ApiHost(ApiKeySecret = "{{env}}_API_KEY")]
                [Secret("{{env}}_API_KEY")]
                [Env("API_KEY", "${{{env}}_API_KEY}")]
                [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:9000/healthz")]

                """,
            "db" => $$"""
                [Service("{{name}}", {{image}}, Port = 5432, Role = ServiceRole.Database, Networks = Network.Database)]
                [Secret("{{env}}_DB_PASSWORD", As = "POSTGRES_PASSWORD")]
                [Volume("{{name}}-data", "/var/lib/postgresql/data", Backup = Backup.Daily)]
                [Healthcheck("pg_isready", "-U", "postgres")]
                [Resources(Memory = "2g", Cpus = "2.0", Pids = 1024)]

                """,
            "oidc" => $$"""
                [Service("{{name}}", {{image}}, Port = 3000, Networks = Network.Frontend | Network.Database)]
                [UiHost("{{name}}", Sso = SsoMode.Oidc, OidcCallbackPath = "/login/generic_oauth", OidcClientSecret = "{{env}}_OIDC_SECRET",
                    Justification = "The app signs users in only through Authelia OIDC; its local login is off.")]
                [AllowedGroups(Group.Analysts)]
                [Secret("{{env}}_OIDC_SECRET", As = "OAUTH_CLIENT_SECRET")]
                [Env("OAUTH_AUTH_URL", "{stack.portal_url}/api/oidc/authorization")]
                [Env("OAUTH_CLIENT_ID", "{{name}}")]
                [Volume("{{name}}-data", "/var/lib/app", Backup = Backup.Weekly)]
                [Healthcheck("wget", "-q", "--spider", "http://127.0.0.1:3000/api/health")]
                {{dependsOnDb}}
                """,
            "worker" => $$"""
                [Service("{{name}}", {{image}}, Port = 7000, Networks = Network.Backend | Network.Database)]
                [Secret("{{env}}_QUEUE_TOKEN")]
                [Env("QUEUE_URL", "redis://redis:6379/0")]
                [Env("BASE_DN", "{stack.base_dn}")]
                [Volume("{{name}}-cache", "/cache", Backup = Backup.Never)]
                [Healthcheck("/app/healthcheck")]
                [DependsOn(typeof(Redis), Condition = DependencyCondition.Started)]
                {{dependsOnDb}}
                """,
            _ => $$"""
                [Service("{{name}}", {{image}}, Port = 4000, Networks = Network.Frontend | Network.Backend, Profile = Profile.Bootstrap)]
                [UiHost("{{name}}")]
                [AllowedGroups(Group.Admins)]
                [ApiHost(ApiKeySecret = "{{env}}_MASTER_KEY", DefaultAllowlist = new[] { "10.8.0.0/24", "fd00:1::/64" })]
                [Secret("{{env}}_MASTER_KEY")]
                [Healthcheck("curl", "-fsS", "http://127.0.0.1:4000/health")]

                """,
        };
        return "\n" + body + "public static partial class Svc" + N(i) + ";\n";
    }
}
