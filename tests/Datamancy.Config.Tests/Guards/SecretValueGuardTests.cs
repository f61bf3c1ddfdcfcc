using System.Security.Cryptography;
using System.Text;
using Datamancy.Config.Emit;
using Datamancy.Config.Emit.Secrets;
using Datamancy.Config.Tests.Infrastructure;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// What the secrets command creates and what it says about a kept value: the generator's alphabets and lengths, the
/// strength estimate word for word (a kept value no stronger than a generated one is never called weak, a weaker one
/// always is), Authelia's digest format read back exactly, and the rotation record's lines.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretValueGuardTests
{
    private static SecretEntry Secret(string kind, int length, string prefix = "", string? digestOf = null) =>
        new("S", kind, length, false, Array.Empty<string>(), digestOf, false, prefix);

    private static string Weak(int kept, int generated) =>
        "about " + kept + " bits of randomness at most, where a generated value has " + generated;

    // A one-character password has log2(62) = 5.95 bits; each character class counts its own size.
    [Theory]
    [InlineData("a", 4)]
    [InlineData("z", 4)]
    [InlineData("A", 4)]
    [InlineData("Z", 4)]
    [InlineData("0", 3)]
    [InlineData("9", 3)]
    [InlineData("`", 5)]
    [InlineData("{", 5)]
    [InlineData("@", 5)]
    [InlineData("[", 5)]
    [InlineData("/", 5)]
    [InlineData(":", 5)]
    public void Each_character_counts_the_size_of_its_class(string value, int bits) =>
        Assert.Equal(Weak(bits, 5), SecretStrength.Weakness(Secret("Password", 1), value));

    [Fact]
    public void Classes_add_up_and_a_value_as_strong_as_a_generated_one_is_not_weak()
    {
        Assert.Equal(Weak(26, 29), SecretStrength.Weakness(Secret("Password", 5), "aA0!"));
        Assert.Equal(Weak(188, 190), SecretStrength.Weakness(Secret("OidcClientSecret", 32), new string('a', 40)));
        Assert.Null(SecretStrength.Weakness(Secret("Password", 32), "aA0" + new string('b', 29)));
        Assert.Null(SecretStrength.Weakness(Secret("OidcClientSecret", 32), "aA0" + new string('b', 29)));
        Assert.Equal(Weak(0, 32), SecretStrength.Weakness(Secret("HexKey", 4), ""));
    }

    // A generated 32-character value has no digit with a chance of (52/62)^32, about 1 in 280: kept, it is not weak.
    [Fact]
    public void Both_letter_cases_are_credited_the_digits_so_a_generated_value_without_one_is_not_weak()
    {
        Assert.Null(SecretStrength.Weakness(Secret("Password", 32), "aB" + new string('c', 30)));
        Assert.Equal(Weak(190, 196), SecretStrength.Weakness(Secret("Password", 33), "aB" + new string('c', 30)));
        Assert.Equal(Weak(150, 190), SecretStrength.Weakness(Secret("Password", 32), new string('c', 32)));
        Assert.Equal(Weak(165, 190), SecretStrength.Weakness(Secret("Password", 32), "0" + new string('c', 31)));
        Assert.Equal(Weak(150, 190), SecretStrength.Weakness(Secret("Password", 32), new string('C', 32)));
    }

    [Theory]
    [InlineData("abcdef12", null)]
    [InlineData("ABCDEF12", null)]
    [InlineData("abcdef", 24)]
    [InlineData("abcdeg", 28)]
    [InlineData("abcdefa", null)]
    public void A_hex_key_counts_four_bits_a_digit_only_when_it_is_hex_of_whole_bytes(string value, int? bits) =>
        Assert.Equal(bits is null ? null : Weak(bits.Value, 32), SecretStrength.Weakness(Secret("HexKey", 4), value));

    [Fact]
    public void A_base64_key_counts_the_bytes_it_decodes_to()
    {
        Assert.Null(SecretStrength.Weakness(Secret("Base64Key", 32), Convert.ToBase64String(new byte[32])));
        Assert.Equal(Weak(248, 256), SecretStrength.Weakness(Secret("Base64Key", 32), Convert.ToBase64String(new byte[31])));
        Assert.Equal(Weak(20, 256), SecretStrength.Weakness(Secret("Base64Key", 32), "!!!!"));
    }

    [Fact]
    public void The_prefix_is_not_counted_and_a_digest_is_never_judged()
    {
        var body = new string('a', 37);
        Assert.Equal(Weak(173, 190), SecretStrength.Weakness(Secret("Password", 32, "sk-"), "sk-" + body));
        Assert.Null(SecretStrength.Weakness(Secret("Password", 32), "sk-" + body));
        Assert.Equal(Weak(188, 190), SecretStrength.Weakness(Secret("Password", 32, "sk-"), "xxx" + body));
        Assert.Null(SecretStrength.Weakness(Secret("Password", 32, digestOf: "P"), "weak"));
    }

    [Fact]
    public void An_rsa_key_is_judged_by_its_size_and_its_form()
    {
        using var small = RSA.Create(1024);
        var pem = small.ExportPkcs8PrivateKeyPem();
        Assert.Equal("an RSA key of 1024 bits, where a generated one has 2048", SecretStrength.Weakness(Secret("RsaPrivateKey", 2048), pem));
        Assert.Null(SecretStrength.Weakness(Secret("RsaPrivateKey", 1024), pem));
        Assert.Equal("not a PEM RSA private key", SecretStrength.Weakness(Secret("RsaPrivateKey", 1024), "not a key"));
    }

    [Theory]
    [InlineData("Password", 32, "^[A-Za-z0-9]{32}\\z")]
    [InlineData("OidcClientSecret", 40, "^[A-Za-z0-9]{40}\\z")]
    [InlineData("HexKey", 16, "^[0-9a-f]{32}\\z")]
    [InlineData("Base64Key", 30, "^[A-Za-z0-9+/]{40}\\z")]
    public void Each_kind_is_created_from_its_alphabet_at_its_length(string kind, int length, string pattern) =>
        Assert.Matches(pattern, SecretValues.Create(kind, length));

    [Fact]
    public void An_rsa_key_is_created_at_its_size_and_an_unknown_kind_is_refused()
    {
        using var rsa = RSA.Create();
        rsa.ImportFromPem(SecretValues.Create("RsaPrivateKey", 2048));
        Assert.Equal(2048, rsa.KeySize);
        Assert.Equal("Unknown secret kind 'Nope'.", Assert.Throws<InvalidDataException>(() => SecretValues.Create("Nope", 8)).Message);
    }

    [Fact]
    public void A_digest_has_a_16_byte_salt_and_a_64_byte_key_in_the_adapted_alphabet()
    {
        // Four digests hold a '+' of the plain base64 alphabet with a chance of 99.9 %: the pattern refuses it.
        var digests = Enumerable.Range(0, 4).Select(_ => AutheliaDigest.Create("x")).ToList();
        Assert.All(digests, d => Assert.Matches(@"^\$pbkdf2-sha512\$310000\$[A-Za-z0-9./]{22}\$[A-Za-z0-9./]{86}\z", d));
        Assert.Equal(4, digests.Distinct().Count());
    }

    private static string Digest(string plaintext, int iterations, int saltBytes, int keyBytes)
    {
        var salt = new byte[saltBytes];
        for (var i = 0; i < salt.Length; i++)
        {
            salt[i] = (byte)(251 - i * 7);
        }
        var key = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(plaintext), salt, iterations, HashAlgorithmName.SHA512, keyBytes);
        static string Ab64(byte[] b) => Convert.ToBase64String(b).TrimEnd('=').Replace('+', '.');
        return "$pbkdf2-sha512$" + iterations + "$" + Ab64(salt) + "$" + Ab64(key);
    }

    [Theory]
    [InlineData(1, 15, 64)]
    [InlineData(2, 16, 64)]
    [InlineData(3, 17, 32)]
    [InlineData(1000, 16, 33)]
    public void A_digest_verifies_at_its_own_iterations_salt_and_key_length(int iterations, int saltBytes, int keyBytes)
    {
        var digest = Digest("pass", iterations, saltBytes, keyBytes);
        Assert.True(AutheliaDigest.Verify("pass", digest));
        Assert.False(AutheliaDigest.Verify("pasS", digest));
    }

    [Theory]
    [InlineData("$pbkdf2-sha512$0$AAAAAAAAAAAAAAAAAAAAAA$AAAA")]
    [InlineData("$pbkdf2-sha512$-1$AAAAAAAAAAAAAAAAAAAAAA$AAAA")]
    [InlineData("$pbkdf2-sha512$one$AAAAAAAAAAAAAAAAAAAAAA$AAAA")]
    [InlineData("$pbkdf2-sha512$1$AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("$pbkdf2-sha512$1$!!!!$AAAA")]
    [InlineData("$pbkdf2-sha512$1$AAAA$A")]
    public void A_malformed_digest_verifies_nothing_and_throws_nothing(string digest) =>
        Assert.False(AutheliaDigest.Verify("pass", digest));

    [Fact]
    public void A_real_digest_under_another_name_or_after_text_is_refused()
    {
        var digest = Digest("pass", 1, 16, 64);
        Assert.True(AutheliaDigest.Verify("pass", digest));
        Assert.False(AutheliaDigest.Verify("pass", "x" + digest));
        Assert.False(AutheliaDigest.Verify("pass", digest.Replace("pbkdf2-sha512", "pbkdf2-sha256")));
        Assert.False(AutheliaDigest.Verify("pass", digest + "$"));
        Assert.False(AutheliaDigest.Verify("pass", digest + "$x"));
    }

    [Fact]
    public void The_rotation_record_keeps_what_was_not_touched_and_drops_what_left_the_stack()
    {
        using var folder = new TempFolder();
        SecureFile.WriteAtomically(RotationRecord.PathIn(folder.Path), w =>
        {
            w.WriteLine("# a comment");
            w.WriteLine();
            w.WriteLine("C\trotated\t2020-01-02T03:04:05Z");
            w.WriteLine("E\tcreated\t2020-01-02T03:04:05Z");
        });
        var result = new SecretsResult(folder.Path, new[] { "A" }, new[] { "C", "D" }, new[] { "B" }, Array.Empty<string>());
        var now = new DateTimeOffset(2026, 11, 30, 10, 20, 30, 789, TimeSpan.FromHours(2));
        RotationRecord.Update(folder.Path, result, new[] { "D", "B", "A", "C", "B" }, now);

        Assert.Equal(SecureFile.OwnerOnly, File.GetUnixFileMode(RotationRecord.PathIn(folder.Path)));
        Assert.Equal(
            "# Generated by Datamancy.Config secrets: when each secret got its value (UTC). Never a value; owner-only.\n"
            + "# 'recorded' means the value existed before this file: its real age is unknown, at least this old.\n"
            + "A\tcreated\t2026-11-30T08:20:30Z\n"
            + "B\trotated\t2026-11-30T08:20:30Z\n"
            + "C\trotated\t2020-01-02T03:04:05Z\n"
            + "D\trecorded\t2026-11-30T08:20:30Z\n",
            File.ReadAllText(RotationRecord.PathIn(folder.Path)));
        var read = RotationRecord.Read(folder.Path);
        Assert.Equal(new[] { "A", "B", "C", "D" }, read.Keys.OrderBy(k => k, StringComparer.Ordinal));
        Assert.Equal(new RotationEntry("D", "recorded", new DateTimeOffset(2026, 11, 30, 8, 20, 30, TimeSpan.Zero)), read["D"]);
        Assert.Equal(TimeSpan.Zero, read["C"].At.Offset);
    }

    [Fact]
    public void No_rotation_record_reads_as_empty()
    {
        using var folder = new TempFolder();
        Assert.Empty(RotationRecord.Read(folder.Path));
        Assert.Equal(Path.Combine(folder.Path, ".env.rotation"), RotationRecord.PathIn(folder.Path));
    }

    [Theory]
    [InlineData("A\tcreated")]
    [InlineData("A\tmade\t2020-01-02T03:04:05Z")]
    [InlineData("A\tcreated\t2020-01-02 03:04:05")]
    [InlineData("A\tcreated\t2020-01-02T03:04:05Z\textra")]
    [InlineData(" # not a comment")]
    public void A_malformed_rotation_line_is_refused_naming_the_file(string line)
    {
        using var folder = new TempFolder();
        var path = RotationRecord.PathIn(folder.Path);
        SecureFile.WriteAtomically(path, w => w.WriteLine(line));
        var error = Assert.Throws<SecretFileException>(() => RotationRecord.Read(folder.Path));
        Assert.Equal(path + " has a malformed line; expected NAME<TAB>created|rotated|recorded<TAB>yyyy-MM-ddTHH:mm:ssZ. Nothing was written.", error.Message);
    }

    [Fact]
    public void A_rotation_record_others_can_read_is_refused_before_it_is_read()
    {
        using var folder = new TempFolder();
        var path = RotationRecord.PathIn(folder.Path);
        SecureFile.WriteAtomically(path, w => w.WriteLine("A\tcreated\t2020-01-02T03:04:05Z"));
        File.SetUnixFileMode(path, SecureFile.OwnerOnly | UnixFileMode.OtherRead);
        Assert.Throws<SecretFileException>(() => RotationRecord.Read(folder.Path));
    }

    [Theory]
    [InlineData("created")]
    [InlineData("rotated")]
    [InlineData("recorded")]
    public void Each_rotation_event_reads_back(string what)
    {
        using var folder = new TempFolder();
        SecureFile.WriteAtomically(RotationRecord.PathIn(folder.Path), w => w.WriteLine("A\t" + what + "\t2020-01-02T03:04:05Z"));
        Assert.Equal(what, RotationRecord.Read(folder.Path)["A"].Event);
    }
}
