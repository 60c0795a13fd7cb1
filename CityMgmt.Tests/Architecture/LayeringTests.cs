using System.Reflection;

namespace CityMgmt.Tests.Architecture;

/// <summary>References point one way: Web → Infrastructure → Domain; Domain stays free of EF Core and ASP.NET.</summary>
public class LayeringTests
{
    private static readonly Assembly Domain = typeof(CityMgmt.Domain.Common.Result).Assembly;
    private static readonly Assembly Infrastructure = typeof(CityMgmt.Infrastructure.DependencyInjection).Assembly;

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore")]
    [InlineData("Microsoft.AspNetCore")]
    [InlineData("Microsoft.Extensions.DependencyInjection")]
    [InlineData("CityMgmt.Infrastructure")]
    [InlineData("CityMgmt.Web")]
    public void Domain_DoesNotReference(string forbidden) =>
        Domain.GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain(n => n.StartsWith(forbidden, StringComparison.Ordinal));

    [Fact]
    public void Infrastructure_DoesNotReferenceWeb() =>
        Infrastructure.GetReferencedAssemblies().Select(a => a.Name!).ShouldNotContain("CityMgmt.Web");

    [Fact]
    public void Domain_HasNoTypeUsingTheSystemClock()
    {
        // TimeProvider is the one clock; the compiled IL would reference DateTime.get_Now/UtcNow if anyone used them.
        var forbidden = new[] { "get_Now", "get_UtcNow", "get_Today" };
        var offenders = Domain.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => m.GetMethodBody() is not null && CallsAny(m, forbidden))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        offenders.ShouldBeEmpty();
    }

    private static bool CallsAny(MethodInfo method, string[] names)
    {
        var il = method.GetMethodBody()!.GetILAsByteArray()!;
        for (var i = 0; i < il.Length - 4; i++)
        {
            // call / callvirt followed by a metadata token
            if (il[i] is 0x28 or 0x6F)
            {
                try
                {
                    var called = method.Module.ResolveMethod(BitConverter.ToInt32(il, i + 1));
                    if (called?.DeclaringType is { } type && (type == typeof(DateTime) || type == typeof(DateTimeOffset)) && names.Contains(called.Name))
                    {
                        return true;
                    }
                }
                catch (ArgumentException)
                {
                    // Not a method token at this offset.
                }
            }
        }

        return false;
    }
}
