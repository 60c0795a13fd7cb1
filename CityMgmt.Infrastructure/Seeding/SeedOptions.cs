namespace CityMgmt.Infrastructure.Seeding;

public enum SeedProfile
{
    /// <summary>The full demo county: ≥ 1,300 grids, ≈ 170,000 components, a few hundred cases.</summary>
    Full,

    /// <summary>A small county for tests: the same shape, a fraction of the rows.</summary>
    Small,
}

/// <summary>Section "Seed".</summary>
public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Demo mode: seed the fictional 示范县 with demo users whose password is documented.</summary>
    public bool Demo { get; set; }

    public SeedProfile Profile { get; set; } = SeedProfile.Full;

    /// <summary>Password of every demo user (demo mode only).</summary>
    public string DemoPassword { get; set; } = "Demo@2026";

    /// <summary>Production mode: user name of the first administrator.</summary>
    public string AdminUserName { get; set; } = "admin";

    /// <summary>Production mode: the first administrator's password. No default exists; start fails without it.</summary>
    public string? AdminPassword { get; set; }

    /// <summary>Fixed so the demo county is the same on every machine.</summary>
    public int RandomSeed { get; set; } = 20261128;
}
