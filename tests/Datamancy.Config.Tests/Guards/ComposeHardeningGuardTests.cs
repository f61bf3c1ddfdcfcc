using Datamancy.Config.Generators.Validation;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Xunit;
using M = Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// Every compose service of every test stack says what its descriptor declares and nothing more: all capabilities
/// dropped and no new privileges, a privilege only where it is declared with a justification, the declared user,
/// published ports bound through the bind variable, mounts read-only as declared, the socket as declared, the
/// healthcheck's every <c>$</c> literal, its dependencies; only the networks meant to reach out are not internal.
/// </summary>
public sealed class ComposeHardeningGuardTests
{
    public static TheoryData<string> Stacks() => new(TestStacks.Names);

    private static List<YamlDotNet.RepresentationModel.YamlNode> Items(YamlDotNet.RepresentationModel.YamlNode sequence) =>
        ((YamlDotNet.RepresentationModel.YamlSequenceNode)sequence).Children.ToList();

    private static string? Optional(YamlDotNet.RepresentationModel.YamlNode service, string key) => service.Has(key) ? service.At(key).Text() : null;

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Each_service_has_exactly_its_declared_privileges(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        foreach (var s in model.Services)
        {
            var service = compose.At("services", s.Name);
            var granted = s.Elevations.Where(ElevationRules.IsJustified).Select(e => e.Kind).ToHashSet();
            Assert.Equal(s.Image, service.At("image").Text());
            Assert.Equal(new[] { "ALL" }, service.At("cap_drop").Texts());
            Assert.Equal(granted.Contains(M.Elevation.SeccompUnconfined) ? new[] { "no-new-privileges:true", "seccomp:unconfined" } : new[] { "no-new-privileges:true" },
                service.At("security_opt").Texts());
            Assert.Equal(granted.Contains(M.Elevation.Privileged) ? "true" : null, Optional(service, "privileged"));
            Assert.Equal(granted.Contains(M.Elevation.HostPid) ? "host" : null, Optional(service, "pid"));
            Assert.Equal(granted.Contains(M.Elevation.HostIpc) ? "host" : null, Optional(service, "ipc"));
            Assert.Equal(granted.Contains(M.Elevation.HostUserns) ? "host" : null, Optional(service, "userns_mode"));
            if (granted.Contains(M.Elevation.HostNetwork))
            {
                Assert.Equal("host", Optional(service, "network_mode"));
                Assert.False(service.Has("expose"), s.Name + ": a host-network service exposes nothing");
            }
            else
            {
                Assert.NotEqual("host", Optional(service, "network_mode"));
            }
            var added = s.Elevations.Where(e => e.Kind == M.Elevation.CapAdd && ElevationRules.IsJustified(e)).SelectMany(e => e.Capabilities).Distinct().ToList();
            Assert.Equal(added, service.Has("cap_add") ? service.At("cap_add").Texts().ToList() : new List<string>());
            Assert.Equal(s.Extras.ReadOnlyRootFilesystem ? "true" : null, Optional(service, "read_only"));
            Assert.Equal(s.User, Optional(service, "user"));
            var pids = s.Resources.Pids == 0 ? model.Settings.More.DefaultPids : s.Resources.Pids;
            Assert.Equal(pids.ToString(System.Globalization.CultureInfo.InvariantCulture), service.At("pids_limit").Text());
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Ports_mounts_healthchecks_and_dependencies_are_the_declared_ones(string stack)
    {
        var run = TestStacks.Run(stack);
        var model = run.Model();
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        var byType = model.Services.GroupBy(s => s.TypeName).ToDictionary(g => g.Key, g => g.First());
        foreach (var s in model.Services)
        {
            var service = compose.At("services", s.Name);
            var ports = s.Ports.Select(p => "${INGRESS_BIND_IP:-0.0.0.0}:" + p.HostPort + ":" + p.ContainerPort + (p.Protocol == M.Protocol.Udp ? "/udp" : "/tcp")).ToList();
            Assert.Equal(ports, service.Has("ports") ? service.At("ports").Texts().ToList() : new List<string>());

            var mounts = service.Has("volumes") ? Items(service.At("volumes")) : new List<YamlDotNet.RepresentationModel.YamlNode>();
            foreach (var volume in s.Volumes)
            {
                var mount = Assert.Single(mounts, m => m.At("target").Text() == volume.Target);
                Assert.Equal(volume.ReadOnly ? "true" : "false", mount.At("read_only").Text());
                Assert.Equal(volume.IsBind ? "bind" : "volume", mount.At("type").Text());
            }
            if (s.DockerSocket is { } socket)
            {
                var mount = Assert.Single(mounts, m => m.At("target").Text() == "/var/run/docker.sock");
                Assert.Equal("bind", mount.At("type").Text());
                Assert.Equal(socket.ReadOnly ? "true" : "false", mount.At("read_only").Text());
            }
            else
            {
                Assert.DoesNotContain(mounts, m => m.At("target").Text() == "/var/run/docker.sock");
            }

            if (s.Healthcheck is { } health)
            {
                var check = service.At("healthcheck");
                Assert.Equal(new[] { health.Shell ? "CMD-SHELL" : "CMD" }.Concat(health.Test.Select(t => t.Replace("$", "$$"))), check.At("test").Texts());
                Assert.Equal(health.Interval, check.At("interval").Text());
                Assert.Equal(health.Timeout, check.At("timeout").Text());
                Assert.Equal(health.Retries.ToString(System.Globalization.CultureInfo.InvariantCulture), check.At("retries").Text());
                Assert.Equal(health.StartPeriod, check.At("start_period").Text());
            }

            var targets = s.DependsOn.Select(d => d.TypeName).Distinct().Where(byType.ContainsKey).Select(t => byType[t].Name).ToList();
            Assert.Equal(targets, service.Has("depends_on") ? service.At("depends_on").Entries().Select(e => e.Key).ToList() : new List<string>());
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Only_egress_and_routed_networks_reach_out_and_the_ingress_runs_its_preflight_first(string stack)
    {
        var run = TestStacks.Run(stack);
        var compose = YamlJson.Parse(run.Artifact("prod/compose.yaml"));
        foreach (var (name, network) in compose.At("networks").Entries())
        {
            // Shared layout: frontend, backend, database; per-link layout: link.a.b (internal) and egress.x (the way out).
            var closed = name == "database" || name.StartsWith("link.", StringComparison.Ordinal);
            Assert.Equal(closed ? "true" : null, network.Has("internal") ? network.At("internal").Text() : null);
        }
        var ingress = run.Model().Services.Single(s => s.Role == M.ServiceRole.Ingress);
        var caddy = compose.At("services", ingress.Name);
        var hasApi = run.Model().Services.Any(s => s.Api is not null);
        if (hasApi)
        {
            Assert.Equal(new[] { "/bin/sh", "/etc/caddy/preflight.sh" }, caddy.At("entrypoint").Texts());
            Assert.Contains(Items(caddy.At("volumes")), m => m.At("target").Text() == "/etc/caddy/preflight.sh" && m.At("read_only").Text() == "true");
        }
        Assert.Contains(Items(caddy.At("volumes")), m => m.At("target").Text() == "/etc/caddy/Caddyfile" && m.At("read_only").Text() == "true");
    }
}
