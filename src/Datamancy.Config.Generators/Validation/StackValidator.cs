using System.Collections.Generic;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>Runs every rule over the model. Findings point at arguments by key, never at syntax.</summary>
    internal static class StackValidator
    {
        public static EquatableArray<Finding> Validate(StackModel stack)
        {
            var findings = new List<Finding>();
            foreach (var service in stack.Services)
            {
                ServiceRules.Check(service, findings);
            }
            StackRules.Check(stack, findings);
            SecretRules.Check(stack, findings);
            EnvironmentRules.Check(stack, findings);
            return findings.ToEquatableArray();
        }

        /// <summary>True when an error-level rule fired: then no artifact is rendered.</summary>
        public static bool HasErrors(EquatableArray<Finding> findings)
        {
            foreach (var finding in findings)
            {
                if (finding.Descriptor.DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
                {
                    return true;
                }
            }
            return false;
        }
    }
}
