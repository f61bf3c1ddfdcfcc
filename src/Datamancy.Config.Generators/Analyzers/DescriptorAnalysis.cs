using System.Collections.Generic;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Analyzers
{
    /// <summary>Turns findings and parse diagnostics into diagnostics located in the compilation's own syntax trees.</summary>
    internal static class DescriptorAnalysis
    {
        /// <summary>
        /// A source location in the tree the site was recorded in, so pragmas, .editorconfig sections and
        /// code fixes apply; the plain file location only when the tree is not found.
        /// </summary>
        public static Location ToSource(LocationInfo? info, Compilation compilation)
        {
            if (info is not { } location)
            {
                return Location.None;
            }
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (tree.FilePath == location.FilePath)
                {
                    return Location.Create(tree, location.Span);
                }
            }
            return location.ToLocation();
        }

        public static void Report(System.Action<Diagnostic> report, Compilation compilation, IEnumerable<DiagnosticInfo> diagnostics)
        {
            foreach (var info in diagnostics)
            {
                report(Diagnostic.Create(info.Descriptor, ToSource(info.Location, compilation), System.Linq.Enumerable.ToArray(info.Arguments.Items)));
            }
        }

        public static void Report(System.Action<Diagnostic> report, Compilation compilation, IEnumerable<Finding> findings, ServiceSites sites)
        {
            foreach (var finding in findings)
            {
                var location = ToSource(FindingLocations.Resolve(finding.SiteKey, sites), compilation);
                report(Diagnostic.Create(finding.Descriptor, location, System.Linq.Enumerable.ToArray(finding.Arguments.Items)));
            }
        }
    }
}
