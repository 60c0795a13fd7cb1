namespace CityMgmt.Domain.Cases;

/// <summary>Who did something: recorded in the case history by value, so renames never rewrite history.</summary>
public sealed record Actor(string UserId, string Name, string Role)
{
    public static readonly Actor System = new("system", "系统", "System");
}
