namespace Datamancy.Config.Generators.Diagnostics
{
    /// <summary>Every diagnostic ID, shared by descriptors, code fixes, docs and tests.</summary>
    public static class DiagnosticIds
    {
        // Usage and input
        public const string InternalError = "DMC0000";
        public const string InvalidValue = "DMC0001";
        public const string ServiceNotPartial = "DMC0002";
        public const string StackMissingOrDuplicate = "DMC0003";
        public const string UnknownGroup = "DMC0004";
        public const string DependencyNotAService = "DMC0005";
        public const string DuplicateNameOrHost = "DMC0006";
        public const string UnsupportedDeclaration = "DMC0007";

        // Ingress and SSO
        public const string UiWithoutSso = "DMC1001";
        public const string ApiWithoutSecondFactor = "DMC1003";
        public const string AllowlistAdmitsInternet = "DMC1004";
        public const string InvalidCidr = "DMC1005";
        public const string IngressMisconfigured = "DMC1006";
        public const string CaddyHeaderForgery = "DMC1007";
        public const string SsoProviderMissing = "DMC1008";
        public const string BypassCoversHost = "DMC1009";
        public const string OidcWithoutAcknowledgement = "DMC1010";
        public const string BypassIgnored = "DMC1011";

        // Network separation
        public const string DatabasePublished = "DMC2001";
        public const string DatabaseHasHost = "DMC2002";
        public const string PortPublishedWithoutJustification = "DMC2003";
        public const string DatabaseOnFrontend = "DMC2004";
        public const string UpstreamUnreachable = "DMC2005";
        public const string RoutedServiceWithoutPort = "DMC2006";
        public const string DatabaseOnSharedNetwork = "DMC2007";

        // Secrets and policy
        public const string SecretLiteral = "DMC3001";
        public const string EmptyCapabilities = "DMC3002";
        public const string PrivilegedCapability = "DMC3003";
        public const string UnusedDockerSocket = "DMC3004";
        public const string WritableDockerSocket = "DMC3005";
        public const string DockerSocketProxy = "DMC3006";
        public const string UnpinnedImage = "DMC3007";
        public const string VolumeWithoutBackup = "DMC3008";
        public const string MissingHealthcheck = "DMC3009";
        public const string SharedVolume = "DMC3010";
        public const string ElevationWithoutJustification = "DMC3011";
        public const string CapabilityAllowlistAsEnv = "DMC3012";
        public const string DockerSocketBesideProxy = "DMC3013";

        // Secret channels
        public const string VariableOutsideNamespace = "DMC3020";

        // Authelia and production
        public const string WeakUiPolicy = "DMC4001";
        public const string AcmeWithoutEmail = "DMC4002";
        public const string AcmeStagingInProduction = "DMC4003";
        public const string OneFactorDefault = "DMC4004";
        public const string UiAdmitsEveryUser = "DMC4005";

        // Links (least privilege)
        public const string LinkWithoutTarget = "DMC2009";
        public const string DatabaseReachableByNonUser = "DMC2008";

        // Kubernetes
        public const string NotPortableToKubernetes = "DMC5001";
        public const string ReplicasOfStatefulService = "DMC5002";
    }
}
