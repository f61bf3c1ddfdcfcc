using Datamancy.Config.Tests.Hostile;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// A container variable in a command, an entrypoint or a healthcheck is read at run time only by a shell, and a secret's
/// env-file name is never interpolated there: each mistake is refused word for word at its argument; what a shell
/// expands is quiet.
/// </summary>
public sealed class RuntimeVariableGuardTests
{
    private const string App = "[Service(\"app\", \"example/app:1.2.3\", Networks = Network.Backend, ";

    private const string Token = "[Secret(\"APP_TOKEN\")]\n";

    private const string NoShell = "no shell runs this argument list, so it would stay literal text; run it as \"sh\", \"-c\", \"...\" and the container reads the variable at run time";

    private const string NoShellCheck = "no shell runs this argument list, so it would stay literal text; set Shell = true and the container reads the variable at run time";

    private static GeneratorRun Run(string attributes) => HostileStack.RunWithOwnHealthcheck(attributes);

    public static TheoryData<string, string, string> Refusals() => new()
    {
        // Each source of the container's variables: a secret, an environment entry, a setting, the capability list.
        { App + "Command = new[] { \"run\", \"$APP_TOKEN\" })]\n" + Token, "Service 'app': '$APP_TOKEN' is invalid: " + NoShell, "\"$APP_TOKEN\"" },
        { App + "Command = new[] { \"run\", \"--mode=${MODE}\" })]\n[Env(\"MODE\", \"fast\")]", "Service 'app': '$MODE' is invalid: " + NoShell, "\"--mode=${MODE}\"" },
        { App + "Command = new[] { \"run\", \"$MAIL_HOST\" })]\n[Setting(\"APP_MAIL_HOST\", \"mail.example.com\", As = \"MAIL_HOST\")]", "Service 'app': '$MAIL_HOST' is invalid: " + NoShell, "\"$MAIL_HOST\"" },
        { App + "Command = new[] { \"run\", \"$KFUNCDB_ALLOW_CAPS\" })]\n[Capabilities(\"host.shell.read\")]", "Service 'app': '$KFUNCDB_ALLOW_CAPS' is invalid: " + NoShell, "\"$KFUNCDB_ALLOW_CAPS\"" },
        // What is not a shell: another interpreter with -c, a shell without -c, a shell alone.
        { App + "Command = new[] { \"python\", \"-c\", \"$APP_TOKEN\" })]\n" + Token, "Service 'app': '$APP_TOKEN' is invalid: " + NoShell, "\"$APP_TOKEN\"" },
        { App + "Command = new[] { \"sh\", \"-x\", \"$APP_TOKEN\" })]\n" + Token, "Service 'app': '$APP_TOKEN' is invalid: " + NoShell, "\"$APP_TOKEN\"" },
        { App + "Command = new[] { \"sh\", \"$APP_TOKEN\" })]\n" + Token, "Service 'app': '$APP_TOKEN' is invalid: " + NoShell, "\"$APP_TOKEN\"" },
        { App + "Entrypoint = new[] { \"/entry\", \"$APP_TOKEN\" })]\n" + Token, "Service 'app': '$APP_TOKEN' is invalid: " + NoShell, "\"$APP_TOKEN\"" },
        { App + "Command = new[] { \"run\" })]\n" + Token + "[Healthcheck(\"check\", \"$APP_TOKEN\")]", "Service 'app': '$APP_TOKEN' is invalid: " + NoShellCheck, "\"$APP_TOKEN\"" },
        // A secret's env-file name where the container has it under another name: refused even inside a shell.
        { App + "Command = new[] { \"sh\", \"-c\", \"run $APP_DB_PASSWORD\" })]\n[Secret(\"APP_DB_PASSWORD\", As = \"DB_PASSWORD\")]",
            "Service 'app': '$APP_DB_PASSWORD' is invalid: it is the secret's name in the env file, which compose does not interpolate here; the container has it as '$DB_PASSWORD'", "\"run $APP_DB_PASSWORD\"" },
        { App + "Entrypoint = new[] { \"/entry\", \"${APP_DB_PASSWORD}\" })]\n[Secret(\"APP_DB_PASSWORD\", As = \"DB_PASSWORD\")]",
            "Service 'app': '$APP_DB_PASSWORD' is invalid: it is the secret's name in the env file, which compose does not interpolate here; the container has it as '$DB_PASSWORD'", "\"${APP_DB_PASSWORD}\"" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Each_refusal_is_worded_and_placed(string attributes, string message, string underlined) =>
        Run(attributes).AssertPlaced("DMC0001", message, underlined, attributes);

    [Theory]
    [InlineData("sh")]
    [InlineData("bash")]
    [InlineData("ash")]
    [InlineData("dash")]
    [InlineData("zsh")]
    [InlineData("/bin/sh")]
    [InlineData("/usr/bin/bash")]
    public void Every_shell_expands_the_containers_variables(string shell) =>
        AssertQuiet(App + "Command = new[] { \"" + shell + "\", \"-c\", \"run $APP_TOKEN\" })]\n" + Token);

    [Theory]
    // The program's directory is not its name: a shell found through a variable's path is still a shell.
    [InlineData(App + "Command = new[] { \"${APP_TOKEN}/sh\", \"-c\" })]\n" + Token)]
    [InlineData(App + "Entrypoint = new[] { \"bash\", \"-c\", \"exec /entry $APP_TOKEN\" })]\n" + Token)]
    [InlineData(App + "Command = new[] { \"run\" })]\n" + Token + "[Healthcheck(\"check $APP_TOKEN\", Shell = true)]")]
    [InlineData(App + "Command = new[] { \"run\" })]\n" + Token + "[Healthcheck(\"sh\", \"-c\", \"check $APP_TOKEN\")]")]
    // A variable the container does not have is none of these rules' business.
    [InlineData(App + "Command = new[] { \"run\", \"$HOME\" })]\n" + Token)]
    public void What_a_shell_runs_or_the_container_lacks_is_quiet(string attributes) => AssertQuiet(attributes);

    private static void AssertQuiet(string attributes)
    {
        var run = Run(attributes);
        HostileStack.AssertNoCrash(run);
        Assert.DoesNotContain(run.WithId("DMC0001"), d => d.Message().Contains("no shell runs", StringComparison.Ordinal) || d.Message().Contains("the secret's name in the env file", StringComparison.Ordinal));
    }
}
