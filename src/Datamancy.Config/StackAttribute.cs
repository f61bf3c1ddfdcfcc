using System;

namespace Datamancy.Config
{
    /// <summary>
    /// Marks the class that describes the whole stack. Exactly one per compilation.
    /// The generator adds the rendered artifacts to this partial class.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class StackAttribute : Attribute
    {
        /// <summary>Declares a stack.</summary>
        /// <param name="name">The compose project name (lower case, digits, '-' and '_').</param>
        /// <param name="domain">The one domain every host, cookie and redirect URI derives from; the MSBuild property <c>DatamancyDomain</c> overrides it.</param>
        public StackAttribute(string name, string domain)
        {
            Name = name;
            Domain = domain;
        }

        /// <summary>The compose project name.</summary>
        public string Name { get; }

        /// <summary>The stack's domain, for example <c>project-saturn.com</c>.</summary>
        public string Domain { get; }

        /// <summary>The ACME account email used in production.</summary>
        public string? AcmeEmail { get; set; }

        /// <summary>Use Let's Encrypt's staging CA in production (testing only).</summary>
        public bool AcmeStaging { get; set; }

        /// <summary>The policy of UI hosts that do not set one; two-factor unless stated.</summary>
        public AuthPolicy DefaultPolicy { get; set; } = AuthPolicy.TwoFactor;

        /// <summary>The subdomain of the SSO portal; <c>auth</c> unless stated.</summary>
        public string PortalHost { get; set; } = "auth";

        /// <summary>
        /// Gives the ingress a network alias for every routed host (and the portal) on each of its networks, so services
        /// inside the stack reach the public names through the ingress (OIDC back-channels). Derived from the routes.
        /// </summary>
        public bool Hairpin { get; set; }

        /// <summary>A fixed IPv4 subnet of the frontend network, for example <c>172.30.1.0/24</c> (apps' trusted-proxy settings).</summary>
        public string? FrontendSubnet { get; set; }

        /// <summary>A fixed IPv4 subnet of the backend network.</summary>
        public string? BackendSubnet { get; set; }

        /// <summary>A fixed IPv4 subnet of the database network.</summary>
        public string? DatabaseSubnet { get; set; }

        /// <summary>The memory limit of services that do not state one; <c>512m</c> unless stated.</summary>
        public string DefaultMemory { get; set; } = "512m";

        /// <summary>The CPU limit of services that do not state one; <c>1.0</c> unless stated.</summary>
        public string DefaultCpus { get; set; } = "1.0";

        /// <summary>The process limit of services that do not state one; 256 unless stated.</summary>
        public int DefaultPids { get; set; } = 256;

        /// <summary>Daily backup snapshots the retention policy keeps (<c>restic forget --keep-daily</c>); 7 unless stated.</summary>
        public int BackupKeepDaily { get; set; } = 7;

        /// <summary>Weekly backup snapshots the retention policy keeps (<c>restic forget --keep-weekly</c>); 4 unless stated.</summary>
        public int BackupKeepWeekly { get; set; } = 4;

        /// <summary>Monthly backup snapshots the retention policy keeps (<c>restic forget --keep-monthly</c>); 6 unless stated.</summary>
        public int BackupKeepMonthly { get; set; } = 6;

        /// <summary>Days after which a <see cref="SecretKind.Password"/> secret is due for rotation; 180 unless stated.</summary>
        public int PasswordMaxAgeDays { get; set; } = 180;

        /// <summary>Days after which a <see cref="SecretKind.HexKey"/> or <see cref="SecretKind.Base64Key"/> secret is due for rotation; 365 unless stated.</summary>
        public int KeyMaxAgeDays { get; set; } = 365;

        /// <summary>Days after which a <see cref="SecretKind.RsaPrivateKey"/> secret is due for rotation; 365 unless stated.</summary>
        public int SigningKeyMaxAgeDays { get; set; } = 365;

        /// <summary>Days after which a <see cref="SecretKind.OidcClientSecret"/> (and its digest) is due for rotation; 180 unless stated.</summary>
        public int ClientSecretMaxAgeDays { get; set; } = 180;

        /// <summary>How services are connected: <see cref="NetworkLayout.Shared"/> (three shared networks, the default) or <see cref="NetworkLayout.PerLink"/> (one internal network per declared link).</summary>
        public NetworkLayout Networking { get; set; } = NetworkLayout.Shared;

        /// <summary>
        /// Also write Kubernetes manifests (<c>&lt;environment&gt;/kubernetes/</c>, for <c>kubectl apply -k</c>) and report what does not
        /// carry over to a cluster (DMC5001). Off unless stated.
        /// </summary>
        public bool Kubernetes { get; set; }
    }

    /// <summary>Marks the enum whose members are the stack's user groups (LDAP groups).</summary>
    [AttributeUsage(AttributeTargets.Enum, AllowMultiple = false, Inherited = false)]
    public sealed class UserGroupsAttribute : Attribute
    {
    }
}
