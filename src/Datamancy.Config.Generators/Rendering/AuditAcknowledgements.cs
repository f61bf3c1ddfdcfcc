using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Validation;

namespace Datamancy.Config.Generators.Rendering
{
    /// <summary>The <c>[Justify]</c> acknowledgements of the stack and its services, for SECURITY-AUDIT.md.</summary>
    internal static class AuditAcknowledgements
    {
        public static List<Line> Of(StackModel stack)
        {
            var lines = stack.Settings.Acknowledgements
                .Where(a => ValueRules.IsJustification(a.Reason))
                .Select(a => new Line(a.Check, "the stack", Markdown.Escape(a.Reason)))
                .ToList();
            foreach (var s in stack.Ordered())
            {
                lines.AddRange(s.Acknowledgements.Where(a => ValueRules.IsJustification(a.Reason))
                    .Select(a => new Line(a.Check, "`" + s.Name + "`", Markdown.Escape(a.Reason))));
            }
            return lines;
        }

        internal sealed class Line
        {
            public Line(string id, string owner, string reason)
            {
                Id = id;
                Owner = owner;
                Reason = reason;
            }

            public string Id { get; }
            public string Owner { get; }
            public string Reason { get; }
        }
    }
}
