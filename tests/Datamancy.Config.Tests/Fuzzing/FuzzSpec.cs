using CsCheck;
using Microsoft.CodeAnalysis.CSharp;

namespace Datamancy.Config.Tests.Fuzzing;

public sealed record FuzzEnv(string Name, string Value);

public sealed record FuzzUi(string Subdomain, int Sso, string? Justification, string[] Bypass);

public sealed record FuzzApi(string? Subdomain, string[]? Allowlist, string? KeySecret);

public sealed record FuzzVolume(string Source, string Target);

/// <summary>One random service: every string may be hostile.</summary>
public sealed record FuzzService(string Name, string Image, int Port, int Networks, bool Database, FuzzUi? Ui, FuzzApi? Api,
    FuzzEnv[] Env, string[] Secrets, FuzzVolume[] Volumes, string[] Health, int[] Publish);

/// <summary>A random stack: a fixed, valid core (ingress, SSO, directory) plus random services and a random domain.</summary>
public sealed record FuzzStack(string Domain, FuzzService[] Services)
{
    public string ToSource()
    {
        var b = new System.Text.StringBuilder("using Datamancy.Config;\nnamespace Fuzz;\n");
        b.Append("[Stack(\"fuzz\", ").Append(L(Domain)).Append(", AcmeEmail = \"ops@example.com\")] public partial class FuzzStackRoot;\n");
        b.Append(TestStacks.Ingress).Append('\n').Append(TestStacks.Sso).Append('\n');
        for (var i = 0; i < Services.Length; i++)
        {
            var s = Services[i];
            b.Append("[Service(").Append(L(s.Name)).Append(", ").Append(L(s.Image)).Append(", Port = ").Append(s.Port)
             .Append(", Networks = (Network)").Append(s.Networks).Append(s.Database ? ", Role = ServiceRole.Database" : "").Append(")]\n");
            if (s.Ui is { } ui)
            {
                b.Append("[UiHost(").Append(L(ui.Subdomain)).Append(", Sso = (SsoMode)").Append(ui.Sso);
                if (ui.Justification is not null) b.Append(", Justification = ").Append(L(ui.Justification));
                if (ui.Bypass.Length > 0) b.Append(", Bypass = new[] { ").Append(string.Join(", ", ui.Bypass.Select(L))).Append(" }");
                b.Append(")]\n");
            }
            if (s.Api is { } api)
            {
                var args = new List<string>();
                if (api.Subdomain is not null) args.Add("Subdomain = " + L(api.Subdomain));
                if (api.Allowlist is not null) args.Add("DefaultAllowlist = new string[] { " + string.Join(", ", api.Allowlist.Select(L)) + " }");
                if (api.KeySecret is not null) args.Add("ApiKeySecret = " + L(api.KeySecret));
                b.Append("[ApiHost(").Append(string.Join(", ", args)).Append(")]\n");
            }
            foreach (var e in s.Env) b.Append("[Env(").Append(L(e.Name)).Append(", ").Append(L(e.Value)).Append(")]\n");
            foreach (var secret in s.Secrets.Distinct()) b.Append("[Secret(").Append(L(secret)).Append(")]\n");
            foreach (var v in s.Volumes) b.Append("[Volume(").Append(L(v.Source)).Append(", ").Append(L(v.Target)).Append(", Backup = Backup.Daily)]\n");
            foreach (var p in s.Publish) b.Append("[Publish(").Append(p).Append(", Justification = \"Fuzzed exception, justified.\")]\n");
            b.Append("[Healthcheck(").Append(string.Join(", ", s.Health.Select(L))).Append(")]\n");
            b.Append("public partial class S").Append(i).Append(";\n");
        }
        return b.ToString();
    }

    private static string L(string value) => SymbolDisplay.FormatLiteral(value, quote: true);
}

/// <summary>Generators of descriptor values: mostly valid, often hostile (<see cref="Hostile"/>) or rarely (<see cref="Clean"/>).</summary>
public sealed class FuzzGen
{
    private readonly int _validWeight;

