using System;

namespace Datamancy.Config
{
    /// <summary>How the stack's services are connected.</summary>
    public enum NetworkLayout
    {
        /// <summary>
        /// The three shared networks: <c>frontend</c>, <c>backend</c> and an internal <c>database</c> network,
        /// chosen per service with <see cref="ServiceAttribute.Networks"/>. Simple; every service on a network reaches every other one there.
        /// </summary>
        Shared = 0,

        /// <summary>
        /// Least privilege: one internal network per link (a service and one service it uses), so a service reaches exactly
        /// what it declares with <see cref="UsesAttribute"/> or <see cref="DependsOnAttribute"/>; the ingress joins exactly
        /// the networks of what it routes to. <see cref="ServiceAttribute.Networks"/> is not used.
        /// </summary>
        PerLink = 1,
    }

    /// <summary>
    /// Declares that this service opens connections to another service of the stack (its database, cache, directory or API),
    /// without a start-up order. <see cref="DependsOnAttribute"/> declares the same link and also orders the start.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class UsesAttribute : Attribute
    {
        /// <summary>Declares a link to another service class.</summary>
        /// <param name="service">The class marked with <see cref="ServiceAttribute"/>.</param>
        public UsesAttribute(Type service)
        {
            Service = service;
        }

        /// <summary>The service class this service connects to.</summary>
        public Type Service { get; }
    }

    /// <summary>
    /// Lets the service open connections to the internet (outside the stack and outside private ranges).
    /// Under <see cref="NetworkLayout.PerLink"/> and in Kubernetes, a service has no internet access without it; listed in the audit.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class EgressAttribute : Attribute
    {
        /// <summary>Allows internet egress.</summary>
        /// <param name="justification">Why the service needs the internet (for example "calls the OpenAI API").</param>
        public EgressAttribute(string justification)
        {
            Justification = justification;
        }

        /// <summary>Why the service needs the internet.</summary>
        public string Justification { get; }
    }
}
