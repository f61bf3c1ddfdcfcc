using System;

namespace Datamancy.Config
{
    /// <summary>Marks a partial class as one container service of the stack.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ServiceAttribute : Attribute
    {
        /// <summary>Declares a service.</summary>
        /// <param name="name">The compose service name, also its internal DNS name.</param>
        /// <param name="image">The image reference with a pinned tag or digest.</param>
        public ServiceAttribute(string name, string image)
        {
            Name = name;
            Image = image;
        }

        /// <summary>The compose service name.</summary>
        public string Name { get; }

        /// <summary>The image reference.</summary>
        public string Image { get; }

        /// <summary>The port the service listens on inside its network (0: none).</summary>
        public int Port { get; set; }

        /// <summary>The networks the service joins.</summary>
        public Network Networks { get; set; } = Network.Backend;

        /// <summary>Whether the service starts in bootstrap or only in the full stack.</summary>
        public Profile Profile { get; set; } = Profile.Full;

        /// <summary>The role the service plays.</summary>
        public ServiceRole Role { get; set; } = ServiceRole.App;

        /// <summary>The user the container runs as, for example <c>1000:1000</c>.</summary>
        public string? User { get; set; }

        /// <summary>The command, split into arguments.</summary>
        public string[]? Command { get; set; }

        /// <summary>
        /// Named profiles beyond bootstrap and full (lower-case, for example <c>databases</c>). The service also starts in
        /// the full stack; bootstrap services start in every named profile, so each profile has the ingress and the one SSO configuration.
        /// </summary>
        public string[]? Profiles { get; set; }

        /// <summary>Replaces the image's entrypoint, split into arguments (compose <c>entrypoint</c>).</summary>
        public string[]? Entrypoint { get; set; }

        /// <summary>How long compose waits after SIGTERM before SIGKILL, for example <c>1m</c> (compose <c>stop_grace_period</c>).</summary>
        public string? StopGracePeriod { get; set; }

        /// <summary>The size of <c>/dev/shm</c>, for example <c>1g</c> (compose <c>shm_size</c>).</summary>
        public string? ShmSize { get; set; }

        /// <summary>Mount the container's root filesystem read-only (compose <c>read_only</c>); give writable paths with <see cref="TmpfsAttribute"/> or volumes.</summary>
        public bool ReadOnlyRootFilesystem { get; set; }

        /// <summary>
        /// How many copies run (Kubernetes replicas, compose <c>deploy.replicas</c>); 1 unless stated. Only stateless services may
        /// run more than one: databases, the directory, the cache, the SSO provider (local SQLite) and services with a writable named volume may not.
        /// </summary>
        public int Replicas { get; set; } = 1;
    }

    /// <summary>A non-secret environment variable of the service.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EnvAttribute : Attribute
    {
        /// <summary>Declares an environment variable.</summary>
        /// <param name="name">The variable name.</param>
        /// <param name="value">Its value; never a secret (use <see cref="SecretAttribute"/>).</param>
        public EnvAttribute(string name, string value)
        {
            Name = name;
            Value = value;
        }

        /// <summary>The variable name.</summary>
        public string Name { get; }

        /// <summary>The value.</summary>
        public string Value { get; }
    }

    /// <summary>
    /// A secret the service reads. Only the name appears in artifacts: compose passes
    /// <c>${NAME}</c> from the env file, and the env templates list the name without a value.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SecretAttribute : Attribute
    {
        /// <summary>Declares a secret read from the stack's env file.</summary>
        /// <param name="name">The stack-wide secret name, for example <c>LITELLM_MASTER_KEY</c>.</param>
        public SecretAttribute(string name)
        {
            Name = name;
        }

        /// <summary>The stack-wide secret name.</summary>
        public string Name { get; }

        /// <summary>The variable name inside the container, when it differs from <see cref="Name"/>.</summary>
        public string? As { get; set; }

        /// <summary>How the secrets command creates the value.</summary>
        public SecretKind Kind { get; set; }

        /// <summary>Characters, bytes or bits depending on <see cref="Kind"/>; 0 uses the kind's default.</summary>
        public int Length { get; set; }

        /// <summary>A fixed prefix some applications require (LiteLLM keys start with <c>sk-</c>); letters, digits, '-' and '_'.</summary>
        public string? Prefix { get; set; }

        /// <summary>
        /// The service starts without it (an SMTP relay password, an external API key): compose passes <c>${NAME:-}</c>
        /// instead of failing when it is unset, and the secrets command does not generate it — you set it when you have it.
        /// </summary>
        public bool Optional { get; set; }
    }

    /// <summary>
    /// A volume mounted into the service. Host paths outside the stack folder (<c>/etc/localtime</c>,
    /// <c>/var/lib/docker/volumes</c>) and sources chosen by a variable are explicit exceptions: they need a
    /// <see cref="Justification"/> (DMC3011) and SECURITY-AUDIT.md lists them.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class VolumeAttribute : Attribute
    {
        /// <summary>Declares a mount.</summary>
        /// <param name="source">A named volume, a bind path starting with <c>./</c>, or (justified) an absolute host path.</param>
        /// <param name="target">The absolute path inside the container.</param>
        public VolumeAttribute(string source, string target)
        {
            Source = source;
            Target = target;
        }

        /// <summary>The named volume or bind path.</summary>
        public string Source { get; }

        /// <summary>The container path.</summary>
        public string Target { get; }

        /// <summary>Mount read-only.</summary>
        public bool ReadOnly { get; set; }

        /// <summary>The backup decision for persistent data.</summary>
        public Backup Backup { get; set; }

        /// <summary>
        /// A variable that chooses the host path, with <see cref="Source"/> as its default:
        /// compose mounts <c>${VARIABLE:-source}</c> and the env templates list it. Needs a <see cref="Justification"/>.
        /// </summary>
        public string? SourceVariable { get; set; }

        /// <summary>Why the service needs a host path outside the stack folder or a variable source; required for those.</summary>
        public string? Justification { get; set; }
    }

