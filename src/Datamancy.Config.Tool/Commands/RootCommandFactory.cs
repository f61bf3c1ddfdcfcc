using System.CommandLine;

namespace Datamancy.Config.Tool.Commands;

/// <summary>The <c>datamancy</c> command line.</summary>
internal static class RootCommandFactory
{
    public static RootCommand Create() => new("datamancy: tools for Datamancy.Config stacks.") { ImportCommand.Create() };
}
