using System.Globalization;
using System.Text.RegularExpressions;

namespace Datamancy.Config.Tool.Mapping;

/// <summary>The generation hint in a Datamancy env template comment (<c># Secret: random password, 32 characters after the prefix 'sk-'.</c>).</summary>
internal static class SecretKindHint
{
    private static readonly Regex Password = new(@"^Secret: random password, (?<n>[0-9]+) characters(?: after the prefix '(?<p>[A-Za-z0-9_-]+)')?\.", RegexOptions.CultureInvariant);
    private static readonly Regex Hex = new(@"^Secret: random key, (?<n>[0-9]+) bytes, hex\.", RegexOptions.CultureInvariant);
    private static readonly Regex Base64 = new(@"^Secret: random key, (?<n>[0-9]+) bytes, base64\.", RegexOptions.CultureInvariant);
    private static readonly Regex Rsa = new(@"^Secret: RSA (?<n>[0-9]+)-bit private key", RegexOptions.CultureInvariant);

    public static (string Kind, int Length, string? Prefix)? Parse(string comment)
    {
        Match m;
        if ((m = Password.Match(comment)).Success)
        {
            var n = Number(m);
            return ("Password", n == 32 ? 0 : n, m.Groups["p"].Success ? m.Groups["p"].Value : null);
        }
        if ((m = Hex.Match(comment)).Success)
        {
            return ("HexKey", Number(m) == 32 ? 0 : Number(m), null);
        }
        if ((m = Base64.Match(comment)).Success)
        {
            return ("Base64Key", Number(m) == 32 ? 0 : Number(m), null);
        }
        if ((m = Rsa.Match(comment)).Success)
        {
            return ("RsaPrivateKey", Number(m) == 4096 ? 0 : Number(m), null);
        }
        return null;
    }

    private static int Number(Match m) => int.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture);
}