    /// <summary>Mounts the Docker socket, read-only unless stated otherwise.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class DockerSocketAttribute : Attribute
    {
        /// <summary>Mount the socket read-only (the default and the only safe choice).</summary>
        public bool ReadOnly { get; set; } = true;

        /// <summary>A variable that chooses the socket path (rootless Docker, Podman), for example <c>DOCKER_SOCKET</c>; <c>/var/run/docker.sock</c> while unset.</summary>
        public string? SourceVariable { get; set; }
    }

    /// <summary>The tool-capability allowlist of a KFuncDB-like tool host; never empty.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class CapabilitiesAttribute : Attribute
    {
        /// <summary>Declares the allowed capabilities.</summary>
        /// <param name="capabilities">Dotted capability names, for example <c>host.shell.read</c>.</param>
        public CapabilitiesAttribute(params string[] capabilities)
        {
            Capabilities = capabilities;
        }

        /// <summary>The allowed capabilities.</summary>
        public string[] Capabilities { get; }

        /// <summary>The variable the service reads the list from.</summary>
        public string Variable { get; set; } = "KFUNCDB_ALLOW_CAPS";

        /// <summary>Why a write or exec capability is needed.</summary>
        public string? Justification { get; set; }
    }

    /// <summary>
    /// The container healthcheck. A check that needs a secret (a database ping with its root password) reads it from
    /// the container's own environment at run time: set <see cref="Shell"/> and write <c>$VARIABLE</c>; compose gets
    /// <c>CMD-SHELL</c> with <c>$$VARIABLE</c>, so the value is never interpolated into compose.yaml.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class HealthcheckAttribute : Attribute
    {
        /// <summary>Declares a healthcheck run without a shell.</summary>
        /// <param name="test">The command and its arguments (compose <c>CMD</c> form).</param>
        public HealthcheckAttribute(params string[] test)
        {
            Test = test;
        }

        /// <summary>The command and its arguments.</summary>
        public string[] Test { get; }

        /// <summary>The interval, for example <c>30s</c>.</summary>
        public string Interval { get; set; } = "30s";

        /// <summary>The timeout, for example <c>5s</c>.</summary>
        public string Timeout { get; set; } = "5s";

        /// <summary>Failures before unhealthy.</summary>
        public int Retries { get; set; } = 3;

        /// <summary>The grace period at start.</summary>
        public string StartPeriod { get; set; } = "30s";

        /// <summary>Run the one test string through the container's shell (compose <c>CMD-SHELL</c>); <c>$VARIABLE</c> then names a variable of the container.</summary>
        public bool Shell { get; set; }
    }

    /// <summary>A service this one waits for.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class DependsOnAttribute : Attribute
    {
        /// <summary>Declares a dependency on another service class.</summary>
        /// <param name="service">The class marked with <see cref="ServiceAttribute"/>.</param>
        public DependsOnAttribute(Type service)
        {
            Service = service;
        }

        /// <summary>The service class.</summary>
        public Type Service { get; }

        /// <summary>What the dependency must reach first.</summary>
        public DependencyCondition Condition { get; set; }
    }

    /// <summary>
    /// Resource limits. Without it (or for a value it leaves unset) the service runs on the stack's defaults
    /// (<see cref="StackAttribute.DefaultMemory"/>, <see cref="StackAttribute.DefaultCpus"/>, <see cref="StackAttribute.DefaultPids"/>);
    /// SECURITY-AUDIT.md lists which services do.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ResourcesAttribute : Attribute
    {
        /// <summary>The memory limit, for example <c>512m</c> or <c>2g</c>; the stack default unless stated.</summary>
        public string? Memory { get; set; }

        /// <summary>The CPU limit, for example <c>0.5</c>; the stack default unless stated.</summary>
        public string? Cpus { get; set; }

        /// <summary>The process limit; the stack default unless stated.</summary>
        public int Pids { get; set; }

        /// <summary>No memory and CPU limit at all (an LLM server, ClickHouse); an explicit exception that needs <see cref="Justification"/>.</summary>
        public bool NoLimit { get; set; }

        /// <summary>Why the service runs without a memory and CPU limit.</summary>
        public string? Justification { get; set; }
    }

    /// <summary>
    /// A host port the service publishes. Only the ingress publishes ports; any other
    /// service needs a written justification.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class PublishAttribute : Attribute
    {
        /// <summary>Publishes a container port on the same host port.</summary>
        /// <param name="port">The port.</param>
        public PublishAttribute(int port)
        {
            HostPort = port;
            ContainerPort = port;
        }

        /// <summary>The host port.</summary>
        public int HostPort { get; }

        /// <summary>The container port; the host port unless stated.</summary>
        public int ContainerPort { get; set; }

        /// <summary>The transport.</summary>
        public Protocol Protocol { get; set; }

        /// <summary>Why a service other than the ingress publishes this port.</summary>
        public string? Justification { get; set; }
    }
}
