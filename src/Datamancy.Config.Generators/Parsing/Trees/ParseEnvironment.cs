using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Parsing.Trees
{
    /// <summary>
    /// Everything outside a tree that its parse can observe, as syntax-derived values: every tree's declarations
    /// (<see cref="TreeSkeleton.Declarations"/>), the attribute lists of types declared in more than one tree,
    /// and the global aliases. Equal after an edit inside a method body or inside a descriptor's arguments.
    /// </summary>
    internal sealed record DeclarationShape(EquatableArray<string> Declarations, EquatableArray<TypePart> SharedParts, EquatableArray<AliasName> GlobalAliases)
    {
        public static DeclarationShape From(ImmutableArray<TreeSkeleton> trees)
        {
            var treesPerKey = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var tree in trees)
            {
                foreach (var key in tree.Parts.Select(p => p.Key).Distinct(StringComparer.Ordinal))
                {
                    treesPerKey[key] = treesPerKey.TryGetValue(key, out var count) ? count + 1 : 1;
                }
            }
            return new DeclarationShape(
                trees.Select(t => t.Declarations).ToEquatableArray(),
                trees.SelectMany(t => t.Parts).Where(p => treesPerKey[p.Key] > 1).ToEquatableArray(),
                trees.SelectMany(t => t.GlobalAliases).ToEquatableArray());
        }
    }

    /// <summary>
    /// The parse environment of every tree: the declaration shape plus what the compilation adds to it (options,
    /// assembly name, metadata references). A tree is parsed again when it changed or when this changed.
    /// </summary>
    /// <remarks>
    /// It is rebuilt on every pass (cheaply: the shape is one cached object) so that, whenever it is not equal to
    /// the previous one, it is this pass's value and holds this pass's compilation, which the trees re-parsed
    /// because of it bind against. The compilation is held weakly and is not part of equality.
    /// </remarks>
    internal sealed class ParseEnvironment : IEquatable<ParseEnvironment>
    {
        private readonly WeakReference<Compilation> _compilation;

        public ParseEnvironment(DeclarationShape shape, Compilation compilation)
        {
            Shape = shape;
            Options = compilation.Options;
            AssemblyName = compilation.AssemblyName;
            References = compilation.ExternalReferences;
            _compilation = new WeakReference<Compilation>(compilation);
        }

        public DeclarationShape Shape { get; }

        public CompilationOptions Options { get; }

        public string? AssemblyName { get; }

        public ImmutableArray<MetadataReference> References { get; }

        /// <summary>The compilation of the pass that built this environment, while it is alive.</summary>
        public Compilation? Compilation => _compilation.TryGetTarget(out var compilation) ? compilation : null;

        public bool Equals(ParseEnvironment? other) =>
            other is not null
            && Shape.Equals(other.Shape)
            && Options.Equals(other.Options)
            && string.Equals(AssemblyName, other.AssemblyName, StringComparison.Ordinal)
            && References.SequenceEqual(other.References);

        public override bool Equals(object? obj) => Equals(obj as ParseEnvironment);

        public override int GetHashCode() => Options.GetHashCode();
    }
}
