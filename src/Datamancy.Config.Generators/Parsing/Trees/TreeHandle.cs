using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Parsing.Trees
{
    /// <summary>
    /// One syntax tree as the pipeline sees it: equal to another handle exactly when it holds the same
    /// (immutable) tree object, so a tree the edit did not touch stays <c>Cached</c> and nothing after it runs.
    /// </summary>
    /// <remarks>
    /// The handle also carries the compilation of the pass that created it, so the parse of a changed tree binds
    /// against the current compilation. The compilation is not part of equality and is dropped as soon as the
    /// parse took its semantic model: Roslyn keeps the <em>previous</em> of two equal
    /// values, and a handle kept that way must not hold an old compilation alive.
    /// </remarks>
    internal sealed class TreeHandle : System.IEquatable<TreeHandle>
    {
        private Compilation? _compilation;

        public TreeHandle(SyntaxTree tree, Compilation compilation)
        {
            Tree = tree;
            _compilation = compilation;
        }

        public SyntaxTree Tree { get; }

        /// <summary>The semantic model of the pass that created this handle, once; null when it was taken already.</summary>
        public SemanticModel? TakeSemanticModel()
        {
            var compilation = System.Threading.Interlocked.Exchange(ref _compilation, null);
            return compilation?.GetSemanticModel(Tree);
        }

        public bool Equals(TreeHandle? other) => other is not null && ReferenceEquals(Tree, other.Tree);

        public override bool Equals(object? obj) => Equals(obj as TreeHandle);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Tree);

        /// <summary>
        /// One handle per tree of the compilation, in its order. This runs on every pass but only allocates the
        /// handles: unlike a syntax provider's transform it creates no semantic model and walks no tree.
        /// </summary>
        public static ImmutableArray<TreeHandle> All(Compilation compilation, CancellationToken cancellationToken)
        {
            var handles = ImmutableArray.CreateBuilder<TreeHandle>();
            foreach (var tree in compilation.SyntaxTrees)
            {
                cancellationToken.ThrowIfCancellationRequested();
                handles.Add(new TreeHandle(tree, compilation));
            }
            return handles.ToImmutable();
        }
    }
}
