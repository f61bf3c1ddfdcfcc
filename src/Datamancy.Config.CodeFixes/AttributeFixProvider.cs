using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;

namespace Datamancy.Config.CodeFixes
{
    /// <summary>
    /// A code fix that rewrites the attribute a diagnostic is on. Fix-all groups the diagnostics of a document
    /// by attribute and rewrites each attribute once, so several fixes in one attribute (two public CIDRs in one
    /// allowlist) cannot conflict.
    /// </summary>
    public abstract class AttributeFixProvider : CodeFixProvider
    {
        private protected abstract ImmutableArray<AttributeFix> Fixes { get; }

        public sealed override FixAllProvider GetFixAllProvider() =>
            FixAllProvider.Create(async (context, document, diagnostics) =>
            {
                var fix = Fixes.FirstOrDefault(f => f.Key == context.CodeActionEquivalenceKey);
                return fix is null ? document : await ApplyAsync(document, diagnostics, fix, context.CancellationToken).ConfigureAwait(false);
            });

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return;
            }
            foreach (var diagnostic in context.Diagnostics)
            {
                if (FixTarget.Find(root, diagnostic) is not { } target)
                {
                    continue;
                }
                foreach (var fix in Fixes)
                {
                    if (fix.Title(target) is { } title)
                    {
                        var document = context.Document;
                        context.RegisterCodeFix(
                            CodeAction.Create(title, ct => ApplyAsync(document, ImmutableArray.Create(diagnostic), fix, ct), fix.Key),
                            diagnostic);
                    }
                }
            }
        }

        private static async Task<Document> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, AttributeFix fix, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root is null)
            {
                return document;
            }
            var targets = diagnostics
                .Select(d => FixTarget.Find(root, d))
                .Where(t => t is not null && fix.Title(t) is not null)
                .Select(t => t!)
                .GroupBy(t => t.Attribute.Span); // spans, not node identity: the same attribute may be found as two red-node instances
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var group in targets)
            {
                var attribute = group.First().Attribute;
                var rewrite = fix.Rewrite(attribute, group.ToList());
                if (rewrite is null)
                {
                    continue;
                }
                if (rewrite.Replacement is { } replacement)
                {
                    editor.ReplaceNode(attribute, replacement);
                }
                else if (attribute.Parent is AttributeListSyntax { Attributes.Count: 1 } list)
                {
                    editor.RemoveNode(list, SyntaxRemoveOptions.KeepUnbalancedDirectives);
                }
                else
                {
                    editor.RemoveNode(attribute);
                }
            }
            return editor.GetChangedDocument();
        }
    }
}
