using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>Validates JSON against a JSON Schema (draft-07 or 2020-12) with JsonSchema.Net, formats included.</summary>
public static class SchemaCheck
{
    private static readonly ConcurrentDictionary<string, JsonSchema> Schemas = new();

    public static IReadOnlyList<string> Errors(string schemaPath, JsonNode? instance)
    {
        var schema = Schemas.GetOrAdd(schemaPath, Load);
        var element = System.Text.Json.JsonSerializer.SerializeToElement(instance);
        var result = schema.Evaluate(element, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
        {
            return Array.Empty<string>();
        }
        return (result.Details ?? new List<EvaluationResults>())
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Key + ": " + e.Value))
            .DefaultIfEmpty("invalid (no details)")
            .ToList();
    }

    private static JsonSchema Load(string path)
    {
        var text = File.ReadAllText(path);
        // The compose schema names draft-07 as "https://json-schema.org/draft-07/schema" (https, no '#'),
        // which is not the ID the draft-07 dialect is registered under; register it under that ID too.
        var dialects = new DialectRegistry();
        dialects.Register(Dialect.Draft07.With(Array.Empty<IKeywordHandler>(), new Uri("https://json-schema.org/draft-07/schema")));
        var options = new BuildOptions { DialectRegistry = dialects, SchemaRegistry = new SchemaRegistry() };
        return JsonSchema.FromText(text, options);
    }
}
