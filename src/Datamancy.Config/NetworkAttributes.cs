using System;

namespace Datamancy.Config
{
    /// <summary>An extra DNS name of the service on each of its networks (compose <c>aliases</c>); unique in the stack.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class NetworkAliasAttribute : Attribute
    {
        /// <summary>Declares an alias.</summary>
        /// <param name="alias">A lower-case DNS name, for example <c>mail</c>.</param>
        public NetworkAliasAttribute(string alias)
        {
            Alias = alias;
        }

        /// <summary>The alias.</summary>
        public string Alias { get; }
    }

    /// <summary>
    /// A static host entry (compose <c>extra_hosts</c>), for example <c>host.docker.internal</c> → <c>host-gateway</c>.
    /// An explicit exception (it lets the container reach the host or bypass the stack's DNS): needs a Justification.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class ExtraHostAttribute : Attribute
    {
        /// <summary>Declares a host entry.</summary>
        /// <param name="host">The host name.</param>
        /// <param name="address">An IP address or <c>host-gateway</c>.</param>
        public ExtraHostAttribute(string host, string address)
        {
            Host = host;
            Address = address;
        }

        /// <summary>The host name.</summary>
        public string Host { get; }

        /// <summary>The address.</summary>
        public string Address { get; }

        /// <summary>Why; required.</summary>
        public string? Justification { get; set; }
    }

    /// <summary>
    /// DNS servers of the container instead of Docker's (compose <c>dns</c>). An explicit exception (the stack's
    /// service names and aliases no longer resolve through them alone): needs a Justification.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class DnsAttribute : Attribute
    {
        /// <summary>Declares DNS servers.</summary>
        /// <param name="servers">IP addresses.</param>
        public DnsAttribute(params string[] servers)
        {
            Servers = servers;
        }

        /// <summary>The servers.</summary>
        public string[] Servers { get; }

        /// <summary>Why; required.</summary>
        public string? Justification { get; set; }
    }
}
