using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Datamancy.Config.Generators.Rendering;

namespace Datamancy.Config.Generators.Emission
{
    /// <summary>
    /// Everything the manifest's main file (<see cref="CSharpEmitter.IndexHintName"/>) says, without the artifacts' texts:
    /// whether the stack is blocked, its secrets (never a value), each artifact's path, which earlier artifact carries its
    /// text when two are equal, and the stack class's constants. Small and equatable, so an edit that changes texts only
    /// leaves it cached; each carried text is a file of its own (<see cref="ManifestContent"/>).
    /// </summary>
    /// <param name="DeclaresNothing">No stack, no service, nothing wrong: no manifest at all.</param>
    /// <param name="Blocked">An error-level rule fired (or a render failed): no artifact.</param>
    /// <param name="InternalError">The render's internal error (<c>Type|Method</c>), reported as DMC0000.</param>
    /// <param name="Secrets">Each secret's manifest line (<see cref="SecretSpec.ToManifestLine"/>).</param>
    /// <param name="Entries">Every artifact, in manifest order.</param>
    /// <param name="Stack">The stack class's partial, when it is partial and the model was built.</param>
    internal sealed record ManifestIndex(bool DeclaresNothing, bool Blocked, string? InternalError, EquatableArray<string> Secrets, EquatableArray<ManifestEntry> Entries, StackPartial? Stack)
    {
        /// <param name="rendered">The rendered stack.</param>
        /// <param name="contents">Its texts as the manifest holds them (<see cref="ManifestContent.Of"/>).</param>
        public static ManifestIndex Of(RenderedStack rendered, EquatableArray<ManifestContent> contents)
        {
            var entries = rendered.Artifacts.Select((a, i) => new ManifestEntry(i, a.Path, a.Environment, a.ConstantName, contents.Count > i ? contents[i].SameAs : -1)).ToEquatableArray();
            var stack = rendered.StackClass is { IsPartial: true } stackClass && rendered.Model is { } model
                ? new StackPartial(stackClass, model.Settings.Name, model.Domain, "https://" + model.PortalFqdn(), !rendered.Blocked)
                : null;
            return new ManifestIndex(rendered.DeclaresNothing, rendered.Blocked, rendered.InternalError, rendered.Secrets, entries, stack);
        }
    }

    /// <summary>One artifact in the manifest: its index, path, environment and constant name, and the earlier artifact whose text it shares (or −1).</summary>
    internal sealed record ManifestEntry(int Index, string Path, string Environment, string ConstantName, int SameAs);

    /// <summary>The stack class's generated partial: its name, domain and portal, and whether it lists the artifacts.</summary>
    internal sealed record StackPartial(ClassInfo Class, string Name, string Domain, string PortalUrl, bool ListsArtifacts);
}
