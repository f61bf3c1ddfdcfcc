using System.Collections.Immutable;
using System.Reflection;
using Datamancy.Config.Generators;
using Datamancy.Config.Generators.Model;
using Datamancy.Config.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Datamancy.Config.Tests;

/// <summary>
/// A walk over the declared types of every field reachable from the pipeline's values proves that no
/// Roslyn object can be held by them: such an object would keep a compilation alive and break caching.
/// The walk is over types, not instances, so it holds for every value the pipeline can produce.
/// </summary>
public sealed class ModelPurityTests
{
    private static readonly Type[] Forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxNode), typeof(SyntaxTree),
        typeof(SyntaxToken), typeof(SyntaxTrivia), typeof(SyntaxReference), typeof(Location), typeof(AttributeData),
        typeof(TypedConstant), typeof(Diagnostic),
    };

    // Shared static descriptors: compared by reference, they hold only their texts, and no syntax.
    private static readonly Type[] OpaqueAllowed = { typeof(DiagnosticDescriptor) };

    /// <summary>Every type reachable through instance fields, generic arguments and array elements.</summary>
    private static Dictionary<Type, string> Reachable(Type root)
    {
        var seen = new Dictionary<Type, string> { [root] = root.Name };
        var queue = new Queue<Type>(new[] { root });
        while (queue.Count > 0)
        {
            var type = queue.Dequeue();
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || OpaqueAllowed.Contains(type))
            {
                continue;
            }
            var next = new List<(Type, string)>();
            if (type.IsArray)
            {
                next.Add((type.GetElementType()!, "[]"));
            }
            else
            {
                next.AddRange(type.GetGenericArguments().Select(a => (a, "<" + a.Name + ">")));
                for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
                {
                    next.AddRange(t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                        .Select(f => (f.FieldType, "." + f.Name)));
                }
            }
            foreach (var (child, via) in next)
            {
                if (!seen.ContainsKey(child))
                {
                    seen[child] = seen[type] + via;
                    queue.Enqueue(child);
                }
            }
        }
        return seen;
    }

    public static TheoryData<Type> Roots => new() { typeof(StackModel), typeof(ServiceParse), typeof(RenderedStack), typeof(StackBuild), typeof(StackParse), typeof(ServiceView) };

    [Theory]
    [MemberData(nameof(Roots))]
    public void No_Roslyn_object_is_reachable(Type root)
    {
        var reachable = Reachable(root);
        Assert.Contains(reachable.Keys, t => t == typeof(string)); // the walk reached the leaves
        foreach (var (type, path) in reachable)
        {
            Assert.False(Forbidden.Any(f => f.IsAssignableFrom(type)), root.Name + " reaches " + type.Name + " through " + path);
            // A field typed as object, an interface or an open class hierarchy could hold anything at run time.
            var provable = type.IsValueType || type.IsSealed || type.IsArray || type == typeof(string) || OpaqueAllowed.Contains(type);
            Assert.True(provable, root.Name + " reaches the unsealed or interface type " + type.FullName + " through " + path);
            Assert.False(typeof(Delegate).IsAssignableFrom(type), root.Name + " reaches a delegate through " + path);
        }
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void The_walk_finds_what_it_looks_for(Type root)
    {
        // The walk reaches fields inside value types and collections: EquatableArray<T> → ImmutableArray<T> → T[] → T.
        var reachable = Reachable(root);
        if (root == typeof(ServiceParse))
        {
            Assert.Contains(typeof(LocationInfo), reachable.Keys);
            Assert.Contains(typeof(Microsoft.CodeAnalysis.Text.TextSpan), reachable.Keys);
        }
        Assert.Contains(reachable.Keys, t => t.IsGenericType && t.GetGenericTypeDefinition() == typeof(ImmutableArray<>));
    }

    [Theory]
    [InlineData(typeof(StackModel))]
    [InlineData(typeof(StackBuild))]
    [InlineData(typeof(RenderedStack))]
    [InlineData(typeof(ServiceView))]
    public void What_renders_holds_no_position(Type root)
    {
        // Positions live in ServiceSites and DiagnosticInfo only, so moving a line cannot change a rendered input.
        var reachable = Reachable(root);
        Assert.DoesNotContain(typeof(LocationInfo), reachable.Keys);
        Assert.DoesNotContain(typeof(Microsoft.CodeAnalysis.Text.TextSpan), reachable.Keys);
        Assert.DoesNotContain(typeof(Microsoft.CodeAnalysis.Text.LinePositionSpan), reachable.Keys);
    }
}
