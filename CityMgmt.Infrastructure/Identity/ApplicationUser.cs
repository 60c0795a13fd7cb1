using Microsoft.AspNetCore.Identity;

namespace CityMgmt.Infrastructure.Identity;

/// <summary>A staff account. Created by administrators only: no self-registration, no e-mail confirmation.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public const int DisplayNameMaxLength = 30;

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>Centre, sub-centre or department: decides the user's data scope.</summary>
    public Guid? OrgUnitId { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? LastLoginAt { get; set; }
}
