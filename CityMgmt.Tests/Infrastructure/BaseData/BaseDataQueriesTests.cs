using CityMgmt.Domain.Categories;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Divisions;
using CityMgmt.Infrastructure.Organisation;
using CityMgmt.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace CityMgmt.Tests.Infrastructure.BaseData;

public sealed class BaseDataQueriesTests
{
    [Fact]
    public async Task GridsAsync_NoSearch_PagesAllGridsInCodeOrder()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var queries = services.Get<BaseDataQueries>();
        await using var db = services.NewDb();
        var all = await db.Grids.CountAsync();

        var (first, total) = await queries.GridsAsync(null, 0, 20);
        var (second, _) = await queries.GridsAsync("  ", 1, 20);
        var (last, _) = await queries.GridsAsync(null, all / 20, 20);

        total.ShouldBe(all);
        first.Count.ShouldBe(20);
        first.Select(g => g.Code).ShouldBeInOrder();
        string.CompareOrdinal(first[^1].Code, second[0].Code).ShouldBeLessThan(0);
        last.Count.ShouldBe(all % 20 == 0 ? 20 : all % 20);
    }

    [Fact]
    public async Task GridsAsync_StreetName_ReturnsOnlyThatStreetsGrids()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var town = await db.Divisions.SingleAsync(d => d.Name == "青龙镇");
        var expected = await db.Grids.CountAsync(g => g.StreetId == town.Id);

        var (rows, total) = await services.Get<BaseDataQueries>().GridsAsync("青龙镇", 0, 200);

        total.ShouldBe(expected);
        total.ShouldBeGreaterThan(0);
        total.ShouldBeLessThan(await db.Grids.CountAsync());
        rows.ShouldAllBe(r => r.Street == "青龙镇" && r.Code.StartsWith(town.Code));
    }

    [Fact]
    public async Task GridsAsync_CodeDigits_MatchFullCodeExactlyAndShorterCodesAsPrefix()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var community = await db.Divisions.Where(d => d.Level == DivisionLevel.Community).OrderBy(d => d.Code).FirstAsync();
        var inCommunity = await db.Grids.CountAsync(g => g.CommunityId == community.Id);
        var queries = services.Get<BaseDataQueries>();
        var (someGrids, _) = await queries.GridsAsync(community.Code, 0, 5);

        var (exact, exactTotal) = await queries.GridsAsync(someGrids[0].Code, 0, 20);
        var (_, prefixTotal) = await queries.GridsAsync(community.Code, 0, 20);

        exactTotal.ShouldBe(1);
        exact.Single().Code.ShouldBe(someGrids[0].Code);
        prefixTotal.ShouldBe(inCommunity);
    }

    [Fact]
    public async Task GridsAsync_ComponentCount_CountsComponentsStandingInTheGrid()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var (rows, _) = await services.Get<BaseDataQueries>().GridsAsync(null, 0, 50);
        await using var db = services.NewDb();

        foreach (var row in rows.Take(10))
        {
            row.Components.ShouldBe(await db.Components.CountAsync(c => c.GridId == row.Id), row.Code);
        }

        rows.Sum(r => r.Components).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task ComponentsAsync_NoFilter_TotalsAllComponentsAndPagesDistinctRows()
    {
        await using var services = await TestServices.FromTemplateAsync();
        var queries = services.Get<BaseDataQueries>();
        await using var db = services.NewDb();

        var (first, total) = await queries.ComponentsAsync(null, null, 0, 20);
        var (second, _) = await queries.ComponentsAsync(null, null, 1, 20);

        total.ShouldBe(await db.Components.CountAsync());
        total.ShouldBeGreaterThan(1000);
        first.Count.ShouldBe(20);
        first.Select(c => c.Code).ShouldBeInOrder();
        first.Select(c => c.Id).Intersect(second.Select(c => c.Id)).ShouldBeEmpty();
        first.ShouldAllBe(c => c.CategoryCode.Length == 4 && c.Code.Substring(6, 4) == c.CategoryCode);
    }

    [Fact]
    public async Task ComponentsAsync_ClassAndState_NarrowToMatchingComponents()
    {
        await using var services = await TestServices.FromTemplateAsync();
        await using var db = services.NewDb();
        var busiest = await db.Components.GroupBy(c => c.CategoryId).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstAsync();
        var category = await db.Categories.SingleAsync(c => c.Id == busiest);
        var component = await db.Components.FirstAsync(c => c.CategoryId == busiest);
        await db.Components.Where(c => c.Id == component.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ComponentState.Lost));
        var queries = services.Get<BaseDataQueries>();

        var (ofClass, classTotal) = await queries.ComponentsAsync(busiest, null, 0, 200);
        var (lost, lostTotal) = await queries.ComponentsAsync(busiest, ComponentState.Lost, 0, 200);
        var (_, allLost) = await queries.ComponentsAsync(null, ComponentState.Lost, 0, 20);

        classTotal.ShouldBe(await db.Components.CountAsync(c => c.CategoryId == busiest));
        ofClass.ShouldAllBe(c => c.CategoryCode == category.MajorCode + category.MinorCode);
        lostTotal.ShouldBe(await db.Components.CountAsync(c => c.CategoryId == busiest && c.State == ComponentState.Lost));
        lost.Select(c => c.Id).ShouldContain(component.Id);
        lost.ShouldAllBe(c => c.State == ComponentState.Lost);
        allLost.ShouldBe(await db.Components.CountAsync(c => c.State == ComponentState.Lost));
        lostTotal.ShouldBeLessThan(classTotal);
    }

    [Fact]
    public async Task DivisionTreeAsync_GridCounts_AddUpFromCommunitiesToCounty()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var nodes = await services.Get<BaseDataQueries>().DivisionTreeAsync();

        await using var db = services.NewDb();
        var county = nodes.Single(n => n.Level == DivisionLevel.County);
        county.Grids.ShouldBe(await db.Grids.CountAsync());
        var streets = nodes.Where(n => n.Level == DivisionLevel.Street).ToList();
        streets.Sum(s => s.Grids).ShouldBe(county.Grids);
        foreach (var street in streets)
        {
            nodes.Where(n => n.ParentId == street.Id).Sum(c => c.Grids).ShouldBe(street.Grids, street.Name);
        }

        streets.Single(s => s.Name == "青龙镇").IsTownship.ShouldBeTrue();
        streets.Single(s => s.Name == "城关街道").IsTownship.ShouldBeFalse();
        nodes.Select(n => n.Code).ShouldBeInOrder();
    }

    [Fact]
    public async Task CategoriesAsync_ComponentMinorClasses_CarryTheirMajorCode()
    {
        await using var services = await TestServices.FromTemplateAsync();

        var classes = await services.Get<BaseDataQueries>().CategoriesAsync();

        var sewer = classes.Single(c => c is { Kind: CategoryKind.Component, MajorCode: "01", MinorCode: "02" });
        sewer.Name.ShouldBe("污水井盖");
        sewer.FullCode.ShouldBe("0102");
    }
}
