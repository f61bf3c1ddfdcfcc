using Microsoft.CodeAnalysis;

namespace Datamancy.Config.Generators.Parsing
{
    internal static class TypeNames
    {
        /// <summary>The fully qualified name used to identify a service class across the pipeline.</summary>
        public static string Of(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
    }

    internal static class EnvNames
    {
        /// <summary><c>open-webui</c> → <c>OPEN_WEBUI</c>.</summary>
        public static string FromServiceName(string service)
        {
            var chars = service.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = char.IsLetterOrDigit(chars[i]) ? char.ToUpperInvariant(chars[i]) : '_';
            }
            return new string(chars);
        }
    }

    internal static class GroupNames
    {
        /// <summary>The group name of an enum member of a <c>[UserGroups]</c> enum, or null when the value is not one.</summary>
        public static string? Of(TypedConstant value)
        {
            if (value.Kind != TypedConstantKind.Enum || value.Type is not INamedTypeSymbol enumType || !IsUserGroups(enumType))
            {
                return null;
            }
            foreach (var member in enumType.GetMembers())
            {
                if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value.Value))
                {
                    return FromMember(field.Name);
                }
            }
            return null;
        }

        public static bool IsUserGroups(INamedTypeSymbol enumType)
        {
            foreach (var attribute in enumType.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == AttributeNames.UserGroups)
                {
                    return true;
                }
            }
            return false;
        }

        /// <summary><c>Admins</c> → <c>admins</c>; <c>DataScientists</c> → <c>data-scientists</c>.</summary>
        public static string FromMember(string member)
        {
            var builder = new System.Text.StringBuilder();
            for (var i = 0; i < member.Length; i++)
            {
                var c = member[i];
                if (char.IsUpper(c) && i > 0)
                {
                    builder.Append('-');
                }
                builder.Append(char.ToLowerInvariant(c));
            }
            return builder.ToString();
        }
    }
}
