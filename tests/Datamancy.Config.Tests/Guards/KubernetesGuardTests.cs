using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// What one service decides about its Kubernetes output: replicas in range and only where state can be shared (the
/// directory's, the cache's, the ingress's and a writable volume's reasons word for word; the database's and SSO's are
/// in the analyzer tests), and each compose key a cluster does not have, reported on its own argument when the stack
/// writes manifests. The ingress's own published port and replicas over read-only volumes are quiet.
/// </summary>
public sealed class KubernetesGuardTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend)]\n";

    private static GeneratorRun Run(string attributes) => GeneratorHarness.Run(HostileStack.With(attributes)
        .Replace(HostileStack.StackLine, HostileStack.StackLine.Replace("\")]", "\", Kubernetes = true)]")));

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Replicas = 101)]\n", "DMC0001", "Service 'app': Replicas 101 is invalid: use 1 to 100", "Replicas = 101" },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Replicas = 0)]\n", "DMC0001", "Service 'app': Replicas 0 is invalid: use 1 to 100", "Replicas = 0" },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Role = ServiceRole.Directory, Replicas = 2)]\n", "DMC5002", "Service 'app' cannot run 2 replicas: the LDAP directory keeps its state on one volume; use directory replication instead", "Replicas = 2" },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Role = ServiceRole.Cache, Replicas = 2)]\n", "DMC5002", "Service 'app' cannot run 2 replicas: the session store keeps its state in one process; use a replicated Redis (Sentinel or an operator) instead", "Replicas = 2" },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Role = ServiceRole.Ingress, Replicas = 2)]\n", "DMC5002", "Service 'app' cannot run 2 replicas: Caddy keeps certificates and ACME state on one volume; run one replica", "Replicas = 2" },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Replicas = 2)]\n[Volume(\"cache\", \"/cache\", ReadOnly = true, Backup = Backup.Never)]\n[Volume(\"app-data\", \"/data\", Backup = Backup.Daily)]", "DMC5002", "Service 'app' cannot run 2 replicas: the writable volume 'app-data' is one ReadWriteOnce claim that replicas cannot share; keep one replica or move the state to a database", "Replicas = 2" },
        { App + "[ExtraHost(\"nas.local\", \"10.0.0.5\", Justification = \"The app needs this on the host.\")]", "DMC5001", "Service 'app': the host entry 'nas.local:10.0.0.5' does not carry over to Kubernetes; the manifest has no hostAliases; add them to the pod template after review", "\"nas.local\"" },
        { App + "[EnvFile(\"./app.env\", Justification = \"The app needs this on the host.\")]", "DMC5001", "Service 'app': the env file './app.env' does not carry over to Kubernetes; its variables are not in the manifest; put them in a ConfigMap or Secret and reference it with envFrom", "\"./app.env\"" },
        { App + "[Logging(\"json-file\")]", "DMC5001", "Service 'app': the logging driver does not carry over to Kubernetes; the cluster collects container output; configure its log pipeline instead", "\"json-file\"" },
        { "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, ShmSize = \"256m\")]\n", "DMC5001", "Service 'app': shm_size does not carry over to Kubernetes; mount an emptyDir with medium Memory at /dev/shm in the pod template", "ShmSize = \"256m\"" },
        { App + "[Volume(\"data\", \"/data\", Backup = Backup.Never)]\n[Volume(\"./conf\", \"/conf\", ReadOnly = true)]", "DMC5001", "Service 'app': the host path './conf' does not carry over to Kubernetes; the manifest mounts an empty PersistentVolumeClaim 'app-host-path-1' at '/conf'; copy the content into it, or use a named volume", "\"./conf\"" },
        { App + "[Ulimit(\"nofile\", 10, 20)]\n[Ulimit(\"nproc\", 10, 20)]", "DMC5001", "Service 'app': the ulimit 'nproc' does not carry over to Kubernetes; Kubernetes has no per-pod ulimits; they come from the node's container runtime", "\"nproc\"" },
        { App + "[Publish(25, Justification = \"SMTP is not HTTP and cannot go through Caddy.\")]\n[Publish(26, Justification = \"SMTP is not HTTP and cannot go through Caddy.\")]", "DMC5001", "Service 'app': the published port 26 does not carry over to Kubernetes; the manifests expose only the ingress outside the cluster; add your own LoadBalancer Service for it after review", "26" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_finding_is_worded_and_placed(string attributes, string id, string message, string underlined)
    {
        var run = Run(attributes);
        run.AssertPlaced(id, message, underlined, attributes);
    }

    public static TheoryData<string> Quiet() => new()
    {
        "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Replicas = 100)]\n",
        "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, Replicas = 2)]\n[Volume(\"cache\", \"/cache\", ReadOnly = true, Backup = Backup.Never)]",
    };

    [Theory]
    [MemberData(nameof(Quiet))]
    public void Replicas_over_read_only_volumes_and_the_ingress_port_are_quiet(string attributes) =>
        Assert.Empty(Run(attributes).Diagnostics.Where(d => d.Id is "DMC0001" or "DMC5002" || d.Id == "DMC5001").Select(d => d.Message()));
}
