using Datamancy.Config.Generators.Validation;
using Xunit;

namespace Datamancy.Config.Tests.Guards;

/// <summary>
/// The check behind the secret-literal rule (DMC3001): an environment value with a secret-like name passes only when
/// it reads declared secrets through <c>${NAME}</c>; a literal, or a reference to anything undeclared, does not.
/// </summary>
public sealed class EnvReferenceGuardTests
{
    private static readonly HashSet<string> Declared = new(StringComparer.Ordinal) { "APP_DB_PASSWORD", "APP_KEY" };

    [Theory]
    [InlineData("${APP_DB_PASSWORD}")]
    [InlineData("postgres://app:${APP_DB_PASSWORD}@db/app")]
    [InlineData("${APP_KEY}:${APP_DB_PASSWORD}")]
    public void A_value_built_from_declared_secrets_passes(string value) =>
        Assert.True(EnvReferences.OnlyReferencesDeclared(value, Declared), value);

    [Theory]
    [InlineData("hunter2-hunter2-hunter2")]      // a literal: no reference at all
    [InlineData("")]
    [InlineData("$APP_DB_PASSWORD")]             // not the ${NAME} form compose reads from the env file
    [InlineData("${OTHER_SECRET}")]              // undeclared
    [InlineData("${APP_KEY}${OTHER_SECRET}")]    // one declared, one not
    [InlineData("${OTHER_SECRET}${APP_KEY}")]
    public void A_literal_or_an_undeclared_reference_does_not_pass(string value) =>
        Assert.False(EnvReferences.OnlyReferencesDeclared(value, Declared), value);

    [Fact]
    public void Names_lists_every_reference_in_order() =>
        Assert.Equal(new[] { "A", "B_2", "A" }, EnvReferences.Names("x${A}y${B_2}${a}${A}").ToArray());
}
