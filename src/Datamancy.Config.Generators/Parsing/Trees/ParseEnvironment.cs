using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
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
    /// Roslyn keeps the previous of two equal values, so one environment object lives as long as the environment is
    /// equal, and it remembers each tree's parse: a tree object it parsed before is not parsed again. An environment
    /// that is not equal is a new object with nothing remembered, so every tree is parsed again. It holds no
    /// compilation: the parse binds against the compilation of the pass that asks for it.
    /// </remarks>
    internal sealed class ParseEnvironment : IEquatable<ParseEnvironment>
    {
        private readonly ConditionalWeakTable<SyntaxTree, TreeParse> _parses = new();
        private int _parsed;

        public ParseEnvironment(DeclarationShape shape, Compilation compilation)
        {
            Shape = shape;
            Options = compilation.Options;
            AssemblyName = compilation.AssemblyName;
            References = compilation.ExternalReferences;
        }

        public DeclarationShape Shape { get; }

        public CompilationOptions Options { get; }

        public string? AssemblyName { get; }

        public ImmutableArray<MetadataReference> References { get; }

        /// <summary>How many trees this environment parsed: what the incrementality tests count.</summary>
        public int Parsed => Volatile.Read(ref _parsed);

        /// <summary>Every tree's parse, in the compilation's order; only a tree this environment has not parsed is.</summary>
        public EquatableArray<TreeParse> ParseAll(Compilation compilation, CancellationToken cancellationToken)
        {
            var parses = ImmutableArray.CreateBuilder<TreeParse>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (!_parses.TryGetValue(tree, out var parse))
                {
                    var parsed = TreeParser.Parse(tree, compilation, Shape.GlobalAliases, cancellationToken);
                    Interlocked.Increment(ref _parsed);
                    parse = _parses.GetValue(tree, _ => parsed);
                }
                parses.Add(parse);
            }
            return new EquatableArray<TreeParse>(parses.ToImmutable());
        }

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
