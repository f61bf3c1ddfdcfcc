using System;

namespace Datamancy.Config
{
    /// <summary>
    /// A setting that is not a secret but is chosen per installation in the env file, with a default:
    /// compose passes <c>${NAME:-default}</c> and the env templates list the name with its default.
    /// The default may use the stack tokens (<c>mail.{stack.domain}</c>).
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class SettingAttribute : Attribute
    {
        /// <summary>Declares a setting.</summary>
        /// <param name="name">The variable in the env file, for example <c>MAILU_HOSTNAMES</c>.</param>
        /// <param name="defaultValue">The value while the variable is unset or empty; never a secret.</param>
        public SettingAttribute(string name, string defaultValue)
        {
            Name = name;
            DefaultValue = defaultValue;
        }

        /// <summary>The variable in the env file.</summary>
        public string Name { get; }

        /// <summary>The default.</summary>
        public string DefaultValue { get; }

        /// <summary>The variable name inside the container, when it differs from <see cref="Name"/>.</summary>
        public string? As { get; set; }

        /// <summary>What the setting does, for the env templates.</summary>
        public string? Description { get; set; }
    }

    /// <summary>
    /// Passes a whole env file to the service (compose <c>env_file</c>), for apps whose configuration is an env file
    /// (Mailu, Mastodon). An explicit exception: its contents bypass secret tracking and are not checked, so it needs
    /// a <see cref="Justification"/> (DMC3011) and SECURITY-AUDIT.md lists the file.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class EnvFileAttribute : Attribute
    {
        /// <summary>Declares an env file.</summary>
        /// <param name="path">The file, relative to the stack folder, starting with <c>./</c>.</param>
        public EnvFileAttribute(string path)
        {
            Path = path;
        }

        /// <summary>The file.</summary>
        public string Path { get; }

        /// <summary>Why the app is configured through an env file; required.</summary>
        public string? Justification { get; set; }
    }
}
