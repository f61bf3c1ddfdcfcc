using Datamancy.Config.Generators.Diagnostics;
using Xunit;

namespace Datamancy.Config.Tests.RealStacks;

/// <summary>The typed C# view carries the real-stack facts, and the generator's enum mirrors match the public enums.</summary>
public sealed class TypedViewAndMirrorTests
{
    /// <summary>One service's typed view: its block of the generated file of the tree that declares it (blocks are separated by a blank line).</summary>
    private static string Generated(string stack, string service) =>
        Assert.Single(TestStacks.Run(stack).Result.GeneratedTrees
            .Where(t => Path.GetFileName(t.FilePath).StartsWith("Datamancy.Services.", StringComparison.Ordinal))
            .SelectMany(t => t.ToString().Split("\n\n")),
            block => block.Contains("partial class " + service + "\n", StringComparison.Ordinal));

    [Fact]
    public void Typed_view_names_profiles_jobs_and_settings()
    {
        Assert.Contains("public const string Profiles = \"full,databases,applications\";", Generated("real-homelab", "PostgresInit"));
        Assert.Contains("public const bool IsJob = true;", Generated("real-homelab", "PostgresInit"));
        var vaultwarden = Generated("real-homelab", "Vaultwarden");
        Assert.Contains("public static class SettingNames", vaultwarden);
        Assert.Contains("public const string VAULTWARDEN_SMTP_HOST = \"VAULTWARDEN_SMTP_HOST\";", vaultwarden);
        Assert.DoesNotContain("IsJob", vaultwarden);
    }

    public static TheoryData<Type, string> Mirrors() => new()
    {
        { typeof(DependencyCondition), "DependencyCondition" },
        { typeof(TokenEndpointAuthMethod), "TokenEndpointAuthMethod" },
        { typeof(ConsentMode), "ConsentMode" },
        { typeof(Network), "Network" },
        { typeof(Profile), "Profile" },
        { typeof(ServiceRole), "ServiceRole" },
        { typeof(SecretKind), "SecretKind" },
    };

    [Theory]
    [MemberData(nameof(Mirrors))]
    public void Enum_mirror_matches_the_public_enum(Type publicEnum, string name)
    {
        var mirror = typeof(DiagnosticIds).Assembly.GetType("Datamancy.Config.Generators.Model." + name, throwOnError: true)!;
        Assert.Equal(Enum.GetNames(publicEnum), Enum.GetNames(mirror));
        Assert.Equal(Enum.GetValues(publicEnum).Cast<object>().Select(Convert.ToInt32), Enum.GetValues(mirror).Cast<object>().Select(Convert.ToInt32));
    }
}
