using Datamancy.Config.Generators.Validation;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The variables a shell, loader or runtime reads, written out as the specification: a secret or container variable of
/// one of these names would be taken from the operator's shell or change how the process runs, so each is refused in
/// any case; a name that only resembles one is not.
/// </summary>
public sealed class ProcessVariableGuardTests
{
    public static TheoryData<string> ProcessVariables() => new(
        "PATH", "HOME", "USER", "LOGNAME", "SHELL", "PWD", "OLDPWD", "TERM", "LANG", "LANGUAGE", "TZ", "TMPDIR", "TMP", "TEMP",
        "HOSTNAME", "IFS", "PS1", "PS2", "PS4", "ENV", "BASH_ENV", "CDPATH", "MAIL", "EDITOR", "VISUAL", "PAGER", "DISPLAY",
        "UID", "EUID", "GID", "PPID", "SHLVL", "HISTFILE", "PROMPT_COMMAND", "SUDO_USER", "SUDO_UID", "SUDO_GID", "SUDO_COMMAND",
        "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "NO_PROXY", "ALL_PROXY", "SSL_CERT_FILE", "SSL_CERT_DIR", "CURL_CA_BUNDLE",
        "NODE_OPTIONS", "NODE_PATH", "PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PERL5LIB", "PERL5OPT", "RUBYLIB", "RUBYOPT",
        "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JDK_JAVA_OPTIONS", "CLASSPATH", "GOPATH", "GOFLAGS", "DOTNET_ROOT",
        "DOTNET_STARTUP_HOOKS", "DOTNET_ADDITIONAL_DEPS", "CORECLR_PROFILER", "CORECLR_PROFILER_PATH", "CORECLR_ENABLE_PROFILING",
        "LD_PRELOAD", "DYLD_INSERT_LIBRARIES", "LC_ALL", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK", "GIT_DIR", "DOTNET_X", "NUGET_PACKAGES", "MSBUILDX");

    [Theory]
    [MemberData(nameof(ProcessVariables))]
    public void A_process_variable_is_one_in_any_case(string name)
    {
        Assert.True(VariableNamespaces.IsProcessVariable(name));
        Assert.True(VariableNamespaces.IsProcessVariable(name.ToLowerInvariant()));
    }

    [Theory]
    [InlineData("APP_PATH")]
    [InlineData("PATHS")]
    [InlineData("MY_LD_PRELOAD")]
    [InlineData("LDAP_PASSWORD")]
    [InlineData("GITEA_TOKEN")]
    public void A_name_that_only_resembles_one_is_not(string name) =>
        Assert.False(VariableNamespaces.IsProcessVariable(name));

    [Theory]
    [InlineData("DATAMANCY_X", "'DATAMANCY_*' is reserved for variables the stack and Compose read for themselves")]
    [InlineData("INGRESS_BIND_IP", "the stack reads this variable for itself")]
    [InlineData("APP_ALLOWLIST", "'*_ALLOWLIST' is the namespace of API allowlist variables, which Caddy reads and may print")]
    [InlineData("APP_CAPABILITIES", "'*_CAPABILITIES' is the namespace of capability variables")]
    [InlineData("PATH", "it is a variable shells and runtimes read; Compose would take its value from the operator's shell rather than the env file")]
    [InlineData("APP_TOKEN", null)]
    public void Why_a_secret_name_is_taken_word_for_word(string name, string? reason) =>
        Assert.Equal(reason, VariableNamespaces.SecretNameConflict(name));

    [Fact]
    public void An_allowlist_or_capability_variable_under_a_reserved_prefix_says_what_the_prefix_is_for()
    {
        const string Reserved = "'COMPOSE_*' is reserved for variables the stack and Compose read for themselves (DATAMANCY_UPSTREAM_<SERVICE> overrides upstreams)";
        Assert.Equal(Reserved, VariableNamespaces.AllowlistConflict("COMPOSE_ALLOWLIST"));
        Assert.Equal(Reserved, VariableNamespaces.CapabilityConflict("COMPOSE_CAPS"));
        Assert.Null(VariableNamespaces.AllowlistConflict("PARTNER_ALLOWLIST"));
        Assert.Null(VariableNamespaces.CapabilityConflict("KFUNCDB_ALLOW_CAPS"));
    }
}
