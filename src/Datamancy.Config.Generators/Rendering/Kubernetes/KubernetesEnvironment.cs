using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Model;
using YamlDotNet.RepresentationModel;
using static Datamancy.Config.Generators.Rendering.Yaml;

namespace Datamancy.Config.Generators.Rendering.Kubernetes
{
    /// <summary>
    /// A container's environment: the same variables as compose, secrets only by <c>secretKeyRef</c> into the Secret made from
    /// the .env file. Secrets come first so values can use them as <c>$(NAME)</c>; every literal <c>$</c> is written <c>$$</c>.
    /// </summary>
    internal static class KubernetesEnvironment
    {
        private static readonly Regex Reference = new(@"\$\{([A-Z_][A-Z0-9_]*)\}", RegexOptions.CultureInvariant);

        public static YamlSequenceNode For(StackModel stack, ServiceModel service)
        {
            var entries = new List<YamlNode>();
            var secretName = KubernetesNames.Secret(stack);
            var variables = new Dictionary<string, string>(System.StringComparer.Ordinal);
            foreach (var secret in DerivedSecrets.For(stack, service))
            {
                if (!variables.ContainsKey(secret.Name))
                {
                    variables[secret.Name] = secret.Variable;
                }
                entries.Add(FromSecret(secret.Variable, secretName, secret.Name, optional: false));
            }
            if (service.Role == ServiceRole.Ingress)
            {
                // Unset (the key is absent from .env): Caddy uses the default in {$VAR:default}; set but empty: nobody is admitted.
                foreach (var owner in stack.Ordered().Where(s => s.Api is not null))
                {
                    entries.Add(FromSecret(owner.Api!.AllowlistVariable, secretName, owner.Api.AllowlistVariable, optional: true));
                }
            }
            foreach (var env in service.Environment)
            {
                entries.Add(Value(env.Name, Interpolate(StackTokens.Expand(env.Value, stack), variables)));
            }
            if (service.Capabilities is { } caps)
            {
                entries.Add(Value(caps.Variable, string.Join(",", caps.Capabilities).Replace("$", "$$")));
            }
            foreach (var (key, value) in Operations.OperationsMounts.Environment(stack, service))
            {
                entries.Add(Value(key, value));
            }
            if (service.Role == ServiceRole.Sso && AutheliaRenderer.UsesTemplateFilter(stack))
            {
                entries.Add(Value("X_AUTHELIA_CONFIG_FILTERS", "template"));
            }
            return Seq(entries);
        }

        /// <summary>The variable names, in order (tests compare them with the compose environment).</summary>
        public static IEnumerable<string> Names(YamlSequenceNode env) =>
            env.Children.OfType<YamlMappingNode>().Select(e => ((YamlScalarNode)e.Children[new YamlScalarNode("name")]).Value!);

        /// <summary>
        /// <c>${NAME}</c> (a declared secret) becomes <c>$(VARIABLE)</c>, the container variable that holds it, defined earlier in
        /// the list; every other <c>$</c> is literal.
        /// </summary>
        public static string Interpolate(string value, IReadOnlyDictionary<string, string> variables)
        {
            var builder = new System.Text.StringBuilder();
            var last = 0;
            foreach (Match match in Reference.Matches(value))
            {
                builder.Append(value.Substring(last, match.Index - last).Replace("$", "$$"));
                var name = match.Groups[1].Value;
                builder.Append("$(").Append(variables.TryGetValue(name, out var variable) ? variable : name).Append(')');
                last = match.Index + match.Length;
            }
            builder.Append(value.Substring(last).Replace("$", "$$"));
            return builder.ToString();
        }

        private static YamlMappingNode Value(string name, string value) => Map().With("name", Str(name)).With("value", Str(value));

        private static YamlMappingNode FromSecret(string name, string secret, string key, bool optional) =>
            Map().With("name", Str(name)).With("valueFrom", Map().With("secretKeyRef", Map()
                .With("name", Str(secret))
                .With("key", Str(key))
                .With("optional", optional ? Bool(true) : null)));
    }
}
