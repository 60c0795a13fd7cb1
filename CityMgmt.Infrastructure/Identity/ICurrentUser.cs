namespace CityMgmt.Infrastructure.Identity;

/// <summary>The signed-in user of the current request or circuit; "system" for background work.</summary>
public interface ICurrentUser
{
    string? UserId { get; }

    string UserName { get; }
}

public sealed class SystemUser : ICurrentUser
{
    public static readonly SystemUser Instance = new();

    public string? UserId => null;

    public string UserName => "system";
}
