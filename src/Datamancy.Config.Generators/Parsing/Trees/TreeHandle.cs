using System.Threading;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Parsing.Trees
{
    /// <summary>
    /// One syntax tree as the pipeline sees it: equal to another handle exactly when it holds the same
    /// (immutable) tree object, so a tree the edit did not touch stays <c>Cached</c> and nothing after it runs.
    /// </summary>
    /// <remarks>
    /// The handle also carries the <see cref="GeneratorSyntaxContext"/> of the pass that created it, so the parse
    /// of a changed tree binds against the current compilation. The context is not part of equality and is
    /// dropped as soon as the parse took its semantic model: Roslyn keeps the <em>previous</em> of two equal
    /// values, and a handle kept that way must not hold an old compilation alive.
    /// </remarks>
    internal sealed class TreeHandle : System.IEquatable<TreeHandle>
    {
        private GeneratorSyntaxContext? _context;

        public TreeHandle(SyntaxTree tree, GeneratorSyntaxContext context)
        {
            Tree = tree;
            _context = context;
        }

        public SyntaxTree Tree { get; }

        /// <summary>The semantic model of the pass that created this handle, once; null when it was taken already.</summary>
        public SemanticModel? TakeSemanticModel()
        {
            var context = _context;
            _context = null;
            return context?.SemanticModel;
        }

        public bool Equals(TreeHandle? other) => other is not null && ReferenceEquals(Tree, other.Tree);

        public override bool Equals(object? obj) => Equals(obj as TreeHandle);

        public override int GetHashCode() => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Tree);

        /// <summary>The syntax provider's transform: one handle per compilation unit, no binding.</summary>
        public static TreeHandle From(GeneratorSyntaxContext context, CancellationToken cancellationToken) =>
            new(context.Node.SyntaxTree, context);
    }
}
