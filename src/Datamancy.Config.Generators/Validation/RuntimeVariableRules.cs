using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// Commands and healthchecks are never interpolated by compose (every <c>$</c> is written as <c>$$</c>), so a secret
    /// they need is read from the container's own environment by a shell at run time. A <c>$VARIABLE</c> of the
    /// container in an argument list that no shell runs would stay literal text: that is reported, not rendered.
    /// </summary>
    internal static class RuntimeVariableRules
    {
        private static readonly Regex Reference = new(@"\$\{?([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
        private static readonly string[] Shells = { "sh", "bash", "ash", "dash", "zsh" };

        public static void Check(ServiceModel s, System.Action<string, string, string> invalid)
        {
            var variables = new HashSet<string>(s.Environment.Select(e => e.Name)
                .Concat(s.Secrets.Select(x => x.Variable))
                .Concat(s.Extras.Settings.Select(x => x.Variable)));
            if (s.Capabilities is { } caps)
            {
                variables.Add(caps.Variable);
            }
            var secretNames = s.Secrets.Where(x => x.Name != x.Variable).ToDictionary(x => x.Name, x => x.Variable);
            if (s.Healthcheck is { } h)
            {
                CheckArguments(h.Test, h.Shell || RunsInShell(h.Test), "Healthcheck.Test", "set Shell = true", variables, secretNames, invalid);
            }
            CheckArguments(s.Command, RunsInShell(s.Command), "Service.Command", "run it as \"sh\", \"-c\", \"...\"", variables, secretNames, invalid);
            CheckArguments(s.Extras.Entrypoint, RunsInShell(s.Extras.Entrypoint), "Service.Entrypoint", "run it as \"sh\", \"-c\", \"...\"", variables, secretNames, invalid);
        }

        private static void CheckArguments(
            EquatableArray<string> arguments, bool shell, string key, string fix, HashSet<string> variables, Dictionary<string, string> secretNames,
            System.Action<string, string, string> invalid)
        {
            for (var i = 0; i < arguments.Count; i++)
            {
                foreach (Match match in Reference.Matches(arguments[i]))
                {
                    var name = match.Groups[1].Value;
                    if (secretNames.TryGetValue(name, out var variable))
                    {
                        invalid(SiteKeys.Element(key, i), "'$" + name + "'", "it is the secret's name in the env file, which compose does not interpolate here; the container has it as '$" + variable + "'");
                    }
                    else if (!shell && variables.Contains(name))
                    {
                        invalid(SiteKeys.Element(key, i), "'$" + name + "'", "no shell runs this argument list, so it would stay literal text; " + fix + " and the container reads the variable at run time");
                    }
                }
            }
        }

        /// <summary>True for <c>sh -c ...</c>-style argument lists, whose script a shell expands at run time.</summary>
        internal static bool RunsInShell(EquatableArray<string> arguments)
        {
            if (arguments.Count < 2 || arguments[1] != "-c")
            {
                return false;
            }
            var program = arguments[0].Substring(arguments[0].LastIndexOf('/') + 1);
            return System.Array.IndexOf(Shells, program) >= 0;
        }
    }
}
