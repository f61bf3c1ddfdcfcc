using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The rules on one service's real-stack keys (env files, builds, profiles, jobs, settings, network keys, runtime keys,
/// mounts): each refusal word for word, at the exact place in the attributes it is about, and the well-formed or
/// justified form of each key without a finding.
/// </summary>
public sealed class ExtrasRuleGuardTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend)]\n";

    private static readonly string[] RuleIds = { "DMC0001", "DMC3001", "DMC3007", "DMC3011" };

    /// <summary>Attributes of the service 'app', the finding's ID, its whole message, the text it underlines and which occurrence of that text in the attributes.</summary>
    public static TheoryData<string, string, string, string, int> Refusals() => new()
    {
        { App + "[EnvFile(\"./app.env/\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': env file './app.env/' is invalid: use a file inside the stack folder starting with './'", "\"./app.env/\"", 1 },
        { App + "[EnvFile(\"./app.env\", Justification = \"Reads one\\nenv file.\")]", "DMC0001", "Service 'app': Justification is invalid: control, line-break and invisible characters are not allowed", "Justification = \"Reads one\\nenv file.\"", 1 },
        { App + "[EnvFile(\"./app.env\")]", "DMC3011", "Service 'app': 'env_file: ./app.env' is requested without a justification; give Justification (10 characters or more) or remove it", "\"./app.env\"", 1 },
        { App + "[Resources(NoLimit = true, Memory = \"1g\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': NoLimit is invalid: it cannot be combined with Memory or Cpus", "NoLimit = true", 1 },
        { App + "[Resources(NoLimit = true, Cpus = \"1.5\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': NoLimit is invalid: it cannot be combined with Memory or Cpus", "NoLimit = true", 1 },
        { App + "[Resources(NoLimit = true)]", "DMC3011", "Service 'app': 'no memory and CPU limit' is requested without a justification; give Justification (10 characters or more) or remove it", "NoLimit = true", 1 },
        { App + "[Resources(NoLimit = true, Justification = \"The model needs\\tall memory.\")]", "DMC0001", "Service 'app': Justification is invalid: control, line-break and invisible characters are not allowed", "Justification = \"The model needs\\tall memory.\"", 1 },
        { App + "[Build(\"../outside\")]", "DMC0001", "Service 'app': build context '../outside' is invalid: use a folder inside the stack folder starting with './'", "\"../outside\"", 1 },
        { App + "[Build(\"./app\", Dockerfile = \"/etc/Dockerfile\")]", "DMC0001", "Service 'app': Dockerfile '/etc/Dockerfile' is invalid: use a file path relative to the context", "Dockerfile = \"/etc/Dockerfile\"", 1 },
        { App + "[Build(\"./app\", Target = \"-stage\")]", "DMC0001", "Service 'app': Target '-stage' is invalid: use a stage name of letters, digits, '_', '.' and '-'", "Target = \"-stage\"", 1 },
        { App + "[Build(\"./app\", Args = new[] { \"VERSION=1\", \"no-equals\" })]", "DMC0001", "Service 'app': build argument 1 is invalid: write NAME=value on one line", "\"no-equals\"", 1 },
        { App + "[Build(\"./app\", Args = new[] { \"VERSION=1\\n\" })]", "DMC0001", "Service 'app': build argument 0 is invalid: write NAME=value on one line", "\"VERSION=1\\n\"", 1 },
        { App + "[Build(\"./app\", Args = new[] { \"VERSION=1\", \"NPM_TOKEN=abc123\" })]", "DMC3001", "Service 'app': build argument 'NPM_TOKEN' has a literal value that stays in the image's history; pass secrets at run time with [Secret]", "\"NPM_TOKEN=abc123\"", 1 },
        { App + "[Build(\"./app\", BaseImage = \"Python 3\")]", "DMC0001", "Service 'app': base image 'Python 3' is invalid: expected an OCI reference such as 'python:3.12.7-slim'", "BaseImage = \"Python 3\"", 1 },
        { App + "[Build(\"./app\", BaseImage = \"python:latest\")]", "DMC3007", "Service 'app': image 'python:latest' is not pinned to a version tag or digest", "BaseImage = \"python:latest\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Profiles = new[] { \"db\", \"Databases\" })]", "DMC0001", "Service 'app': profile 'Databases' is invalid: use a lower-case name such as 'databases' other than 'bootstrap' and 'full' (use Profile for those)", "\"Databases\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Profiles = new[] { \"full\" })]", "DMC0001", "Service 'app': profile 'full' is invalid: use a lower-case name such as 'databases' other than 'bootstrap' and 'full' (use Profile for those)", "\"full\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Profiles = new[] { \"bootstrap\" })]", "DMC0001", "Service 'app': profile 'bootstrap' is invalid: use a lower-case name such as 'databases' other than 'bootstrap' and 'full' (use Profile for those)", "\"bootstrap\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Profiles = new[] { \"db\", \"mail\", \"db\" })]", "DMC0001", "Service 'app': profile 'db' is invalid: it is listed twice", "\"db\"", 2 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Profile = Profile.Bootstrap, Profiles = new[] { \"db\" })]", "DMC0001", "Service 'app': profile 'db' is invalid: a bootstrap service already starts in every profile", "\"db\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Role = ServiceRole.Cache)]\n[Job]", "DMC0001", "Service 'app': [Job] is invalid: a one-shot job has the App role; the Cache must keep running", "Job", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n[UiHost(\"app\")]\n[Job]", "DMC0001", "Service 'app': [Job] is invalid: a one-shot job is not routed and publishes no port", "Job", 1 },
        { App + "[Publish(2525, Justification = \"Mail relay for the printers.\")]\n[Job]", "DMC0001", "Service 'app': [Job] is invalid: a one-shot job is not routed and publishes no port", "Job", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Port = 8080, Networks = Network.Frontend)]\n[ApiHost(ApiKeySecret = \"APP_KEY\")]\n[Secret(\"APP_KEY\")]\n[Job]", "DMC0001", "Service 'app': [Job] is invalid: a one-shot job is not routed and publishes no port", "Job", 1 },
        { App + "[Setting(\"app_mode\", \"x\")]", "DMC0001", "Service 'app': setting name 'app_mode' is invalid: use upper-case letters, digits and '_'", "\"app_mode\"", 1 },
        { App + "[Setting(\"APP_MODE\", \"x\", As = \"9MODE\")]", "DMC0001", "Service 'app': variable name '9MODE' is invalid: use letters, digits and '_', not starting with a digit", "As = \"9MODE\"", 1 },
        { App + "[Setting(\"APP_SECRET\", \"changeme\")]", "DMC3001", "Service 'app': setting 'APP_SECRET' names a secret, whose default would be written in code; declare [Secret(\"APP_SECRET\")] (Optional = true if the service starts without it)", "\"APP_SECRET\"", 1 },
        { App + "[Setting(\"APP_HOSTS\", \"a}b\")]", "DMC0001", "Service 'app': the default of 'APP_HOSTS' is invalid: one line without '}' (compose ends the default there)", "\"a}b\"", 1 },
        { App + "[Setting(\"APP_HOSTS\", \"a\\nb\")]", "DMC0001", "Service 'app': the default of 'APP_HOSTS' is invalid: one line without '}' (compose ends the default there)", "\"a\\nb\"", 1 },
        { App + "[Setting(\"APP_HOSTS\", \"{stack.nope}\")]", "DMC0001", "Service 'app': the default of 'APP_HOSTS' is invalid: '{stack.nope}' is not a stack token", "\"{stack.nope}\"", 1 },
        { App + "[Setting(\"APP_MODE\", \"x\", Description = \"two\\nlines\")]", "DMC0001", "Service 'app': Description is invalid: control, line-break and invisible characters are not allowed", "Description = \"two\\nlines\"", 1 },
        { App + "[NetworkAlias(\"Bad_Alias\")]", "DMC0001", "Service 'app': alias 'Bad_Alias' is invalid: use lower-case DNS labels", "\"Bad_Alias\"", 1 },
        { App + "[ExtraHost(\"Bad_Host\", \"10.0.0.5\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': host 'Bad_Host' is invalid: use lower-case DNS labels", "\"Bad_Host\"", 1 },
        { App + "[ExtraHost(\"nas.local\", \"10.0.0.5/24\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': address '10.0.0.5/24' is invalid: use an IPv4 or IPv6 address or 'host-gateway'", "\"10.0.0.5/24\"", 1 },
        { App + "[ExtraHost(\"nas.local\", \"nas\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': address 'nas' is invalid: use an IPv4 or IPv6 address or 'host-gateway'", "\"nas\"", 1 },
        { App + "[ExtraHost(\"nas.local\", \"10.0.0.5\")]", "DMC3011", "Service 'app': 'extra_hosts: nas.local:10.0.0.5' is requested without a justification; give Justification (10 characters or more) or remove it", "\"nas.local\"", 1 },
        { App + "[ExtraHost(\"nas.local\", \"10.0.0.5\", Justification = \"Static\\nname.\")]", "DMC0001", "Service 'app': Justification is invalid: control, line-break and invisible characters are not allowed", "Justification = \"Static\\nname.\"", 1 },
        { App + "[Dns(Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': [Dns] is invalid: name at least one server", "Dns(Justification = \"The app needs this on the host.\")", 1 },
        { App + "[Dns(\"9.9.9.9\", \"dns.example\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': DNS server 'dns.example' is invalid: use an IPv4 or IPv6 address", "\"dns.example\"", 1 },
        { App + "[Dns(\"9.9.9.9\", \"10.0.0.0/8\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': DNS server '10.0.0.0/8' is invalid: use an IPv4 or IPv6 address", "\"10.0.0.0/8\"", 1 },
        { App + "[Dns(\"9.9.9.9\", \"2620:fe::fe\")]", "DMC3011", "Service 'app': 'dns: 9.9.9.9, 2620:fe::fe' is requested without a justification; give Justification (10 characters or more) or remove it", "Dns(\"9.9.9.9\", \"2620:fe::fe\")", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Entrypoint = new[] { \"/bin/sh\", \"-c\\nx\" })]", "DMC0001", "Service 'app': Entrypoint argument 1 is invalid: control, line-break and invisible characters are not allowed", "\"-c\\nx\"", 1 },
        { App + "[Ulimit(\"files\", 10, 20)]", "DMC0001", "Service 'app': ulimit 'files' is invalid: use one of core, cpu, data, fsize, locks, memlock, msgqueue, nice, nofile, nproc, rss, rtprio, rttime, sigpending, stack", "\"files\"", 1 },
        { App + "[Ulimit(\"nofile\", 10, 20)]\n[Ulimit(\"nproc\", 10, 20)]\n[Ulimit(\"nofile\", 30, 40)]", "DMC0001", "Service 'app': ulimit 'nofile' is invalid: it is set twice", "\"nofile\"", 2 },
        { App + "[Ulimit(\"nofile\", 70000, 65536)]", "DMC0001", "Service 'app': ulimit 'nofile' 70000/65536 is invalid: use 0 or more (-1: unlimited) with soft <= hard", "70000", 1 },
        { App + "[Ulimit(\"nofile\", -2, 10)]", "DMC0001", "Service 'app': ulimit 'nofile' -2/10 is invalid: use 0 or more (-1: unlimited) with soft <= hard", "-2", 1 },
        { App + "[Ulimit(\"nofile\", 10, -2)]", "DMC0001", "Service 'app': ulimit 'nofile' 10/-2 is invalid: use 0 or more (-1: unlimited) with soft <= hard", "10", 1 },
        { App + "[Ulimit(\"nofile\", -1, 10)]", "DMC0001", "Service 'app': ulimit 'nofile' -1/10 is invalid: use 0 or more (-1: unlimited) with soft <= hard", "-1", 1 },
        { App + "[Logging(\"Json File\")]", "DMC0001", "Service 'app': log driver 'Json File' is invalid: use a driver name such as 'json-file' or 'local'", "\"Json File\"", 1 },
        { App + "[Logging(\"json-file\", Options = new[] { \"max-size=10m\", \"max-size 10m\" })]", "DMC0001", "Service 'app': log option 'max-size 10m' is invalid: write key=value, such as 'max-size=10m'", "\"max-size 10m\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, StopGracePeriod = \"soon\")]", "DMC0001", "Service 'app': StopGracePeriod 'soon' is invalid: use a duration such as '30s' or '2m'", "StopGracePeriod = \"soon\"", 1 },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, ShmSize = \"big\")]", "DMC0001", "Service 'app': ShmSize 'big' is invalid: use a size such as '256m' or '1g'", "ShmSize = \"big\"", 1 },
        { App + "[Tmpfs(\"tmp\")]", "DMC0001", "Service 'app': tmpfs target 'tmp' is invalid: use an absolute container path without '..'", "\"tmp\"", 1 },
        { App + "[Tmpfs(\"/tmp\", Size = \"lots\")]", "DMC0001", "Service 'app': tmpfs size 'lots' is invalid: use a size such as '64m'", "Size = \"lots\"", 1 },
        { App + "[Gpu(Driver = \"NVIDIA\")]", "DMC0001", "Service 'app': GPU driver 'NVIDIA' is invalid: use a driver name such as 'nvidia'", "Driver = \"NVIDIA\"", 1 },
        { App + "[Gpu(Count = 65)]", "DMC0001", "Service 'app': GPU Count 65 is invalid: use 1-64, or 0 for all GPUs", "Count = 65", 1 },
        { App + "[Gpu(Count = -1)]", "DMC0001", "Service 'app': GPU Count -1 is invalid: use 1-64, or 0 for all GPUs", "Count = -1", 1 },
        { App + "[Gpu(Capabilities = new[] { \"gpu\", \"GPU\" })]", "DMC0001", "Service 'app': GPU capabilities is invalid: name at least one, such as 'gpu' or 'compute'", "Capabilities = new[] { \"gpu\", \"GPU\" }", 1 },
        { App + "[Gpu(Capabilities = new string[0])]", "DMC0001", "Service 'app': GPU capabilities is invalid: name at least one, such as 'gpu' or 'compute'", "Capabilities = new string[0]", 1 },
        { App + "[Volume(\"/var/run/docker.sock\", \"/var/run/docker.sock\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': volume source '/var/run/docker.sock' is invalid: mount the docker socket with [DockerSocket], whose rules and audit apply", "\"/var/run/docker.sock\"", 1 },
        { App + "[Volume(\"/srv/data\", \"/data\", SourceVariable = \"data_dir\", Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': SourceVariable 'data_dir' is invalid: use upper-case letters, digits and '_'", "SourceVariable = \"data_dir\"", 1 },
        { App + "[Volume(\"data\", \"/data\", SourceVariable = \"DATA_DIR\", Backup = Backup.Never, Justification = \"The app needs this on the host.\")]", "DMC0001", "Service 'app': SourceVariable is invalid: a variable chooses a host path; give the default path as Source", "SourceVariable = \"DATA_DIR\"", 1 },
        { App + "[Volume(\"/srv/data\", \"/data\")]", "DMC3011", "Service 'app': 'bind mount of host path /srv/data' is requested without a justification; give Justification (10 characters or more) or remove it", "\"/srv/data\"", 1 },
        { App + "[Volume(\"./data\", \"/data\", SourceVariable = \"DATA_DIR\")]", "DMC3011", "Service 'app': 'bind mount of ${DATA_DIR:-./data}' is requested without a justification; give Justification (10 characters or more) or remove it", "\"./data\"", 1 },
        { App + "[Volume(\"/srv/data\", \"/data\", Justification = \"Host\\nphotos.\")]", "DMC0001", "Service 'app': Justification is invalid: control, line-break and invisible characters are not allowed", "Justification = \"Host\\nphotos.\"", 1 },
        { App + "[DockerSocket(SourceVariable = \"docker_sock\")]", "DMC0001", "Service 'app': SourceVariable 'docker_sock' is invalid: use upper-case letters, digits and '_'", "SourceVariable = \"docker_sock\"", 1 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_is_worded_and_placed(string attributes, string id, string message, string underlined, int occurrence)
    {
        var run = HostileStack.Run(attributes);
        run.AssertPlaced(id, message, underlined, attributes, occurrence);
    }

    public static TheoryData<string> Accepted() => new()
    {
        App + "[EnvFile(\"./app.env\", Justification = \"The app needs this on the host.\")]",
        App + "[Resources(NoLimit = true, Justification = \"The app needs this on the host.\")]",
        App + "[Build(\"./app\", Dockerfile = \"docker/Dockerfile\", Target = \"runtime.v2\", Args = new[] { \"VERSION=1\", \"NPM_TOKEN=\", \"TOKEN_URL=https://x\" }, BaseImage = \"python:3.12.7-slim\")]",
        "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Profiles = new[] { \"db\", \"mail\" })]",
        App + "[Job]",
        App + "[Setting(\"APP_PUBLIC_KEY\", \"x\")]\n[Setting(\"APP_URL\", \"https://{stack.domain}/\", As = \"URL\", Description = \"Where the app lives.\")]",
        App + "[NetworkAlias(\"app.internal\")]",
        App + "[ExtraHost(\"host.docker.internal\", \"host-gateway\", Justification = \"The app needs this on the host.\")]\n[ExtraHost(\"nas.local\", \"fd00::5\", Justification = \"The app needs this on the host.\")]",
        App + "[Dns(\"9.9.9.9\", \"2620:fe::fe\", Justification = \"The app needs this on the host.\")]",
        App + "[Ulimit(\"nofile\", 65536, 65536)]\n[Ulimit(\"nproc\", 10, -1)]\n[Ulimit(\"core\", -1, -1)]\n[Ulimit(\"stack\", 0, 0)]",
        App + "[Logging(\"json-file\", Options = new[] { \"max-size=10m\", \"max-file=3\" })]",
        "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, StopGracePeriod = \"2m\", ShmSize = \"256m\")]",
        App + "[Tmpfs(\"/tmp\", Size = \"64m\")]",
        App + "[Gpu(Count = 64, Capabilities = new[] { \"gpu\", \"compute\" })]",
        App + "[Gpu(Count = 0)]",
        App + "[Volume(\"/srv/data\", \"/data\", SourceVariable = \"DATA_DIR\", Justification = \"The app needs this on the host.\")]",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void The_well_formed_or_justified_form_has_no_finding(string attributes)
    {
        var run = HostileStack.Run(attributes);
        Assert.Empty(run.Diagnostics.Where(d => RuleIds.Contains(d.Id) && d.Message().StartsWith("Service 'app'", StringComparison.Ordinal)).Select(d => d.Message()));
    }
}