    private FuzzGen(int validWeight)
    {
        _validWeight = validWeight;
        Name = Mix(Gen.OneOf("app", "web-1", "db_x", "svc", "a1", "tool", "n8n"));
        Image = Mix(Gen.OneOf("nginx:1.27.3", "ghcr.io/o/r:v1.0", "registry:5000/a/b:1", "r@sha256:" + new string('a', 64), "alpine:latest", "busybox"));
        EnvName = Mix(Gen.OneOf("LOG_LEVEL", "MODE", "A_B", "X1", "URL"));
        EnvValue = Gen.Frequency((_validWeight, Gen.OneOf("info", "https://x.{stack.domain}/a", "a$b", "50%", "x=y", "{{ not a template }}", "#hash", "yes", "0755")), (2, Gen.OneOf(HostileValues)), (1, Gen.String));
        SecretName = Mix(Gen.OneOf("DB_PASSWORD", "API_KEY", "TOKEN_X"));
        Cidr = Mix(Gen.OneOf("10.0.0.0/8", "192.168.1.0/24", "127.0.0.1/32", "fd00::/8"));
        Text = Mix(Gen.OneOf("A public page by design.", "Status page, read-only and public."));
        Arg = Mix(Gen.OneOf("curl", "-fsS", "http://127.0.0.1:80/", "--quiet", "$HOME", "a b"));
        Path = Mix(Gen.OneOf("/data", "/var/lib/x", "/app/config.yml"));
        Source = Mix(Gen.OneOf("vol-a", "vol-b", "./conf/app.yml", "./data"));
        Domain = Mix(Gen.OneOf("example.com", "corp.example.org", "a.b.c"));
        Label = Mix(Gen.OneOf("app", "web", "svc-1", "a", "x9", "chat", "api.x", "deep.sub.label"));
        Ui = Gen.Frequency(
            (1, Gen.Const<FuzzUi?>(default(FuzzUi?))),
            (2, Gen.Select(Label, Gen.Int[0, 2], Gen.Frequency((1, Gen.Const<string?>(default(string?))), (2, Text.Select(t => (string?)t))),
                Gen.Frequency((3, Gen.Const(Array.Empty<string>())), (1, Mix(Gen.OneOf("^/webhook/", "^/hooks/.*$", "^/api/v1/(status|health)$", "^/\\.well-known/")).Array[1, 2])),
                (s, m, j, b) => (FuzzUi?)new FuzzUi(s, m, j, b))));
        Api = Gen.Frequency(
            (2, Gen.Const<FuzzApi?>(default(FuzzApi?))),
            (1, Gen.Select(Gen.Frequency((2, Gen.Const<string?>(default(string?))), (1, Label.Select(l => (string?)l))),
                Gen.Frequency((2, Gen.Const<string[]?>(default(string[]?))), (1, Cidr.Array[1, 3].Select(a => (string[]?)a))),
                Gen.Frequency((1, Gen.Const<string?>(default(string?))), (6, SecretName.Select(n => (string?)n))),
                (s, a, k) => (FuzzApi?)new FuzzApi(s, a, k))));
        var port = Gen.Frequency((_validWeight, Gen.Int[1, 65535]), (1, Gen.OneOf(0, -1, 65536, 70000)));
        Service = Gen.Select(
            Name, Image, port, Gen.Int[1, 3].Select(n => n == 3 ? 3 : 1 | n), Gen.Int[0, 5].Select(r => r == 0), Ui, Api,
            Gen.Select(EnvName, EnvValue, (n, v) => new FuzzEnv(n, v)).Array[0, 3],
            SecretName.Array[0, 2],
            Gen.Select(Source, Path, (s, t) => new FuzzVolume(s, t)).Array[0, 2],
            Arg.Array[1, 4],
            Gen.Frequency((9, Gen.Const(Array.Empty<int>())), (1, Gen.Int[1024, 65535].Array[1, 1])),
            (name, image, p, networks, database, ui, api, env, secrets, volumes, health, publish) =>
                new FuzzService(name, image, p, database && validWeight > 10 ? 4 : networks, database, ui, api, env, secrets, volumes, health, publish));
        Stack = Gen.Select(Domain, Service.Array[1, 5], (d, s) => new FuzzStack(d, s));
    }

    public Gen<string> Name { get; }
    public Gen<string> Image { get; }
    public Gen<string> EnvName { get; }
    public Gen<string> EnvValue { get; }
    public Gen<string> SecretName { get; }
    public Gen<string> Cidr { get; }
    public Gen<string> Text { get; }
    public Gen<string> Arg { get; }
    public Gen<string> Path { get; }
    public Gen<string> Source { get; }
    public Gen<string> Domain { get; }
    public Gen<string> Label { get; }
    public Gen<FuzzUi?> Ui { get; }
    public Gen<FuzzApi?> Api { get; }
    public Gen<FuzzService> Service { get; }
    public Gen<FuzzStack> Stack { get; }

    public static readonly string[] HostileValues =
    {
        "", " ", "\n", "a\nb", "a\r\nb", "{", "}", "#", "\"", "'", "`", "\\", "a b", "{$HOME}", "{$X:y}", "${HOME}", "$HOME", "$$", "$",
        "yes", "no", "on", "off", "true", "null", "~", "0755", "1e3", "*a", "&a", "!a", "%a", "@a", "- a", ": a", "a: b", "[a]", "{a: b}",
        "{{ env \"X\" }}", "{{", "}}", "\u202e", "\u200b", "\u2028", "a\u0000b", "\ud800", "\u00e9t\u00e9", "\u4e2d\u6587", "..", "../x", "/etc",
        "./../x", "0.0.0.0/0", "::/0", "10.0.0.0/33", "10.0.0/8", "fe80::1%eth0/64", "{stack.domain}", "{stack.nope}", "import x", "route {",
        new string('a', 300), "LATEST", "x:latest", "UPPER", "-lead", "trail-", "a..b", "a.-b", "xn--80ak6aa92e",
        "app\n", "example.com\n", "/data\r\n", "30s\u2028", "API_KEY\u0085", "^/webhook/\n", "10.0.0.0/8\n", "ops@example.com\u2029",
        "co.uk", "github.io", "10.0.0.1", "^/.+", "^/[^h]", "^.*webhook", "^/webhook", "(?>a)", "^/\\p{IsGreek}/", "^/a/(?=b)",
    };

    /// <summary>Issue #11.6: appended to a valid value, so the value passes every check up to its last character.</summary>
    public static readonly string[] LineBreakSuffixes = { "\n", "\r\n", "\u2028", "\r", "\u0085", "\u2029" };

    private Gen<string> Mix(Gen<string> valid) => Gen.Frequency(
        (_validWeight, valid), (1, Gen.OneOf(HostileValues)), (1, Gen.String),
        (1, Gen.Select(valid, Gen.OneOf(LineBreakSuffixes), (v, suffix) => v + suffix)));

    // After HostileValues: static fields initialise in textual order.
    public static readonly FuzzGen Hostile = new(6);
    public static readonly FuzzGen Clean = new(200);
}
