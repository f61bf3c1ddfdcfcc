using System.Text.Json.Nodes;
using Json.Schema;

namespace Datamancy.Config.Tests.Infrastructure;

/// <summary>Validates JSON against a JSON Schema (draft-07 or 2020-12) with JsonSchema.Net.</summary>
public static class SchemaCheck
{
    public static IReadOnlyList<string> Errors(string schemaPath, JsonNode? instance)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(schemaPath));
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
}
