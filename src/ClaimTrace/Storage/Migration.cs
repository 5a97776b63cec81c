using System.Globalization;
using System.Text.RegularExpressions;

namespace ClaimTrace;

/// <summary>One schema step: applied once, in its own transaction, in version order.</summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    public override string ToString() => $"{Version:000}-{Name}";
}

/// <summary>
/// The migrations shipped with the assembly: embedded files <c>Storage/Migrations/{dialect}/NNN-name.sql</c>.
/// Plain SQL files (not C#) so a reviewer reads the exact schema each backend gets.
/// </summary>
internal static partial class ShippedMigrations
{
    private const string ResourcePrefix = "ClaimTrace.Storage.Migrations.";

    public static IReadOnlyList<Migration> For(string dialect)
    {
        var assembly = typeof(ShippedMigrations).Assembly;
        var prefix = ResourcePrefix + dialect + "/";
        var migrations = new List<Migration>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var name = resource.Replace('\\', '/');
            if (!name.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            var match = FileName().Match(name[prefix.Length..]);
            if (!match.Success)
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNN-name.sql.");
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            migrations.Add(new Migration(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), match.Groups[2].Value, reader.ReadToEnd()));
        }

        migrations.Sort((a, b) => a.Version.CompareTo(b.Version));
        MigrationRunner.CheckSequence(migrations);
        return migrations;
    }

    [GeneratedRegex(@"^(\d{3})-([a-z0-9-]+)\.sql$")]
    private static partial Regex FileName();
}
