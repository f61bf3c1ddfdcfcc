using System.Text.RegularExpressions;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>
/// Does what Authelia's template filter does before it parses the YAML: replaces each
/// <c>{{ env "NAME" }}</c> action with the variable's value (here a well-formed placeholder digest).
/// </summary>
public static class AutheliaTemplate
{
    public const string PlaceholderDigest = "$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng";

    private static readonly Regex EnvAction = new("\\{\\{ env \"([A-Z_][A-Z0-9_]*)\" \\}\\}");

    public static string Evaluate(string configuration) => EnvAction.Replace(configuration, _ => PlaceholderDigest);
}

/// <summary>Env files for tests: every name from an env template, with a harmless placeholder value.</summary>
public static class EnvFiles
{
    public static string WithPlaceholderValues(string template)
    {
        var lines = template.Split('\n')
            .Where(l => l.EndsWith('=') && !l.StartsWith("# ") || Regex.IsMatch(l, "^# [A-Z_][A-Z0-9_]*=$"))
            .Select(l => l.TrimStart('#', ' ').TrimEnd('='))
            .Select(name => name + "=" + (name == "INGRESS_BIND_IP" ? "127.0.0.1" : name.EndsWith("_ALLOWLIST") ? "10.0.0.0/8" : "placeholder"));
        return string.Join("\n", lines) + "\n";
    }
}
