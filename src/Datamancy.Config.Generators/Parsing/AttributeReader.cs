using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Datamancy.Config.Generators.Parsing
{
    /// <summary>
    /// Reads one attribute application by argument name (constructor parameters and named
    /// properties alike, capitalised) and records where each argument was written.
    /// </summary>
    internal sealed class AttributeReader
    {
        private readonly Dictionary<string, TypedConstant> _values = new();

        public AttributeReader(AttributeData data, string siteKey, List<Site> sites)
        {
            SiteKey = siteKey;
            var ctorParameters = data.AttributeConstructor?.Parameters ?? ImmutableArray<IParameterSymbol>.Empty;
            for (var i = 0; i < data.ConstructorArguments.Length && i < ctorParameters.Length; i++)
            {
                _values[Capitalize(ctorParameters[i].Name)] = data.ConstructorArguments[i];
            }
            foreach (var named in data.NamedArguments)
            {
                _values[named.Key] = named.Value;
            }
            HasErrors = _values.Values.Any(v => v.Kind == TypedConstantKind.Error);

            var syntax = data.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax;
            Location = LocationInfo.From(syntax);
            if (Location is { } attributeLocation)
            {
                sites.Add(new Site(siteKey, attributeLocation));
            }
            RecordArgumentSites(syntax, ctorParameters, sites);
        }

        public string SiteKey { get; }

        public LocationInfo? Location { get; }

        /// <summary>An argument did not bind (the compiler reports it); the attribute is skipped.</summary>
        public bool HasErrors { get; }

        public string? String(string name) => _values.TryGetValue(name, out var v) && !v.IsNull ? v.Value as string : null;

        public int? Int(string name) => _values.TryGetValue(name, out var v) && v.Value is int i ? i : null;

        public bool? Bool(string name) => _values.TryGetValue(name, out var v) && v.Value is bool b ? b : null;

        public T Enum<T>(string name, T fallback) where T : struct, System.Enum =>
            _values.TryGetValue(name, out var v) && v.Value is int i ? (T)(object)i : fallback;

        public ImmutableArray<string> Strings(string name) =>
            _values.TryGetValue(name, out var v) && v.Kind == TypedConstantKind.Array && !v.IsNull
                ? v.Values.Select(x => x.Value as string ?? string.Empty).ToImmutableArray()
                : ImmutableArray<string>.Empty;

        public bool Has(string name) => _values.TryGetValue(name, out var v) && !v.IsNull;

        public ImmutableArray<TypedConstant> Array(string name) =>
            _values.TryGetValue(name, out var v) && v.Kind == TypedConstantKind.Array && !v.IsNull ? v.Values : ImmutableArray<TypedConstant>.Empty;

        public ITypeSymbol? Type(string name) => _values.TryGetValue(name, out var v) ? v.Value as ITypeSymbol : null;

        private void RecordArgumentSites(AttributeSyntax? syntax, ImmutableArray<IParameterSymbol> ctorParameters, List<Site> sites)
        {
            if (syntax?.ArgumentList is null)
            {
                return;
            }
            var position = 0;
            var paramsIndex = 0;
            foreach (var argument in syntax.ArgumentList.Arguments)
            {
                string? name = argument.NameEquals?.Name.Identifier.ValueText
                    ?? (argument.NameColon is { } colon ? Capitalize(colon.Name.Identifier.ValueText) : null);
                if (name is null && ctorParameters.Length > 0)
                {
                    var parameter = ctorParameters[System.Math.Min(position, ctorParameters.Length - 1)];
                    name = Capitalize(parameter.Name);
                    if (parameter.IsParams && argument.Expression is not (ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax))
                    {
                        Add(sites, SiteKey + "." + name + "[" + paramsIndex++ + "]", argument);
                    }
                    position++;
                }
                if (name is null)
                {
                    continue;
                }
                Add(sites, SiteKey + "." + name, argument);
                var elements = argument.Expression switch
                {
                    ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.Cast<SyntaxNode>(),
                    ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.Cast<SyntaxNode>(),
                    CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>(),
                    _ => null,
                };
                var index = 0;
                foreach (var element in elements ?? Enumerable.Empty<SyntaxNode>())
                {
                    Add(sites, SiteKey + "." + name + "[" + index++ + "]", element);
                }
            }
        }

        private static void Add(List<Site> sites, string key, SyntaxNode node)
        {
            if (LocationInfo.From(node) is { } location && !sites.Any(s => s.Key == key))
            {
                sites.Add(new Site(key, location));
            }
        }

        private static string Capitalize(string name) =>
            name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name.Substring(1);
    }
}
