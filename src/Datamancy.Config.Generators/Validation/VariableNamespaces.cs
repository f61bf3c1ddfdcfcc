using System;
using System.Collections.Generic;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// The namespaces of the variables a stack reads from its environment. Each kind of free-form variable has its
    /// own, disjoint from secret names and from the variables a process or Compose itself reads, so an allowlist or
    /// capability variable can never carry a secret to Caddy or a container, and a secret can never be filled from the
    /// operator's shell (Compose prefers the shell's variables to the env file).
    /// </summary>
    internal static class VariableNamespaces
    {
        public const string AllowlistSuffix = "_ALLOWLIST";

        public static readonly string[] CapabilitySuffixes = { "_CAPS", "_CAPABILITIES" };

        /// <summary>Prefixes the stack or Compose reads for themselves: upstream overrides, local ports, Compose and Docker settings.</summary>
        public static readonly string[] ReservedPrefixes = { "DATAMANCY_", "COMPOSE_", "DOCKER_" };

        /// <summary>Single variables the stack reads for itself.</summary>
        public static readonly string[] ReservedNames = { "INGRESS_BIND_IP", "X_AUTHELIA_CONFIG_FILTERS" };

        /// <summary>
        /// Variables every shell, loader or runtime reads: a secret of that name would be taken from the operator's
        /// shell by Compose, and a container variable of that name changes how the process runs.
        /// </summary>
        private static readonly HashSet<string> ProcessVariables = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        {
            "PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "OLDPWD", "TERM", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TMP", "TEMP",
            "HOSTNAME", "IFS", "PS1", "PS2", "PS4", "ENV", "BASH_ENV", "CDPATH", "MAIL", "EDITOR", "VISUAL", "PAGER", "DISPLAY",
            "UID", "EUID", "GID", "PPID", "SHLVL", "HISTFILE", "PROMPT_COMMAND", "SUDO_USER", "SUDO_UID", "SUDO_GID", "SUDO_COMMAND",
            "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE",
            "NODE_OPTIONS", "NODE_PATH", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PERL5LIB", "PERL5OPT", "RUBYLIB", "RUBYOPT",
            "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "GOPATH", "GOFLAGS", "DOTNET_ROOT",
            "DOTNET_STARTUP_HOOKS", "DOTNET_ADDITIONAL_DEPS", "CORECLR_PROFILER", "CORECLR_PROFILER_PATH", "CORECLR_ENABLE_PROFILING",
        };

        private static readonly string[] ProcessPrefixes = { "LD_", "DYLD_", "LC_", "XDG_", "SSH_", "GIT_", "DOTNET_", "NUGET_", "MSBUILD" };

        /// <summary>True for a variable a shell, loader or language runtime reads (<c>PATH</c>, <c>LD_PRELOAD</c>, <c>LC_ALL</c>…).</summary>
        public static bool IsProcessVariable(string name)
        {
            if (ProcessVariables.Contains(name))
            {
                return true;
            }
            foreach (var prefix in ProcessPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary>Why a secret name is taken (by a namespace or a process variable), or null.</summary>
        public static string? SecretNameConflict(string name)
        {
            if (IsProcessVariable(name))
            {
                return "it is a variable shells and runtimes read; Compose would take its value from the operator's shell rather than the env file";
            }
            foreach (var prefix in ReservedPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return "'" + prefix + "*' is reserved for variables the stack and Compose read for themselves";
                }
            }
            if (Array.IndexOf(ReservedNames, name) >= 0)
            {
                return "the stack reads this variable for itself";
            }
            if (name.EndsWith(AllowlistSuffix, StringComparison.Ordinal))
            {
                return "'*" + AllowlistSuffix + "' is the namespace of API allowlist variables, which Caddy reads and may print";
            }
            foreach (var suffix in CapabilitySuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return "'*" + suffix + "' is the namespace of capability variables";
                }
            }
            return null;
        }

        /// <summary>Why an allowlist variable is outside its namespace, or null.</summary>
        public static string? AllowlistConflict(string name) =>
            !name.EndsWith(AllowlistSuffix, StringComparison.Ordinal) || name.Length == AllowlistSuffix.Length
                ? "allowlist variables end in '" + AllowlistSuffix + "' (for example API_LITELLM_ALLOWLIST), so they can never name a secret or a process variable"
                : ReservedPrefix(name);

        /// <summary>Why a capability variable is outside its namespace, or null.</summary>
        public static string? CapabilityConflict(string name)
        {
            foreach (var suffix in CapabilitySuffixes)
            {
                if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length)
                {
                    return ReservedPrefix(name);
                }
            }
            return "capability variables end in '_CAPS' or '_CAPABILITIES' (for example KFUNCDB_ALLOW_CAPS), so they can never name a secret or a process variable";
        }

        private static string? ReservedPrefix(string name)
        {
            foreach (var prefix in ReservedPrefixes)
            {
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return "'" + prefix + "*' is reserved for variables the stack and Compose read for themselves (DATAMANCY_UPSTREAM_<SERVICE> overrides upstreams)";
                }
            }
            return null;
        }
    }
}
