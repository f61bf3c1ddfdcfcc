using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Diagnostics
{
    /// <summary>The catalog of every Datamancy diagnostic.</summary>
    public static class Descriptors
    {
        private const string Usage = "Datamancy.Usage";
        private const string Ingress = "Datamancy.Ingress";
        private const string Network = "Datamancy.Network";
        private const string Policy = "Datamancy.Policy";
        private const string Authelia = "Datamancy.Authelia";
        private const string Kubernetes = "Datamancy.Kubernetes";

        public static readonly DiagnosticDescriptor InvalidValue = Create(DiagnosticIds.InvalidValue, Usage, DiagnosticSeverity.Error,
            "Invalid descriptor value", "{0}: {1} is invalid: {2}");

        public static readonly DiagnosticDescriptor ServiceNotPartial = Create(DiagnosticIds.ServiceNotPartial, Usage, DiagnosticSeverity.Warning,
            "Service class is not partial", "Service class '{0}' is not partial, so its typed view (URLs, secret names) is not generated");

        public static readonly DiagnosticDescriptor StackMissingOrDuplicate = Create(DiagnosticIds.StackMissingOrDuplicate, Usage, DiagnosticSeverity.Error,
            "Exactly one [Stack] is required", "{0}");

        public static readonly DiagnosticDescriptor UnknownGroup = Create(DiagnosticIds.UnknownGroup, Usage, DiagnosticSeverity.Error,
            "Group is not a declared user group", "Service '{0}': group '{1}' is not a member of an enum marked [UserGroups]");

        public static readonly DiagnosticDescriptor DependencyNotAService = Create(DiagnosticIds.DependencyNotAService, Usage, DiagnosticSeverity.Error,
            "Dependency is not a service", "Service '{0}': DependsOn or Uses type '{1}' is not a class marked [Service]");

        public static readonly DiagnosticDescriptor DuplicateNameOrHost = Create(DiagnosticIds.DuplicateNameOrHost, Usage, DiagnosticSeverity.Error,
            "Duplicate service name or host", "Service '{0}': {1} '{2}' is already used by service '{3}'");

        public static readonly DiagnosticDescriptor UnsupportedDeclaration = Create(DiagnosticIds.UnsupportedDeclaration, Usage, DiagnosticSeverity.Error,
            "Unsupported declaration", "'{0}': {1}");

        public static readonly DiagnosticDescriptor UiWithoutSso = Create(DiagnosticIds.UiWithoutSso, Ingress, DiagnosticSeverity.Error,
            "UI host without SSO", "Service '{0}': UI host '{1}' is public without a justification; use forward_auth or OIDC, or give Justification");

        public static readonly DiagnosticDescriptor ApiWithoutSecondFactor = Create(DiagnosticIds.ApiWithoutSecondFactor, Ingress, DiagnosticSeverity.Error,
            "API host without an API key", "Service '{0}': API host '{1}' has an IP allowlist but no second factor; set ApiKeySecret, ClientCaFile or ClientCredentials");

        public static readonly DiagnosticDescriptor AllowlistAdmitsInternet = Create(DiagnosticIds.AllowlistAdmitsInternet, Ingress, DiagnosticSeverity.Error,
            "Allowlist admits the whole internet", "Service '{0}': the default allowlist of API host '{1}' contains '{2}', which is not a private or loopback range; set PublicJustification to opt in");

        public static readonly DiagnosticDescriptor InvalidCidr = Create(DiagnosticIds.InvalidCidr, Ingress, DiagnosticSeverity.Error,
            "Invalid CIDR", "Service '{0}': '{1}' is not a valid IPv4 or IPv6 CIDR");

        public static readonly DiagnosticDescriptor IngressMisconfigured = Create(DiagnosticIds.IngressMisconfigured, Ingress, DiagnosticSeverity.Error,
            "The stack needs exactly one Caddy ingress", "{0}");

        public static readonly DiagnosticDescriptor CaddyHeaderForgery = Create(DiagnosticIds.CaddyHeaderForgery, Ingress, DiagnosticSeverity.Warning,
            "Caddy version lets clients forge forward_auth headers", "Service '{0}': Caddy {1} lets a client forge identity headers that forward_auth copies (GHSA-7r4p-vjf4-gxv4); pin 2.11.2 or later");

        public static readonly DiagnosticDescriptor SsoProviderMissing = Create(DiagnosticIds.SsoProviderMissing, Ingress, DiagnosticSeverity.Error,
            "The stack needs exactly one SSO provider", "{0}");

        public static readonly DiagnosticDescriptor BypassCoversHost = Create(DiagnosticIds.BypassCoversHost, Ingress, DiagnosticSeverity.Error,
            "Bypass rule reaches beyond its path", "Service '{0}': bypass resource '{1}' on UI host '{2}' is not limited to one path: {3}{4}");

        public static readonly DiagnosticDescriptor OidcWithoutAcknowledgement = Create(DiagnosticIds.OidcWithoutAcknowledgement, Ingress, DiagnosticSeverity.Error,
            "App-level OIDC host open at the ingress without acknowledgement",
            "Service '{0}': UI host '{1}' is open at the ingress and only the application asks for the OIDC login (client '{2}'); give Justification saying how the app is configured to require it, or use forward_auth");

        public static readonly DiagnosticDescriptor BypassIgnored = Create(DiagnosticIds.BypassIgnored, Ingress, DiagnosticSeverity.Error,
            "Bypass on a host that does not use forward_auth", "Service '{0}': bypass resource '{1}' has no effect on UI host '{2}' ({3}): only forward_auth hosts ask Authelia; remove it");

        public static readonly DiagnosticDescriptor DatabasePublished = Create(DiagnosticIds.DatabasePublished, Network, DiagnosticSeverity.Error,
            "Database port published", "Service '{0}': database port {1} must not be published; reach it by its service name on the database network");

        public static readonly DiagnosticDescriptor DatabaseHasHost = Create(DiagnosticIds.DatabaseHasHost, Network, DiagnosticSeverity.Warning,
            "Database with a routed host", "Service '{0}': a database is routed through the ingress as '{1}'; put an admin UI in its own service");

        public static readonly DiagnosticDescriptor PortPublishedWithoutJustification = Create(DiagnosticIds.PortPublishedWithoutJustification, Network, DiagnosticSeverity.Error,
            "Port published without justification", "Service '{0}': host port {1} is published but only the ingress publishes ports; give a Justification or route it through Caddy");

        public static readonly DiagnosticDescriptor DatabaseOnFrontend = Create(DiagnosticIds.DatabaseOnFrontend, Network, DiagnosticSeverity.Error,
            "Database on the frontend network", "Service '{0}': a database must not join the frontend network");

        public static readonly DiagnosticDescriptor UpstreamUnreachable = Create(DiagnosticIds.UpstreamUnreachable, Network, DiagnosticSeverity.Error,
            "Routed service is not reachable from the ingress", "Service '{0}': host '{1}' is routed by the ingress '{2}' but the service shares none of its networks ({3}); join one of them");

        public static readonly DiagnosticDescriptor RoutedServiceWithoutPort = Create(DiagnosticIds.RoutedServiceWithoutPort, Network, DiagnosticSeverity.Error,
            "Routed service without a port", "Service '{0}': host '{1}' needs the service's Port to route to");

        public static readonly DiagnosticDescriptor DatabaseOnSharedNetwork = Create(DiagnosticIds.DatabaseOnSharedNetwork, Network, DiagnosticSeverity.Warning,
            "Database on a non-internal network", "Service '{0}': the database also joins the non-internal network '{1}', where {2} can reach it; keep it on the internal 'database' network and put its clients there");

        public static readonly DiagnosticDescriptor SecretLiteral = Create(DiagnosticIds.SecretLiteral, Policy, DiagnosticSeverity.Error,
            "Secret value written in code", "Service '{0}': {1}; {2}");

        public static readonly DiagnosticDescriptor EmptyCapabilities = Create(DiagnosticIds.EmptyCapabilities, Policy, DiagnosticSeverity.Error,
            "Empty capability allowlist", "Service '{0}': an empty {1} allows every capability; list the capabilities the service needs");

        public static readonly DiagnosticDescriptor PrivilegedCapability = Create(DiagnosticIds.PrivilegedCapability, Policy, DiagnosticSeverity.Warning,
            "Write or exec capability without justification", "Service '{0}': capability '{1}' can change the host; give a Justification");

        public static readonly DiagnosticDescriptor UnusedDockerSocket = Create(DiagnosticIds.UnusedDockerSocket, Policy, DiagnosticSeverity.Warning,
            "Docker socket without a docker capability", "Service '{0}': the docker socket is mounted but no host.docker.* capability is declared; remove the socket");

        public static readonly DiagnosticDescriptor WritableDockerSocket = Create(DiagnosticIds.WritableDockerSocket, Policy, DiagnosticSeverity.Error,
            "Writable docker socket", "Service '{0}': the docker socket is mounted writable; mount it read-only");

        public static readonly DiagnosticDescriptor DockerSocketProxy = Create(DiagnosticIds.DockerSocketProxy, Policy, DiagnosticSeverity.Info,
            "Read-only docker socket still exposes the Docker API", "Service '{0}': a read-only docker socket does not make the Docker API read-only; consider a socket proxy with an API allowlist");

        public static readonly DiagnosticDescriptor UnpinnedImage = Create(DiagnosticIds.UnpinnedImage, Policy, DiagnosticSeverity.Warning,
            "Unpinned image", "Service '{0}': image '{1}' is not pinned to a version tag or digest");

        public static readonly DiagnosticDescriptor VolumeWithoutBackup = Create(DiagnosticIds.VolumeWithoutBackup, Policy, DiagnosticSeverity.Warning,
            "Volume without a backup decision", "Service '{0}': volume '{1}' holds persistent data but has no Backup decision");

        public static readonly DiagnosticDescriptor MissingHealthcheck = Create(DiagnosticIds.MissingHealthcheck, Policy, DiagnosticSeverity.Warning,
            "Service without a healthcheck", "Service '{0}': declare [Healthcheck] so dependents can wait for it and failures are seen");

        public static readonly DiagnosticDescriptor SharedVolume = Create(DiagnosticIds.SharedVolume, Policy, DiagnosticSeverity.Warning,
            "Named volume shared between services", "Service '{0}': named volume '{1}' is also mounted by service '{2}'");

        public static readonly DiagnosticDescriptor ElevationWithoutJustification = Create(DiagnosticIds.ElevationWithoutJustification, Policy, DiagnosticSeverity.Error,
            "Exception to the hardened default without justification", "Service '{0}': '{1}' is requested without a justification; give Justification (10 characters or more) or remove it");

        public static readonly DiagnosticDescriptor VariableOutsideNamespace = Create(DiagnosticIds.VariableOutsideNamespace, Policy, DiagnosticSeverity.Error,
            "Variable name outside its namespace", "Service '{0}': {1} '{2}' cannot be used: {3}");

        public static readonly DiagnosticDescriptor CapabilityAllowlistAsEnv = Create(DiagnosticIds.CapabilityAllowlistAsEnv, Policy, DiagnosticSeverity.Warning,
            "Capability allowlist written as a plain variable", "Service '{0}': '{1}' is a capability allowlist set with [Env], so its entries are not checked; declare it with [Capabilities(..., Variable = \"{1}\")]");

        public static readonly DiagnosticDescriptor DockerSocketBesideProxy = Create(DiagnosticIds.DockerSocketBesideProxy, Policy, DiagnosticSeverity.Warning,
            "Docker socket mounted although the stack has a socket proxy", "Service '{0}': the docker socket is mounted directly although the stack has the socket proxy '{1}'; remove [DockerSocket] and reach Docker through the proxy (DOCKER_HOST=tcp://{1}:2375)");

        public static readonly DiagnosticDescriptor WeakUiPolicy = Create(DiagnosticIds.WeakUiPolicy, Authelia, DiagnosticSeverity.Warning,
            "UI host weaker than the stack's two-factor default", "Service '{0}': UI host '{1}' is one_factor while the stack defaults to two_factor");

        public static readonly DiagnosticDescriptor AcmeWithoutEmail = Create(DiagnosticIds.AcmeWithoutEmail, Authelia, DiagnosticSeverity.Error,
            "Production ACME without an email", "Stack '{0}': production uses ACME but AcmeEmail is not set");

        public static readonly DiagnosticDescriptor AcmeStagingInProduction = Create(DiagnosticIds.AcmeStagingInProduction, Authelia, DiagnosticSeverity.Warning,
            "Let's Encrypt staging CA in production", "Stack '{0}': production uses Let's Encrypt's staging CA, whose certificates browsers do not trust; remove AcmeStaging before going live");

        public static readonly DiagnosticDescriptor OneFactorDefault = Create(DiagnosticIds.OneFactorDefault, Authelia, DiagnosticSeverity.Warning,
            "Stack default policy is one_factor", "Stack '{0}': the default policy is one_factor, so every UI host without its own Policy needs only a password; use two_factor and lower single hosts where needed");

        public static readonly DiagnosticDescriptor UiAdmitsEveryUser = Create(DiagnosticIds.UiAdmitsEveryUser, Authelia, DiagnosticSeverity.Info,
            "UI host admits every authenticated user", "Service '{0}': UI host '{1}' admits every authenticated user of the directory; declare [AllowedGroups] to restrict it");

        public static readonly DiagnosticDescriptor LinkWithoutTarget = Create(DiagnosticIds.LinkWithoutTarget, Network, DiagnosticSeverity.Error,
            "Link cannot be carried", "Service '{0}': the [{1}] link to '{2}' cannot be carried: {3}");

        public static readonly DiagnosticDescriptor DatabaseReachableByNonUser = Create(DiagnosticIds.DatabaseReachableByNonUser, Network, DiagnosticSeverity.Error,
            "Database reachable by a service that does not use it", "Service '{0}' is on the database network but does not use '{1}', which it can reach there; declare [Uses], leave the database network, or set Networking = NetworkLayout.PerLink on the stack");

        public static readonly DiagnosticDescriptor NotPortableToKubernetes = Create(DiagnosticIds.NotPortableToKubernetes, Kubernetes, DiagnosticSeverity.Warning,
            "Does not carry over to Kubernetes", "Service '{0}': {1} does not carry over to Kubernetes; {2}");

        public static readonly DiagnosticDescriptor ReplicasOfStatefulService = Create(DiagnosticIds.ReplicasOfStatefulService, Kubernetes, DiagnosticSeverity.Error,
            "Replicas of a service whose state cannot be shared", "Service '{0}' cannot run {1} replicas: {2}");

        /// <summary>What <see cref="Analyzers.ServiceAnalyzer"/> reports: parsing and the rules on one service.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> PerService = ImmutableArray.Create(
            InvalidValue, ServiceNotPartial, UnknownGroup, DependencyNotAService, UnsupportedDeclaration,
            UiWithoutSso, ApiWithoutSecondFactor, AllowlistAdmitsInternet, InvalidCidr, IngressMisconfigured, CaddyHeaderForgery, BypassCoversHost,
            OidcWithoutAcknowledgement, BypassIgnored, UiAdmitsEveryUser,
            DatabasePublished, DatabaseHasHost, PortPublishedWithoutJustification, DatabaseOnFrontend, RoutedServiceWithoutPort,
            SecretLiteral, EmptyCapabilities, PrivilegedCapability, UnusedDockerSocket, WritableDockerSocket, DockerSocketProxy, UnpinnedImage,
            VolumeWithoutBackup, MissingHealthcheck, ElevationWithoutJustification, VariableOutsideNamespace, CapabilityAllowlistAsEnv,
            ReplicasOfStatefulService, NotPortableToKubernetes);

        /// <summary>What <see cref="Analyzers.StackAnalyzer"/> reports: the rules on the [Stack] class alone.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> StackSettings = ImmutableArray.Create(
            InvalidValue, AcmeWithoutEmail, AcmeStagingInProduction, OneFactorDefault);

        /// <summary>
        /// What <see cref="Analyzers.StackWideAnalyzer"/> reports at the end of the compilation: rules that need every service
        /// (InvalidValue: a secret declared twice differently, a variable set twice).
        /// </summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> StackWide = ImmutableArray.Create(
            StackMissingOrDuplicate, DuplicateNameOrHost, IngressMisconfigured, SsoProviderMissing, RoutedServiceWithoutPort,
            UpstreamUnreachable, WeakUiPolicy, SharedVolume, InvalidValue, DatabaseOnSharedNetwork, DockerSocketBesideProxy, VariableOutsideNamespace,
            LinkWithoutTarget, DatabaseReachableByNonUser);

        /// <summary>What the generator itself reports: only its own failure.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> GeneratorOnly = ImmutableArray.Create(InternalError.Descriptor);

        /// <summary>Every descriptor, once, ordered by ID (docs and release tracking are checked against this).</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> All = PerService.Concat(StackSettings).Concat(StackWide).Concat(GeneratorOnly)
            .GroupBy(d => d.Id).Select(g => g.First()).OrderBy(d => d.Id, System.StringComparer.Ordinal).ToImmutableArray();

        private static DiagnosticDescriptor Create(string id, string category, DiagnosticSeverity severity, string title, string message) =>
            new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinks.For(id));
    }
}
