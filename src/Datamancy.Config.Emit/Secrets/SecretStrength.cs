using System;
using System.Security.Cryptography;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>
/// Compares a kept value with what the generator would create for the same secret, in bits of randomness at best.
/// The estimate is generous to the kept value (every character counted as random from the classes it uses), so a
/// warning means the value is weaker than a generated one for certain. A value with both lower- and upper-case
/// letters is also credited the digits: one of the generator's own 32-character values has none about once in 280
/// draws, and must not be called weak when it is kept. Values are never shown.
/// </summary>
public static class SecretStrength
{
    /// <summary>Why the kept value is weaker than a generated one, or null.</summary>
    public static string? Weakness(SecretEntry secret, string value)
    {
        if (secret.DigestOf is not null)
        {
            return null; // a digest is recomputed from its plaintext, which is checked itself
        }
        if (secret.Kind == "RsaPrivateKey")
        {
            return RsaWeakness(secret.Length, value);
        }
        var body = secret.Prefix.Length > 0 && value.StartsWith(secret.Prefix, StringComparison.Ordinal) ? value[secret.Prefix.Length..] : value;
        var generated = GeneratedBits(secret);
        var kept = KeptBits(secret.Kind, body);
        return kept + 0.001 < generated
            ? "about " + (int)kept + " bits of randomness at most, where a generated value has " + (int)generated
            : null;
    }

    private static double GeneratedBits(SecretEntry secret) => secret.Kind switch
    {
        "HexKey" or "Base64Key" => secret.Length * 8.0,
        _ => secret.Length * Math.Log2(62),
    };

    private static double KeptBits(string kind, string value)
    {
        if (kind == "HexKey" && value.Length % 2 == 0 && IsHex(value))
        {
            return value.Length * 4.0;
        }
        if (kind == "Base64Key")
        {
            var buffer = new byte[value.Length];
            if (Convert.TryFromBase64String(value, buffer, out var bytes))
            {
                return bytes * 8.0;
            }
        }
        int lower = 0, upper = 0, digit = 0, other = 0;
        foreach (var c in value)
        {
            if (c is >= 'a' and <= 'z') lower = 26;
            else if (c is >= 'A' and <= 'Z') upper = 26;
            else if (c is >= '0' and <= '9') digit = 10;
            else other = 33;
        }
        if (lower > 0 && upper > 0)
        {
            digit = 10;
        }
        var alphabet = lower + upper + digit + other;
        return alphabet == 0 ? 0 : value.Length * Math.Log2(alphabet);
    }

    private static bool IsHex(string value)
    {
        foreach (var c in value)
        {
            if (!Uri.IsHexDigit(c))
            {
                return false;
            }
        }
        return value.Length > 0;
    }

    private static string? RsaWeakness(int bits, string value)
    {
        try
        {
            using var rsa = RSA.Create();
            rsa.ImportFromPem(value);
            return rsa.KeySize < bits ? "an RSA key of " + rsa.KeySize + " bits, where a generated one has " + bits : null;
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            return "not a PEM RSA private key";
        }
    }
}
