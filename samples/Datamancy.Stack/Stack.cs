using Datamancy.Config;

namespace Datamancy.Stack;

/// <summary>
/// The whole stack: one domain, from which every host, cookie and redirect URI derives. Least-privilege networking: each
/// service reaches only what it declares with [Uses] or [DependsOn] (and what its role implies).
/// </summary>
[Stack("datamancy", "project-saturn.com", AcmeEmail = "admin@project-saturn.com", Networking = NetworkLayout.PerLink, Kubernetes = true)]
public static partial class DatamancyStack;

/// <summary>The LDAP groups, referenced by typed name so a typo cannot compile.</summary>
[UserGroups]
public enum Group
{
    /// <summary>Operators of the stack.</summary>
    Admins,
    /// <summary>Everyone with an account.</summary>
    Users,
}
