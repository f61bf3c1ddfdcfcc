using System.Collections.Generic;
using System.Linq;
using System.Text;
using Datamancy.Config.Generators.Parsing.Trees;

namespace Datamancy.Config.Generators.Model
{
    /// <summary>
    /// The typed views of the partial service classes declared in one syntax tree, emitted as one generated file.
    /// One file per tree instead of one per service: Roslyn's driver does work per generated file on every pass,
    /// even for a cached one, so the count of files is what an unrelated edit pays for.
    /// </summary>
    internal sealed record TreeViews(string HintName, EquatableArray<ServiceView> Views)
    {
        /// <summary>The views of one tree's partial services, or null when it declares none.</summary>
        public static TreeViews? From(TreeParse tree, string? domain)
        {
            var views = new List<ServiceView>();
            foreach (var service in tree.Services)
            {
                if (service.Model is { } model && service.Class.IsPartial)
                {
                    views.Add(new ServiceView(service.Class, model, domain));
                }
            }
            return views.Count == 0 ? null : new TreeViews(HintNameOf(tree.Path, views[0].Model.TypeName), views.ToEquatableArray());
        }

        /// <summary>
        /// <c>Datamancy.Services.{file name}.{hash}.g.cs</c>: readable, deterministic, and unique, since the hash covers
        /// the tree's full path and its first service's type (trees without a path, as in tests, differ by their types).
        /// It depends on nothing outside the tree, so an edit of another tree never renames the file.
        /// </summary>
        public static string HintNameOf(string path, string firstTypeName)
        {
            var start = path.LastIndexOfAny(new[] { '/', '\\' }) + 1;
            var name = path.Substring(start);
            var dot = name.LastIndexOf('.');
            if (dot > 0)
            {
                name = name.Substring(0, dot);
            }
            var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c == '_' ? c : '_').ToArray());
            return "Datamancy.Services." + (safe.Length == 0 ? "Tree" : safe) + "." + Fnv1a(path + "\n" + firstTypeName).ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }

        /// <summary>FNV-1a over the UTF-8 bytes: the same on every runtime and process, unlike <see cref="string.GetHashCode()"/>.</summary>
        private static uint Fnv1a(string text)
        {
            var hash = 2166136261u;
            foreach (var b in Encoding.UTF8.GetBytes(text))
            {
                hash = unchecked((hash ^ b) * 16777619u);
            }
            return hash;
        }
    }
}
