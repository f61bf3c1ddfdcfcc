namespace Datamancy.Config.Generators.Model
{
    /// <summary>The stack-level settings from the class marked <c>[Stack]</c>.</summary>
    internal sealed record StackSettings(
        string TypeName,
        string Name,
        string Domain,
        string? AcmeEmail,
        bool AcmeStaging,
        AuthPolicy DefaultPolicy,
        string PortalHost,
        EquatableArray<Acknowledgement> Acknowledgements,
        StackExtras? Extras = null,
        BackupRetention? Retention = null,
        SecretMaxAges? MaxAges = null,
        NetworkLayout Layout = NetworkLayout.Shared,
        bool Kubernetes = false)
    {
        /// <summary>The stack's real-stack settings; the documented defaults when the record is built without them.</summary>
        public StackExtras More => Extras ?? StackExtras.Defaults;

        /// <summary>The retention policy; the attribute's defaults when not read.</summary>
        public BackupRetention BackupRetention => Retention ?? BackupRetention.Default;

        /// <summary>The rotation ages; the attribute's defaults when not read.</summary>
        public SecretMaxAges SecretMaxAges => MaxAges ?? SecretMaxAges.Default;
    }

    /// <summary>Hairpin aliases, fixed subnets and the default resource limits (issue 12).</summary>
    internal sealed record StackExtras(bool Hairpin, string? FrontendSubnet, string? BackendSubnet, string? DatabaseSubnet, string DefaultMemory, string DefaultCpus, int DefaultPids)
    {
        public static readonly StackExtras Defaults = new(false, null, null, null, "512m", "1.0", 256);
    }

    /// <summary>How many daily, weekly and monthly snapshots <c>restic forget</c> keeps.</summary>
    internal sealed record BackupRetention(int Daily, int Weekly, int Monthly)
    {
        public static readonly BackupRetention Default = new(7, 4, 6);
    }

    /// <summary>The maximum age in days of a secret, per kind, before it is due for rotation.</summary>
    internal sealed record SecretMaxAges(int Password, int Key, int SigningKey, int ClientSecret)
    {
        public static readonly SecretMaxAges Default = new(180, 365, 365, 180);

        public int For(SecretKind kind) => kind switch
        {
            SecretKind.HexKey or SecretKind.Base64Key => Key,
            SecretKind.RsaPrivateKey => SigningKey,
            SecretKind.OidcClientSecret => ClientSecret,
            _ => Password,
        };
    }

    /// <summary>The whole stack: what every validator and renderer reads.</summary>
    internal sealed record StackModel(
        StackSettings Settings,
        EquatableArray<string> Groups,
        EquatableArray<ServiceModel> Services)
    {
        public string Domain => Settings.Domain;
    }
}
