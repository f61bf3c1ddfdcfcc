using System.Collections.Generic;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Rendering.Fragments
{
    /// <summary>
    /// The input of one service's part of a stack-wide text artifact (network map, exposure, audit, Caddyfile): the service's model
    /// and the stack facts that part reads, resolved to values, in exactly one of the per-artifact records (a closed,
    /// sealed set, so the cached value is provably free of Roslyn objects). The pipeline renders a service's parts with
    /// its compose fragment in one step (<see cref="ServiceRenderInput"/>, cached on the input), so an edit renders
    /// only the services whose fragment or part input changed.
    /// </summary>
    /// <param name="Artifact">The key of the text the part belongs to (<see cref="PartedText.Artifact"/>).</param>
    /// <param name="Name">The service's name.</param>
    /// <param name="Map">The service's rows of network-map.md.</param>
    /// <param name="Exposure">The service's entries of exposure.json.</param>
    /// <param name="Audit">The service's scanner exceptions in SECURITY-AUDIT.md.</param>
    /// <param name="Caddy">The service's sites in one environment's Caddyfile.</param>
    internal sealed record ServicePartInput(string Artifact, string Name, NetworkMapPartInput? Map = null, ExposurePartInput? Exposure = null, AuditPartInput? Audit = null,
        CaddyPartInput? Caddy = null)
    {
        /// <summary>The part of network-map.md.</summary>
        public static ServicePartInput Of(NetworkMapPartInput map) => new(NetworkMapParts.Constant, map.Service.Name, Map: map);

        /// <summary>The part of exposure.json.</summary>
        public static ServicePartInput Of(ExposurePartInput exposure) => new(ExposureParts.Constant, exposure.Service.Name, Exposure: exposure);

        /// <summary>The part of SECURITY-AUDIT.md.</summary>
        public static ServicePartInput Of(AuditPartInput audit) => new(AuditParts.Constant, audit.Service.Name, Audit: audit);

        /// <summary>The part of one environment's Caddyfile.</summary>
        public static ServicePartInput Of(CaddyPartInput caddy) => new(CaddyfileParts.Key(caddy.Environment), caddy.Service.Name, Caddy: caddy);

        /// <summary>The input with the service's local fields put back (<see cref="LocalFields"/>).</summary>
        public ServicePartInput Restore(ServiceLocals locals) => this with
        {
            Map = Map is null ? null : Map with { Service = LocalFields.Restore(Map.Service, locals) },
            Exposure = Exposure is null ? null : Exposure with { Service = LocalFields.Restore(Exposure.Service, locals) },
            Audit = Audit is null ? null : Audit with { Service = LocalFields.Restore(Audit.Service, locals) },
            Caddy = Caddy is null ? null : Caddy with { Service = LocalFields.Restore(Caddy.Service, locals) },
        };

        /// <summary>The part's text for each section of its artifact, in the artifact's section order.</summary>
        public EquatableArray<string> Render() =>
            Map is not null ? NetworkMapParts.Render(Map)
            : Exposure is not null ? ExposureParts.Render(Exposure)
            : Audit is not null ? AuditParts.Render(Audit)
            : Caddy is not null ? CaddyfileParts.Render(Caddy)
            : throw new System.InvalidOperationException("A part input without a part.");
    }

    /// <summary>One service's rendered part of an artifact: its text per section, or the internal error that stopped it.</summary>
    internal sealed record ServicePart(string Artifact, string Name, EquatableArray<string> Sections, string? Error);

    /// <summary>
    /// How one section of a parted artifact is put together from its items: the plan's leading items (the SSO portal's
    /// route, the fixed subnets) and each service's non-empty text, joined by <paramref name="Separator"/> between
    /// <paramref name="Open"/> and <paramref name="Close"/>; <paramref name="Empty"/> when there is no item at all.
    /// </summary>
    internal sealed record PartSection(string Open, string Separator, string Close, string Empty, EquatableArray<string> Leading)
    {
        /// <summary>A section whose items are concatenated as they are (each carries its own line break).</summary>
        public static PartSection Lines(params string[] leading) => new(string.Empty, string.Empty, string.Empty, string.Empty, leading.ToEquatableArray());
    }

    /// <summary>
    /// A stack-wide text cut into stack-level text and per-service sections: <c>Literals[0]</c>, section 0,
    /// <c>Literals[1]</c>, … section n−1, <c>Literals[n]</c>. The literals and the section frames are rendered by the
    /// plan; the sections' items by the services' parts.
    /// </summary>
    /// <param name="Artifact">
    /// The text's key: its artifact's constant name, or its artifact's path for a text that differs per environment under
    /// one constant name (the Caddyfiles).
    /// </param>
    /// <param name="Literals">The stack-level text around the sections.</param>
    /// <param name="Sections">The sections' frames.</param>
    /// <param name="Inputs">One part input per service the text lists, in the text's order.</param>
    internal sealed record PartedText(string Artifact, EquatableArray<string> Literals, EquatableArray<PartSection> Sections, EquatableArray<ServicePartInput> Inputs);

    /// <summary>Renders and joins the parts of a <see cref="PartedText"/>.</summary>
    internal static class TextParts
    {
        /// <summary>One part in its own step; an exception becomes the part's internal error (<c>Type|Method</c>).</summary>
        public static ServicePart Render(ServicePartInput input)
        {
            try
            {
                return new ServicePart(input.Artifact, input.Name, input.Render(), null);
            }
            catch (System.Exception exception)
            {
                return new ServicePart(input.Artifact, input.Name, EquatableArray<string>.Empty, InternalErrors.Describe(exception));
            }
        }

        /// <summary>The whole text in one call: every part rendered and joined (the render-only path and the tests).</summary>
        public static string Render(PartedText text)
        {
            var parts = new List<ServicePart>(text.Inputs.Count);
            foreach (var input in text.Inputs)
            {
                parts.Add(Render(input));
            }
            return Join(text, parts);
        }

        /// <summary>
        /// The literals and sections of <paramref name="text"/> with its parts' items, in the services' order:
        /// <paramref name="parts"/> has one part per service the text lists, in the text's order (its inputs are not read:
        /// the join step gets the frame alone).
        /// </summary>
        public static string Join(PartedText text, IReadOnlyList<ServicePart> parts)
        {
            // Every piece in one array, then one string: a StringBuilder would hold the whole text a second time. The
            // array is sized for every item of every section; string.Concat reads the unused slots (null) as empty.
            var size = text.Literals.Count;
            foreach (var frame in text.Sections)
            {
                size += 2 + 2 * (frame.Leading.Count + parts.Count);
            }
            var pieces = new string[size];
            var at = 0;
            for (var section = 0; section < text.Sections.Count; section++)
            {
                pieces[at++] = text.Literals[section];
                var frame = text.Sections[section];
                var any = false;
                void Item(string item)
                {
                    pieces[at++] = any ? frame.Separator : frame.Open;
                    pieces[at++] = item;
                    any = true;
                }
                foreach (var item in frame.Leading)
                {
                    Item(item);
                }
                for (var i = 0; i < parts.Count; i++)
                {
                    var item = parts[i].Sections[section];
                    if (item.Length > 0)
                    {
                        Item(item);
                    }
                }
                pieces[at++] = any ? frame.Close : frame.Empty;
            }
            pieces[at] = text.Literals[text.Sections.Count];
            return string.Concat(pieces);
        }
    }
}
