using System.CommandLine;
using Datamancy.Config.Tool.Commands;

namespace Datamancy.Config.Tool;

internal static class Program
{
    public static int Main(string[] args) => RootCommandFactory.Create().Parse(args).Invoke(new InvocationConfiguration());
}
