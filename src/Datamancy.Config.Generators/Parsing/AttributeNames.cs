namespace Datamancy.Config.Generators.Parsing
{
    /// <summary>Metadata names of the public attributes the generator reads.</summary>
    internal static class AttributeNames
    {
        public const string Namespace = "Datamancy.Config.";
        public const string Stack = Namespace + "StackAttribute";
        public const string UserGroups = Namespace + "UserGroupsAttribute";
        public const string Service = Namespace + "ServiceAttribute";
        public const string Env = Namespace + "EnvAttribute";
        public const string Secret = Namespace + "SecretAttribute";
        public const string Volume = Namespace + "VolumeAttribute";
        public const string DockerSocket = Namespace + "DockerSocketAttribute";
        public const string Capabilities = Namespace + "CapabilitiesAttribute";
        public const string Healthcheck = Namespace + "HealthcheckAttribute";
        public const string DependsOn = Namespace + "DependsOnAttribute";
        public const string Resources = Namespace + "ResourcesAttribute";
        public const string Publish = Namespace + "PublishAttribute";
        public const string UiHost = Namespace + "UiHostAttribute";
        public const string AllowedGroups = Namespace + "AllowedGroupsAttribute";
        public const string ApiHost = Namespace + "ApiHostAttribute";
        public const string Elevated = Namespace + "ElevatedAttribute";
        public const string Build = Namespace + "BuildAttribute";
        public const string Job = Namespace + "JobAttribute";
        public const string Ulimit = Namespace + "UlimitAttribute";
        public const string Logging = Namespace + "LoggingAttribute";
        public const string Tmpfs = Namespace + "TmpfsAttribute";
        public const string Gpu = Namespace + "GpuAttribute";
        public const string Setting = Namespace + "SettingAttribute";
        public const string EnvFile = Namespace + "EnvFileAttribute";
        public const string NetworkAlias = Namespace + "NetworkAliasAttribute";
        public const string ExtraHost = Namespace + "ExtraHostAttribute";
        public const string Dns = Namespace + "DnsAttribute";
        public const string SessionStore = Namespace + "SessionStoreAttribute";
        public const string Ldap = Namespace + "LdapAttribute";
        public const string AutheliaSettings = Namespace + "AutheliaSettingsAttribute";
        public const string OidcOptions = Namespace + "OidcOptionsAttribute";
        public const string ExternalOidcClient = Namespace + "ExternalOidcClientAttribute";
        public const string Justify = Namespace + "JustifyAttribute";
        public const string CaddyBuild = Namespace + "CaddyBuildAttribute";
        public const string Uses = Namespace + "UsesAttribute";
        public const string Egress = Namespace + "EgressAttribute";

        /// <summary>The short name used in site keys: <c>Datamancy.Config.UiHostAttribute</c> → <c>UiHost</c>.</summary>
        public static string ShortName(string metadataName) =>
            metadataName.Substring(Namespace.Length, metadataName.Length - Namespace.Length - "Attribute".Length);
    }
}
