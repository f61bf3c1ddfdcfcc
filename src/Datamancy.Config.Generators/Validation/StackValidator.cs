using System.Collections.Generic;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>What validating the whole model yields for the generator.</summary>
    /// <param name="StackWide">The findings only the generator can report (they need every service).</param>
    /// <param name="Blocked">An error-level rule fired anywhere, per service or stack-wide: nothing is rendered.</param>
    internal sealed record StackValidation(EquatableArray<Finding> StackWide, bool Blocked);

    /// <summary>
    /// Runs every rule over the model. Findings point at arguments by key, never at syntax.
    /// Rules on one descriptor are reported by the analyzers; the generator runs them again only to block rendering.
    /// </summary>
    internal static class StackValidator
    {
        /// <param name="stack">The assembled model.</param>
        /// <param name="checkServices">
        /// Run every service's <see cref="ServiceRules"/> too. The generator passes false: it runs them per service in
        /// their own pipeline step (<see cref="ServiceHasErrors"/>, cached on the service's model), so a one-descriptor
        /// edit checks one service again, not every one.
        /// </param>
        public static StackValidation Validate(StackModel stack, bool checkServices)
        {
            var perDescriptor = new List<Finding>();
            StackSettingsRules.Check(stack.Settings, perDescriptor);
            if (checkServices)
            {
                foreach (var service in stack.Services)
                {
                    ServiceRules.Check(service, perDescriptor);
                }
            }
            var stackWide = new List<Finding>();
            StackRules.Check(stack, stackWide);
            SecretRules.Check(stack, stackWide);
            EnvironmentRules.Check(stack, stackWide);
            GroupRules.Check(stack, stackWide);
            VariableNameRules.CheckStack(stack, stackWide);
            ExtrasStackRules.Check(stack, stackWide);
            LinkRules.Check(stack, stackWide);
            return new StackValidation(stackWide.ToEquatableArray(), HasErrors(perDescriptor) || HasErrors(stackWide));
        }

        /// <summary>True when one of the service's own rules (<see cref="ServiceRules"/>) fires at error level: the stack is not rendered.</summary>
        public static bool ServiceHasErrors(ServiceModel service)
        {
            var findings = new List<Finding>();
            ServiceRules.Check(service, findings);
            return HasErrors(findings);
        }

        /// <summary>True when an error-level rule fired: then no artifact is rendered.</summary>
        public static bool HasErrors(IEnumerable<Finding> findings)
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
