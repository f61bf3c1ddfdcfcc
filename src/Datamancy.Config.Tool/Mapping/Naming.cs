using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>C# names from stack names: <c>open-webui</c> → <c>OpenWebui</c>, <c>data-scientists</c> → <c>DataScientists</c>.</summary>
internal static class Naming
{
    public static string Pascal(string name)
    {
        var builder = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsLetterOrDigit(c) || c > 127)
            {
                upper = true;
                continue;
            }
            builder.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        var result = builder.ToString();
        if (result.Length == 0 || char.IsDigit(result[0]))
        {
            result = "S" + result;
        }
        return SyntaxFacts.GetKeywordKind(result) != SyntaxKind.None ? "@" + result : result;
    }

    /// <summary>The group name the generator derives from an enum member (<c>DataScientists</c> → <c>data-scientists</c>).</summary>
    public static string GroupName(string member) => Regex.Replace(member, "(?<=[a-z0-9])([A-Z])", "-$1").ToLowerInvariant();

    public static string Unique(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var i = 2; !taken.Add(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        return candidate;
    }

    public static string EnvName(string service) => new(service.Select(c => char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : '_').ToArray());
}

/// <summary>What looks like a secret: by variable name, or by value shape (the value itself is never kept).</summary>
internal static class SecretHeuristics
{
    private static readonly Regex SecretName = new(@"(PASSWORD|PASSWD|(^|_)PASS$|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|(^|_)KEY$|CREDENTIAL|(^|_)SALT$|ENCRYPTION|SIGNING)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex UrlWithPassword = new(@"^[a-z][a-z0-9+.-]*://[^/@:\s]+:[^/@\s]+@", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex TokenShape = new(@"^(sk-|ghp_|glpat-|xox[bp]-)?[A-Za-z0-9+/=_-]{32,}$", RegexOptions.CultureInvariant);

    public static bool IsSecretName(string name) => SecretName.IsMatch(name) && !name.EndsWith("_FILE", StringComparison.OrdinalIgnoreCase)
        && !name.EndsWith("_URL", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("_URI", StringComparison.OrdinalIgnoreCase) && !name.EndsWith("_PATH", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when a literal value must not be copied into C#.</summary>
    public static bool IsSecretLiteral(string key, string value)
    {
        if (value.Length == 0 || value is "true" or "false" or "yes" or "no" or "0" or "1")
        {
            return false;
        }
        if (IsSecretName(key))
        {
            return true;
        }
        if (UrlWithPassword.IsMatch(value))
        {
            return true;
        }
        return TokenShape.IsMatch(value) && value.Any(char.IsDigit) && value.Any(char.IsLetter) && !value.Contains('/');
    }
}
