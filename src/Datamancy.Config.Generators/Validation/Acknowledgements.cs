using System.Collections.Generic;
using System.Linq;
using Datamancy.Config.Generators.Diagnostics;
using Datamancy.Config.Generators.Model;
using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// <c>[Justify("DMCxxxx", "reason")]</c>: a warning or suggestion acknowledged in C# on the declaration it concerns.
    /// Every reporter (the service, stack and stack-wide analyzers) drops acknowledged findings through <see cref="Filter"/>,
    /// so an acknowledgement works the same for every diagnostic; errors are never acknowledged this way.
    /// </summary>
    internal static class Acknowledgements
    {
        /// <summary>Validates the <c>[Justify]</c> attributes of one declaration.</summary>
        public static void Check(EquatableArray<Acknowledgement> acknowledgements, ServiceModel? owner, string who, List<Finding> findings)
        {
            for (var i = 0; i < acknowledgements.Count; i++)
            {
                var a = acknowledgements[i];
                var descriptor = Descriptors.All.FirstOrDefault(d => d.Id == a.Check);
                if (descriptor is null)
                {
                    findings.Add(Finding.For(Descriptors.InvalidValue, owner, SiteKeys.Of("Justify", i, "Check"), who,
                        "[Justify] check '" + ServiceRules.Shown(a.Check) + "'", "name a Datamancy diagnostic ID such as 'DMC3010'"));
                }
                else if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
                {
                    findings.Add(Finding.For(Descriptors.InvalidValue, owner, SiteKeys.Of("Justify", i, "Check"), who,
                        "[Justify] check '" + a.Check + "'", "it is an error, which cannot be acknowledged; use the justified form its page describes (docs/diagnostics/" + a.Check + ".md)"));
                }
                if (!ValueRules.IsJustification(a.Reason))
                {
                    findings.Add(Finding.For(Descriptors.InvalidValue, owner, SiteKeys.Of("Justify", i, "Reason"), who,
                        "[Justify] reason", "write why the finding is accepted (10 characters or more, one line)"));
                }
            }
        }

        /// <summary>True when the declaration acknowledges this (non-error) diagnostic with a valid reason.</summary>
        public static bool Covers(EquatableArray<Acknowledgement> acknowledgements, DiagnosticDescriptor descriptor) =>
            descriptor.DefaultSeverity != DiagnosticSeverity.Error
            && acknowledgements.Any(a => a.Check == descriptor.Id && ValueRules.IsJustification(a.Reason));

        /// <summary>The findings that are not acknowledged by their owner (a service by type name, or the stack).</summary>
        public static IEnumerable<Finding> Filter(IEnumerable<Finding> findings, StackModel? stack)
        {
            if (stack is null)
            {
                return findings;
            }
            var byOwner = new Dictionary<string, EquatableArray<Acknowledgement>> { [Finding.StackOwner] = stack.Settings.Acknowledgements };
            foreach (var s in stack.Services)
            {
                byOwner[s.TypeName] = s.Acknowledgements;
            }
            return findings.Where(f => !(byOwner.TryGetValue(f.Owner, out var acks) && Covers(acks, f.Descriptor)));
        }

        /// <summary>The findings of one service that it does not acknowledge.</summary>
        public static IEnumerable<Finding> Filter(IEnumerable<Finding> findings, EquatableArray<Acknowledgement> acknowledgements) =>
            findings.Where(f => !Covers(acknowledgements, f.Descriptor));
    }
}
