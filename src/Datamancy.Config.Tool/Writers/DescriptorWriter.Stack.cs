using System.Collections.Generic;
using System.Linq;
using System.Text;
using Datamancy.Config.Tool.Mapping;

namespace Datamancy.Config.Tool.Writers;

/// <summary>The stack's fixed subnets and default limits, and a service's declared absence of limits.</summary>
internal static partial class DescriptorWriter
{
    private static void StackExtras(List<string> args, StackDraft stack)
    {
        foreach (var network in new[] { "Frontend", "Backend", "Database" }.Where(stack.Subnets.ContainsKey))
        {
            args.Add(network + "Subnet = " + Str(stack.Subnets[network]));
        }
        if (stack.Defaults.Memory is not null)
        {
            args.Add("DefaultMemory = " + Str(stack.Defaults.Memory));
        }
        if (stack.Defaults.Cpus is not null)
        {
            args.Add("DefaultCpus = " + Str(stack.Defaults.Cpus));
        }
        if (stack.Defaults.Pids is { } pids)
        {
            args.Add("DefaultPids = " + Int(pids));
        }
    }

    private static void NoLimit(StringBuilder text, StackDraft stack, ServiceDraft s)
    {
        if (!s.NoLimit)
        {
            return;
        }
        Todo(text, "say why '" + s.Name + "' runs without memory and CPU limits (Justification = \"…\"); the build reports it until then.");
        var args = new List<string> { "NoLimit = true" };
        if (s.Limits is (_, _, { } pids) && pids != (stack.Defaults.Pids ?? ResourceDefaults.Pids))
        {
            args.Add("Pids = " + Int(pids));
        }
        Attribute(text, "Resources", args);
    }
}
