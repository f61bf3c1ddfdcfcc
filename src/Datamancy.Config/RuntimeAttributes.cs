using System;

namespace Datamancy.Config
{
    /// <summary>
    /// Builds the service's image from a Dockerfile (compose <c>build</c>); the <see cref="ServiceAttribute.Image"/>
    /// names the built image. The tag rules apply to <see cref="BaseImage"/> when it is given: the generator does not
    /// read the Dockerfile, so without it the audit says the base image is not checked.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class BuildAttribute : Attribute
    {
        /// <summary>Declares a build.</summary>
        /// <param name="context">The build context, a folder inside the stack folder starting with <c>./</c>.</param>
        public BuildAttribute(string context)
        {
            Context = context;
        }

        /// <summary>The build context.</summary>
        public string Context { get; }

        /// <summary>The Dockerfile, relative to the context; <c>Dockerfile</c> unless stated.</summary>
        public string? Dockerfile { get; set; }

        /// <summary>The build stage to build (<c>--target</c>).</summary>
        public string? Target { get; set; }

        /// <summary>Build arguments as <c>NAME=value</c>; never secrets (they stay in the image's history).</summary>
        public string[]? Args { get; set; }

        /// <summary>The image the Dockerfile starts <c>FROM</c>, so its tag can be checked (DMC3007).</summary>
        public string? BaseImage { get; set; }
    }

    /// <summary>
    /// A one-shot job or init container: it runs to completion (<c>restart: "no"</c>, or <c>on-failure</c>), needs no
    /// healthcheck, and dependents wait for it with <see cref="DependencyCondition.CompletedSuccessfully"/>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class JobAttribute : Attribute
    {
        /// <summary>Restart the job while it fails (compose <c>on-failure</c>) instead of never.</summary>
        public bool RestartOnFailure { get; set; }
    }

    /// <summary>A resource limit of the container's processes (compose <c>ulimits</c>).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class UlimitAttribute : Attribute
    {
        /// <summary>Declares a ulimit.</summary>
        /// <param name="name">The limit, for example <c>nofile</c> or <c>memlock</c>.</param>
        /// <param name="soft">The soft limit (-1: unlimited).</param>
        /// <param name="hard">The hard limit (-1: unlimited).</param>
        public UlimitAttribute(string name, int soft, int hard)
        {
            Name = name;
            Soft = soft;
            Hard = hard;
        }

        /// <summary>The limit.</summary>
        public string Name { get; }

        /// <summary>The soft limit.</summary>
        public int Soft { get; }

        /// <summary>The hard limit.</summary>
        public int Hard { get; }
    }

    /// <summary>The container's log driver and its options (compose <c>logging</c>).</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class LoggingAttribute : Attribute
    {
        /// <summary>Declares the log driver.</summary>
        /// <param name="driver">The driver, for example <c>json-file</c> or <c>local</c>.</param>
        public LoggingAttribute(string driver)
        {
            Driver = driver;
        }

        /// <summary>The driver.</summary>
        public string Driver { get; }

        /// <summary>Driver options as <c>key=value</c>, for example <c>max-size=10m</c>.</summary>
        public string[]? Options { get; set; }
    }

    /// <summary>A tmpfs mount (compose <c>tmpfs</c>), for example the writable <c>/tmp</c> of a read-only root filesystem.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class TmpfsAttribute : Attribute
    {
        /// <summary>Declares a tmpfs mount.</summary>
        /// <param name="target">The absolute container path.</param>
        public TmpfsAttribute(string target)
        {
            Target = target;
        }

        /// <summary>The container path.</summary>
        public string Target { get; }

        /// <summary>The size limit, for example <c>64m</c>; unlimited (half the RAM) unless stated.</summary>
        public string? Size { get; set; }
    }

    /// <summary>
    /// Reserves GPUs for the service (compose <c>deploy.resources.reservations.devices</c>).
    /// SECURITY-AUDIT.md lists the services with device access.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class GpuAttribute : Attribute
    {
        /// <summary>The device driver; <c>nvidia</c> unless stated.</summary>
        public string Driver { get; set; } = "nvidia";

        /// <summary>How many GPUs; 0 means all of them.</summary>
        public int Count { get; set; }

        /// <summary>The device capabilities; <c>gpu</c> unless stated.</summary>
        public string[]? Capabilities { get; set; }
    }
}
