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
