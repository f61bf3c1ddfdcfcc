namespace Datamancy.Config.Generators.Model
{
    /// <summary>
    /// What a long-lived real stack needs beyond the guide's core shape (issue 12): builds, named profiles, jobs,
    /// settings from the env file, env files, aliases and host entries, runtime keys, GPUs, OIDC and LDAP options.
    /// Kept in its own record so the core model stays small.
    /// </summary>
    internal sealed record ServiceExtras(
        BuildModel? Build,
        EquatableArray<string> NamedProfiles,
        JobModel? Job,
        EquatableArray<SettingModel> Settings,
        EquatableArray<EnvFileModel> EnvFiles,
        EquatableArray<string> Aliases,
        EquatableArray<ExtraHostModel> ExtraHosts,
        DnsModel? Dns,
        EquatableArray<string> Entrypoint,
        EquatableArray<UlimitModel> Ulimits,
        LoggingModel? Logging,
        string? StopGracePeriod,
        string? ShmSize,
        bool ReadOnlyRootFilesystem,
        EquatableArray<TmpfsModel> Tmpfs,
        GpuModel? Gpu,
        bool SessionStore,
        LdapModel? Ldap,
        AutheliaSettingsModel? Authelia,
        OidcOptionsModel? OidcOptions,
        EquatableArray<ExternalOidcClientModel> ExternalClients,
        bool NoResourceLimit,
        string? ResourceJustification)
    {
        public static readonly ServiceExtras None = new(null, EquatableArray<string>.Empty, null, EquatableArray<SettingModel>.Empty,
            EquatableArray<EnvFileModel>.Empty, EquatableArray<string>.Empty, EquatableArray<ExtraHostModel>.Empty, null,
            EquatableArray<string>.Empty, EquatableArray<UlimitModel>.Empty, null, null, null, false, EquatableArray<TmpfsModel>.Empty, null,
            false, null, null, null, EquatableArray<ExternalOidcClientModel>.Empty, false, null);
    }

    internal sealed record BuildModel(string Context, string? Dockerfile, string? Target, EquatableArray<string> Args, string? BaseImage);

    internal sealed record JobModel(bool RestartOnFailure);

    /// <summary>A non-secret setting from the env file: compose passes <c>${Name:-Default}</c> as <paramref name="Variable"/>.</summary>
    internal sealed record SettingModel(string Name, string Default, string Variable, string? Description);

    internal sealed record EnvFileModel(string Path, string? Justification);

    internal sealed record ExtraHostModel(string Host, string Address, string? Justification);

    internal sealed record DnsModel(EquatableArray<string> Servers, string? Justification);

    internal sealed record UlimitModel(string Name, int Soft, int Hard);

    internal sealed record LoggingModel(string Driver, EquatableArray<string> Options);

    internal sealed record TmpfsModel(string Target, string? Size);

    internal sealed record GpuModel(string Driver, int Count, EquatableArray<string> Capabilities);

    internal sealed record LdapModel(
        string? BaseDn, string? UsersDn, string? GroupsDn, string? UserObjectClass, string? GroupObjectClass, string? UsernameAttribute,
        string? DisplayNameAttribute, string? MailAttribute, string? GroupNameAttribute, string? BindUser, string? Implementation);

    internal sealed record AutheliaSettingsModel(
        string? SessionExpiration, string? SessionInactivity, string? RememberMe, int RegulationMaxRetries, string? RegulationFindTime,
        string? RegulationBanTime, string? DefaultRedirection);

    /// <summary>Mirror of <c>Datamancy.Config.TokenEndpointAuthMethod</c>.</summary>
    internal enum TokenEndpointAuthMethod { ClientSecretBasic = 0, ClientSecretPost = 1, None = 2 }

    /// <summary>Mirror of <c>Datamancy.Config.ConsentMode</c>.</summary>
    internal enum ConsentMode { Auto = 0, Explicit = 1, Implicit = 2, PreConfigured = 3 }

    internal sealed record OidcOptionsModel(
        TokenEndpointAuthMethod AuthMethod, EquatableArray<string> Scopes, EquatableArray<string> ResponseModes, EquatableArray<string> GrantTypes,
        bool RequirePkce, ConsentMode Consent);

    internal sealed record ExternalOidcClientModel(
        string ClientId, EquatableArray<string> RedirectUris, string? ClientSecret, EquatableArray<string> Groups, AuthPolicy Policy, OidcOptionsModel Options);
}
