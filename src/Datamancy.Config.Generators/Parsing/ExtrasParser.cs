using System;
using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Parsing
{
    /// <summary>Reads the real-stack attributes of a service into <see cref="ServiceExtras"/>.</summary>
    internal static class ExtrasParser
    {
        public static ServiceExtras Read(
            AttributeReader service,
            Func<string, AttributeReader?> one,
            Func<string, IEnumerable<AttributeReader>> all,
            string name,
            List<DiagnosticInfo> diagnostics)
        {
            var resources = one(AttributeNames.Resources);
            return new ServiceExtras(
                Build: one(AttributeNames.Build) is { } b
                    ? new BuildModel(b.String("Context") ?? string.Empty, b.String("Dockerfile"), b.String("Target"), b.Strings("Args").ToEquatableArray(), b.String("BaseImage"))
                    : null,
                NamedProfiles: service.Strings("Profiles").ToEquatableArray(),
                Job: one(AttributeNames.Job) is { } j ? new JobModel(j.Bool("RestartOnFailure") ?? false) : null,
                Settings: all(AttributeNames.Setting).Select(x => new SettingModel(
                    x.String("Name") ?? string.Empty, x.String("DefaultValue") ?? string.Empty, x.String("As") ?? x.String("Name") ?? string.Empty, x.String("Description"))).ToEquatableArray(),
                EnvFiles: all(AttributeNames.EnvFile).Select(x => new EnvFileModel(x.String("Path") ?? string.Empty, x.String("Justification"))).ToEquatableArray(),
                Aliases: all(AttributeNames.NetworkAlias).Select(x => x.String("Alias") ?? string.Empty).ToEquatableArray(),
                ExtraHosts: all(AttributeNames.ExtraHost).Select(x => new ExtraHostModel(x.String("Host") ?? string.Empty, x.String("Address") ?? string.Empty, x.String("Justification"))).ToEquatableArray(),
                Dns: one(AttributeNames.Dns) is { } d ? new DnsModel(d.Strings("Servers").ToEquatableArray(), d.String("Justification")) : null,
                Entrypoint: service.Strings("Entrypoint").ToEquatableArray(),
                Ulimits: all(AttributeNames.Ulimit).Select(x => new UlimitModel(x.String("Name") ?? string.Empty, x.Int("Soft") ?? 0, x.Int("Hard") ?? 0)).ToEquatableArray(),
                Logging: one(AttributeNames.Logging) is { } l ? new LoggingModel(l.String("Driver") ?? string.Empty, l.Strings("Options").ToEquatableArray()) : null,
                StopGracePeriod: service.String("StopGracePeriod"),
                ShmSize: service.String("ShmSize"),
                ReadOnlyRootFilesystem: service.Bool("ReadOnlyRootFilesystem") ?? false,
                Tmpfs: all(AttributeNames.Tmpfs).Select(x => new TmpfsModel(x.String("Target") ?? string.Empty, x.String("Size"))).ToEquatableArray(),
                Gpu: one(AttributeNames.Gpu) is { } g
                    ? new GpuModel(g.String("Driver") ?? "nvidia", g.Int("Count") ?? 0, g.Has("Capabilities") ? g.Strings("Capabilities").ToEquatableArray() : new[] { "gpu" }.ToEquatableArray())
                    : null,
                SessionStore: one(AttributeNames.SessionStore) is not null,
                Ldap: one(AttributeNames.Ldap) is { } ldap ? ReadLdap(ldap) : null,
                Authelia: one(AttributeNames.AutheliaSettings) is { } a
                    ? new AutheliaSettingsModel(a.String("SessionExpiration"), a.String("SessionInactivity"), a.String("RememberMe"), a.Int("RegulationMaxRetries") ?? 0,
                        a.String("RegulationFindTime"), a.String("RegulationBanTime"), a.String("DefaultRedirection"))
                    : null,
                OidcOptions: one(AttributeNames.OidcOptions) is { } o ? ReadOptions(o) : null,
                ExternalClients: all(AttributeNames.ExternalOidcClient).Select(c => new ExternalOidcClientModel(
                    c.String("ClientId") ?? string.Empty,
                    c.Strings("RedirectUris").ToEquatableArray(),
                    c.String("ClientSecret"),
                    ServiceParser.ReadGroups(c, name, diagnostics),
                    c.Enum("Policy", AuthPolicy.Default),
                    ReadOptions(c))).ToEquatableArray(),
                NoResourceLimit: resources?.Bool("NoLimit") ?? false,
                ResourceJustification: resources?.String("Justification"));
        }

        private static LdapModel ReadLdap(AttributeReader l) => new(
            l.String("BaseDn"), l.String("UsersDn"), l.String("GroupsDn"), l.String("UserObjectClass"), l.String("GroupObjectClass"), l.String("UsernameAttribute"),
            l.String("DisplayNameAttribute"), l.String("MailAttribute"), l.String("GroupNameAttribute"), l.String("BindUser"), l.String("Implementation"));

        private static OidcOptionsModel ReadOptions(AttributeReader o) => new(
            o.Enum("TokenEndpointAuthMethod", TokenEndpointAuthMethod.ClientSecretBasic),
            o.Strings("Scopes").ToEquatableArray(),
            o.Strings("ResponseModes").ToEquatableArray(),
            o.Strings("GrantTypes").ToEquatableArray(),
            o.Bool("RequirePkce") ?? false,
            o.Enum("Consent", ConsentMode.Auto));
    }
}
