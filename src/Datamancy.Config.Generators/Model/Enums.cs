using System;

namespace Datamancy.Config.Generators.Model
{
    // Mirrors of the public enums in Datamancy.Config (same names and values; a test keeps them in step).
    // The generator reads attribute arguments as their numeric values, so it does not load the runtime library.

    [Flags]
    internal enum Network { None = 0, Frontend = 1, Backend = 2, Database = 4 }

    internal enum Profile { Bootstrap = 0, Full = 1 }

    internal enum ServiceRole { App = 0, Ingress = 1, Sso = 2, Directory = 3, Database = 4, Cache = 5, SocketProxy = 6 }

    internal enum SsoMode { ForwardAuth = 0, Oidc = 1, Public = 2 }

    internal enum AuthPolicy { Default = 0, OneFactor = 1, TwoFactor = 2 }

    internal enum Backup { Undecided = 0, Daily = 1, Weekly = 2, Never = 3 }

    internal enum DependencyCondition { Healthy = 0, Started = 1, CompletedSuccessfully = 2 }

    internal enum Protocol { Tcp = 0, Udp = 1 }

    internal enum SecretKind { Password = 0, HexKey = 1, Base64Key = 2, RsaPrivateKey = 3, OidcClientSecret = 4 }

    /// <summary>The environments artifacts are rendered for.</summary>
    /// <remarks>
    /// <see cref="Local"/> is the ingress alone, run unprivileged on loopback (tests and local proofs):
    /// only its Caddyfile is rendered.
    /// </remarks>
    internal enum StackEnvironment { Dev, Prod, Local }

    /// <summary>Mirror of <c>Datamancy.Config.NetworkLayout</c>.</summary>
    internal enum NetworkLayout { Shared = 0, PerLink = 1 }
}
