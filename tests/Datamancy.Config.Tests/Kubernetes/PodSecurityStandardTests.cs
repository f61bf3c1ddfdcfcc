using System.Text.Json.Nodes;
using Xunit;

namespace Datamancy.Config.Tests.Kubernetes;

/// <summary>The Pod Security Standards check, control by control, on minimal pod templates.</summary>
public sealed class PodSecurityStandardTests
{
    private const string Compliant = """
        {"metadata":{"labels":{"app":"a"}},"spec":{
          "securityContext":{"runAsNonRoot":true,"runAsUser":1000,"seccompProfile":{"type":"RuntimeDefault"}},
          "containers":[{"name":"a","image":"a:1","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"],"add":["NET_BIND_SERVICE"]}}}],
          "volumes":[{"name":"data","persistentVolumeClaim":{"claimName":"data"}},{"name":"conf","configMap":{"name":"conf"}}]}}
        """;

    private static JsonObject Template(Action<JsonObject> change)
    {
        var template = JsonNode.Parse(Compliant)!.AsObject();
        change(template);
        return template;
    }

    private static JsonObject Spec(JsonObject t) => t["spec"]!.AsObject();

    private static JsonObject Container(JsonObject t) => t["spec"]!["containers"]![0]!.AsObject();

    [Fact]
    public void A_compliant_template_is_restricted()
    {
        Assert.Empty(PodSecurityStandard.Check(JsonNode.Parse(Compliant)!.AsObject()));
        Assert.Equal(PodSecurityStandard.Restricted, PodSecurityStandard.Level(JsonNode.Parse(Compliant)!.AsObject()));
    }

    public static TheoryData<string, string> RestrictedBreaks() => new()
    {
        { "no runAsNonRoot", "Running as Non-root" },
        { "runAsNonRoot false on the container", "Running as Non-root" },
        { "runAsUser 0", "Running as Non-root user" },
        { "allowPrivilegeEscalation unset", "Privilege Escalation" },
        { "no seccomp", "Seccomp" },
        { "capabilities not dropped", "does not drop ALL" },
        { "adds CHOWN", "adds CHOWN" },
        { "emptyDir is fine, nfs is not", "Volume Types" },
    };

    [Theory]
    [MemberData(nameof(RestrictedBreaks))]
    public void Each_restricted_control_lowers_the_level_to_baseline(string change, string control)
    {
        var template = Template(t =>
        {
            switch (change)
            {
                case "no runAsNonRoot": Spec(t)["securityContext"]!.AsObject().Remove("runAsNonRoot"); break;
                case "runAsNonRoot false on the container": Container(t)["securityContext"]!["runAsNonRoot"] = false; break;
                case "runAsUser 0": Spec(t)["securityContext"]!["runAsUser"] = 0; break;
                case "allowPrivilegeEscalation unset": Container(t)["securityContext"]!.AsObject().Remove("allowPrivilegeEscalation"); break;
                case "no seccomp": Spec(t)["securityContext"]!.AsObject().Remove("seccompProfile"); break;
                case "capabilities not dropped": Container(t)["securityContext"]!["capabilities"]!.AsObject().Remove("drop"); break;
                case "adds CHOWN": Container(t)["securityContext"]!["capabilities"]!["add"] = new JsonArray("CHOWN"); break;
                default: Spec(t)["volumes"]!.AsArray().Add(JsonNode.Parse("{\"name\":\"tmp\",\"emptyDir\":{}}")); Spec(t)["volumes"]!.AsArray().Add(JsonNode.Parse("{\"name\":\"n\",\"nfs\":{\"server\":\"s\",\"path\":\"/\"}}")); break;
            }
        });
        var broken = PodSecurityStandard.Check(template);
        Assert.Contains(broken, b => b.Level == PodSecurityStandard.Restricted && b.Control.Contains(control));
        Assert.Equal(PodSecurityStandard.Baseline, PodSecurityStandard.Level(template));
    }

    public static TheoryData<string, string> BaselineBreaks() => new()
    {
        { "hostNetwork", "Host Namespaces" },
        { "hostPID", "Host Namespaces" },
        { "privileged", "Privileged" },
        { "adds SYS_ADMIN", "adds SYS_ADMIN" },
        { "hostPath", "HostPath" },
        { "hostPort", "Host Ports" },
        { "seccomp Unconfined", "Unconfined" },
        { "unsafe sysctl", "Sysctls" },
        { "SELinux user", "SELinux" },
        { "procMount", "/proc" },
        { "AppArmor unconfined", "AppArmor" },
    };

    [Theory]
    [MemberData(nameof(BaselineBreaks))]
    public void Each_baseline_control_lowers_the_level_to_privileged(string change, string control)
    {
        var template = Template(t =>
        {
            var context = Container(t)["securityContext"]!.AsObject();
            switch (change)
            {
                case "hostNetwork": Spec(t)["hostNetwork"] = true; break;
                case "hostPID": Spec(t)["hostPID"] = true; break;
                case "privileged": context["privileged"] = true; break;
                case "adds SYS_ADMIN": context["capabilities"]!["add"] = new JsonArray("SYS_ADMIN"); break;
                case "hostPath": Spec(t)["volumes"]!.AsArray().Add(JsonNode.Parse("{\"name\":\"sock\",\"hostPath\":{\"path\":\"/var/run/docker.sock\"}}")); break;
                case "hostPort": Container(t)["ports"] = JsonNode.Parse("[{\"containerPort\":80,\"hostPort\":80}]"); break;
                case "seccomp Unconfined": context["seccompProfile"] = JsonNode.Parse("{\"type\":\"Unconfined\"}"); break;
                case "unsafe sysctl": Spec(t)["securityContext"]!["sysctls"] = JsonNode.Parse("[{\"name\":\"kernel.msgmax\",\"value\":\"1\"}]"); break;
                case "SELinux user": context["seLinuxOptions"] = JsonNode.Parse("{\"user\":\"system_u\"}"); break;
                case "procMount": context["procMount"] = "Unmasked"; break;
                default: context["appArmorProfile"] = JsonNode.Parse("{\"type\":\"Unconfined\"}"); break;
            }
        });
        Assert.Contains(PodSecurityStandard.Check(template), b => b.Level == PodSecurityStandard.Baseline && b.Control.Contains(control));
        Assert.Equal(PodSecurityStandard.Privileged, PodSecurityStandard.Level(template));
    }

    [Fact]
    public void Container_settings_can_satisfy_what_the_pod_leaves_unset()
    {
        var template = Template(t =>
        {
            Spec(t)["securityContext"] = new JsonObject();
            Container(t)["securityContext"]!["runAsNonRoot"] = true;
            Container(t)["securityContext"]!["seccompProfile"] = JsonNode.Parse("{\"type\":\"Localhost\",\"localhostProfile\":\"p.json\"}");
        });
        Assert.Equal(PodSecurityStandard.Restricted, PodSecurityStandard.Level(template));
    }
}
