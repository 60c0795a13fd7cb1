using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Organisation;

/// <summary>The centre, a township sub-centre or a department. Its area decides what its staff may see.</summary>
public sealed class OrgUnit : AggregateRoot
{
    public const int CodeMaxLength = 20;
    public const int NameMaxLength = 50;

    private OrgUnit()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string? ShortName { get; private set; }

    public OrgUnitKind Kind { get; private set; }

    /// <summary>For a sub-centre: the street/town division it covers.</summary>
    public Guid? AreaDivisionId { get; private set; }

    public bool IsActive { get; private set; } = true;

    public static Result<OrgUnit> Create(string code, string name, OrgUnitKind kind, Guid? areaDivisionId = null, string? shortName = null)
    {
        code = code?.Trim() ?? string.Empty;
        name = name?.Trim() ?? string.Empty;
        if (code.Length is 0 or > CodeMaxLength || !code.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return OrgErrors.InvalidCode;
        }

        if (name.Length is 0 or > NameMaxLength)
        {
            return OrgErrors.InvalidName;
        }

        if (kind == OrgUnitKind.SubCentre && areaDivisionId is null)
        {
            return OrgErrors.SubCentreNeedsArea;
        }

        return new OrgUnit
        {
            Code = code,
            Name = name,
            ShortName = string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim(),
            Kind = kind,
            AreaDivisionId = areaDivisionId,
        };
    }

    public Result Rename(string name)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > NameMaxLength)
        {
            return OrgErrors.InvalidName;
        }

        Name = name;
        return Result.Success();
    }

    public void Deactivate() => IsActive = false;
}
