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
}
