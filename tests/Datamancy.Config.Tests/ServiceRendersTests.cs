using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Rendering;
using Datamancy.Config.Generators.Rendering.Fragments;
using Datamancy.Config.Tests.Infrastructure;
using Datamancy.Config.Tests.Links;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// The fold of compose's and the parted texts' per-service inputs into one render input per service, and the unfold the
/// join reads: a text's text is the same whether its parts are rendered on their own or inside the services' renders.
/// </summary>
public sealed class ServiceRendersTests
{
    private static (ComposePlan Compose, EquatableArray<PartedText> Texts) Plan()
    {
        var (_, compose, texts) = StackRenderer.Plan(GeneratorHarness.Run(GeneratorHarness.SampleSources().ToArray()).Model());
        return (compose, texts);
    }

    private static string[] Joined(EquatableArray<PartedText> texts, IEnumerable<ServiceRender> renders) =>
        ServiceRenders.PartsPerText(texts, renders).Select((parts, i) => TextParts.Join(texts[i], parts)).ToArray();

    [Fact]
    public void Each_service_gets_its_compose_input_and_its_part_of_every_text_in_compose_order()
    {
        var (compose, texts) = Plan();
        var folded = ServiceRenders.Fold(compose, texts);
        Assert.Equal(compose.Services, folded.Select(s => s.Compose));
        Assert.All(folded, s => Assert.Equal(texts.Where(t => t.Inputs.Any(i => i.Name == s.Name)).Select(t => (t.Artifact, s.Name)), s.Parts.Select(p => (p.Artifact, p.Name))));
        // Every service is in the map, exposure and audit; the Caddyfiles list only the services with a UI or API host.
        Assert.All(folded, s => Assert.True(s.Parts.Count >= 3));
        Assert.Contains(folded, s => s.Parts.Count == 3);
        Assert.Contains(folded, s => s.Parts.Count == texts.Count);
        Assert.Equal(texts.Select(TextParts.Render), Joined(texts, folded.Select(ServiceRenders.Render)));
    }

    [Fact]
    public void A_service_a_text_does_not_list_has_no_part_of_it_and_the_text_is_joined_without_it()
    {
        var (compose, texts) = Plan();
        var left = compose.Services[compose.Services.Count / 2].Name;
        var map = texts[0] with { Inputs = texts[0].Inputs.Where(i => i.Name != left).ToEquatableArray() };
        var without = new[] { map }.Concat(texts.Skip(1)).ToEquatableArray();

        var folded = ServiceRenders.Fold(compose, without);
        Assert.Equal(texts.Skip(1).Where(t => t.Inputs.Any(i => i.Name == left)).Select(t => t.Artifact), folded.Single(s => s.Name == left).Parts.Select(p => p.Artifact));
        Assert.All(folded.Where(s => s.Name != left), s => Assert.Equal(texts.Count(t => t.Inputs.Any(i => i.Name == s.Name)), s.Parts.Count));
        var joined = Joined(without, folded.Select(ServiceRenders.Render));
        Assert.Equal(without.Select(TextParts.Render), joined);
        Assert.NotEqual(TextParts.Render(texts[0]), joined[0]);
    }

    [Fact]
    public void A_part_of_a_service_compose_does_not_list_is_refused()
    {
        var (compose, texts) = Plan();
        var stray = texts[1] with { Inputs = texts[1].Inputs.Append(texts[1].Inputs[0] with { Name = "not-a-service" }).ToEquatableArray() };
        var error = Assert.Throws<InvalidOperationException>(() => ServiceRenders.Fold(compose, new[] { texts[0], stray, texts[2] }.ToEquatableArray()));
        Assert.Contains(texts[1].Artifact, error.Message);
    }
}
