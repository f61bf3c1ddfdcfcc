using System.Text.RegularExpressions;

namespace Datamancy.Config.Generators.Validation
{
    /// <summary>
    /// The grammar of every value that reaches an artifact. A value that passes cannot change the
    /// structure of a Caddyfile, YAML or env file; anything else is rejected with a diagnostic.
    /// </summary>
    internal static class ValueRules
    {
        private const RegexOptions Options = RegexOptions.CultureInvariant;
        private const string Label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";

        private static readonly Regex ServiceNamePattern = new("^[a-z0-9][a-z0-9_-]{0,62}\\z", Options);
        private static readonly Regex HostPattern = new("^" + Label + @"(?:\." + Label + ")*\\z", Options);
        private static readonly Regex EnvNamePattern = new("^[A-Za-z_][A-Za-z0-9_]{0,127}\\z", Options);
        private static readonly Regex SecretNamePattern = new("^[A-Z_][A-Z0-9_]{0,127}\\z", Options);
        private static readonly Regex CapabilityPattern = new(@"^[a-z][a-z0-9_]*(?:\.(?:[a-z][a-z0-9_]*|\*))+\z", Options);
        private static readonly Regex ContainerPathPattern = new("^/[A-Za-z0-9._/@+-]*\\z", Options);
        private static readonly Regex BindSourcePattern = new("^\\./[A-Za-z0-9._/@+-]*\\z", Options);
        private static readonly Regex VolumeNamePattern = new("^[a-z0-9][a-z0-9_.-]{0,62}\\z", Options);
        private static readonly Regex DurationPattern = new("^(?:[0-9]{1,6}(?:us|ms|s|m|h))+\\z", Options);
        private static readonly Regex MemoryPattern = new("^[1-9][0-9]{0,8}[bkmg]\\z", Options);
        private static readonly Regex CpusPattern = new(@"^[0-9]{1,3}(?:\.[0-9]{1,3})?\z", Options);
        private static readonly Regex UserPattern = new("^[a-z0-9_][a-z0-9_-]{0,31}(?::[a-z0-9_][a-z0-9_-]{0,31})?\\z", Options);
        private static readonly Regex UrlPathPattern = new("^/[A-Za-z0-9._~/-]*\\z", Options);
        private static readonly Regex RelativeFilePattern = new("^[A-Za-z0-9_][A-Za-z0-9._/-]*\\z", Options);
        private static readonly Regex EmailPattern = new("^[A-Za-z0-9._%+-]+@" + Label + @"(?:\." + Label + ")+\\z", Options);

        // OCI distribution reference grammar: [registry[:port]/]path[:tag][@digest].
        private const string Component = "[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*";
        private static readonly Regex ImagePattern = new(
            @"^(?:(?<registry>(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)(?:\.(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?))*(?::[0-9]+)?)/)?"
            + "(?<path>" + Component + "(?:/" + Component + ")*)"
            + "(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9._-]{0,127}))?"
            + "(?:@(?<digest>sha256:[a-f0-9]{64}))?\\z", Options);

        private static readonly string[] FloatingTags = { "latest", "stable", "main", "master", "edge", "nightly", "dev", "develop" };

        public static bool IsServiceName(string value) => ServiceNamePattern.IsMatch(value);

        /// <summary>One or more RFC 1123 labels, lower case, 253 characters at most.</summary>
        public static bool IsHost(string value) => value.Length <= 253 && HostPattern.IsMatch(value);

        public static bool IsDomain(string value) => IsHost(value) && value.IndexOf('.') > 0;

        public static bool IsEnvName(string value) => EnvNamePattern.IsMatch(value);

        public static bool IsSecretName(string value) => SecretNamePattern.IsMatch(value);

        public static bool IsCapability(string value) => CapabilityPattern.IsMatch(value);

        public static bool IsContainerPath(string value) => ContainerPathPattern.IsMatch(value) && !HasDotDotSegment(value);

        public static bool IsBindSource(string value) => BindSourcePattern.IsMatch(value) && !HasDotDotSegment(value);

        public static bool IsVolumeName(string value) => VolumeNamePattern.IsMatch(value);

        public static bool IsDuration(string value) => DurationPattern.IsMatch(value);

        public static bool IsMemory(string value) => MemoryPattern.IsMatch(value);

        public static bool IsCpus(string value) => CpusPattern.IsMatch(value) && value.Trim('0', '.').Length > 0;

        public static bool IsUser(string value) => UserPattern.IsMatch(value);

        public static bool IsUrlPath(string value) => UrlPathPattern.IsMatch(value) && !HasDotDotSegment(value);

        public static bool IsRelativeFile(string value) => RelativeFilePattern.IsMatch(value) && !HasDotDotSegment(value);

        public static bool IsEmail(string value) => value.Length <= 254 && EmailPattern.IsMatch(value);

        public static bool IsPort(int value) => value is >= 1 and <= 65535;

        public static bool IsImage(string value) => value.Length <= 255 && ImagePattern.IsMatch(value);

        /// <summary>The image's tag, or null when it has none.</summary>
        public static string? ImageTag(string value)
        {
            var match = ImagePattern.Match(value);
            return match.Success && match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
        }

        /// <summary>True when the image is pinned by digest or by a tag that names a version.</summary>
        public static bool IsPinned(string image)
        {
            var match = ImagePattern.Match(image);
            if (!match.Success)
            {
                return false;
            }
            if (match.Groups["digest"].Success)
            {
                return true;
            }
            var tag = match.Groups["tag"].Success ? match.Groups["tag"].Value : null;
            return tag is not null && System.Array.IndexOf(FloatingTags, tag.ToLowerInvariant()) < 0;
        }

        /// <summary>
        /// Free text (justifications, environment values, command arguments): any printable text,
        /// but no control characters, line breaks, or invisible and bidirectional format characters.
        /// </summary>
        public static bool IsSafeText(string value)
        {
            foreach (var c in value)
            {
                if (char.IsControl(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.Format
                    or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator
                    or System.Globalization.UnicodeCategory.Surrogate or System.Globalization.UnicodeCategory.PrivateUse
                    or System.Globalization.UnicodeCategory.OtherNotAssigned)
                {
                    return false;
                }
            }
            return true;
        }

        /// <summary>
        /// A justification: safe text that says something. Ten characters are not enough on their own ("..........",
        /// "xxxxxxxxxx" and "n/a n/a n/a" are not reasons): it needs at least <see cref="JustificationMinLetters"/> letters,
        /// <see cref="JustificationMinDistinctLetters"/> different ones, and two words.
        /// </summary>
        public static bool IsJustification(string? value) => value is not null && value.Trim().Length >= 10 && IsSafeText(value) && SaysSomething(value);

        public const int JustificationMinLetters = 8;
        public const int JustificationMinDistinctLetters = 4;

        private static bool SaysSomething(string value)
        {
            var letters = 0;
            var distinct = new System.Collections.Generic.HashSet<char>();
            var words = 0;
            var inWord = false;
            foreach (var c in value)
            {
                if (char.IsLetter(c))
                {
                    letters++;
                    distinct.Add(char.ToLowerInvariant(c));
                    if (!inWord)
                    {
                        words++;
                        inWord = true;
                    }
                }
                else if (char.IsWhiteSpace(c))
                {
                    inWord = false;
                }
            }
            return letters >= JustificationMinLetters && distinct.Count >= JustificationMinDistinctLetters && words >= 2;
        }

        private static bool HasDotDotSegment(string path)
        {
            foreach (var segment in path.Split('/'))
            {
                if (segment == "..")
                {
                    return true;
                }
            }
            return false;
        }
    }
}
