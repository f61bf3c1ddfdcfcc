using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Datamancy.Config.Generators.Model
{
    /// <summary>A source location as plain values, so diagnostics can be cached without holding a syntax tree.</summary>
    internal readonly record struct LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
    {
        public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);

        public static LocationInfo? From(SyntaxNode? node)
        {
            if (node is null)
            {
                return null;
            }
            var location = node.GetLocation();
            return new LocationInfo(location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan, location.GetLineSpan().Span);
        }
    }

    /// <summary>Where an argument of a service was written, keyed as <c>Attribute.Argument</c>.</summary>
    internal sealed record Site(string Key, LocationInfo Location);

    /// <summary>A service's argument locations; kept apart from the model so moving a line re-renders nothing.</summary>
    internal sealed record ServiceSites(string ServiceTypeName, EquatableArray<Site> Sites)
    {
        public LocationInfo? Find(string key)
        {
            foreach (var site in Sites)
            {
                if (string.Equals(site.Key, key, StringComparison.Ordinal))
                {
                    return site.Location;
                }
            }
            return null;
        }
    }
}
