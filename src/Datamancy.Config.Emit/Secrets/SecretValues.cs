using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace Datamancy.Config.Emit.Secrets;

/// <summary>Creates secret values with the platform's cryptographic RNG and key APIs.</summary>
public static class SecretValues
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Creates a value for a kind (Password, HexKey, Base64Key, RsaPrivateKey, OidcClientSecret).</summary>
    public static string Create(string kind, int length) => kind switch
    {
        "Password" or "OidcClientSecret" => RandomNumberGenerator.GetString(Alphabet, length),
        "HexKey" => Convert.ToHexString(RandomNumberGenerator.GetBytes(length)).ToLowerInvariant(),
        "Base64Key" => Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)),
        "RsaPrivateKey" => RsaPem(length),
        _ => throw new InvalidDataException("Unknown secret kind '" + kind + "'."),
    };

    private static string RsaPem(int bits)
    {
        using var rsa = RSA.Create(bits);
        return rsa.ExportPkcs8PrivateKeyPem();
    }
}

/// <summary>
/// Authelia's PBKDF2 digest format: <c>$pbkdf2-sha512$ITERATIONS$SALT$KEY</c>, salt and key in the
/// adapted base64 alphabet (<c>.</c> for <c>+</c>, no padding).
/// </summary>
public static class AutheliaDigest
{
    public const int Iterations = 310_000;
    private const int SaltBytes = 16;
    private const int KeyBytes = 64;

    public static string Create(string plaintext)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        return Format(Iterations, salt, Derive(plaintext, salt, Iterations));
    }

    /// <summary>True when <paramref name="digest"/> is the digest of <paramref name="plaintext"/>.</summary>
    public static bool Verify(string plaintext, string digest)
    {
        var parts = digest.Split('$');
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != "pbkdf2-sha512" || !int.TryParse(parts[2], out var iterations) || iterations < 1)
        {
            return false;
        }
        try
        {
            var salt = FromAb64(parts[3]);
            var expected = FromAb64(parts[4]);
            return CryptographicOperations.FixedTimeEquals(expected, Derive(plaintext, salt, iterations, expected.Length));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static byte[] Derive(string plaintext, byte[] salt, int iterations, int length = KeyBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(plaintext), salt, iterations, HashAlgorithmName.SHA512, length);

    private static string Format(int iterations, byte[] salt, byte[] key) =>
        "$pbkdf2-sha512$" + iterations + "$" + ToAb64(salt) + "$" + ToAb64(key);

    private static string ToAb64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '.');

    private static byte[] FromAb64(string text)
    {
        var base64 = text.Replace('.', '+');
        return Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '='));
    }
}
