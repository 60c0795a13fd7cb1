using CityMgmt.Domain.Cases;
using CityMgmt.Domain.Components;
using CityMgmt.Domain.Grids;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CityMgmt.Infrastructure.Persistence.Converters;

// Codes are validated on the way in; a bad value read back means corrupt data, so it throws.
public sealed class GridCodeConverter() : ValueConverter<GridCode, string>(c => c.Value, s => GridCode.Parse(s).Value);

public sealed class CaseNumberConverter() : ValueConverter<CaseNumber, string>(c => c.Value, s => CaseNumber.Parse(s).Value);

/// <summary>The scheme follows from the stored length, so 16- and 17-digit codes can coexist during a migration.</summary>
public sealed class ComponentCodeConverter() : ValueConverter<ComponentCode, string>(
    c => c.Value,
    s => ComponentCode.Parse(s, s.Length == 17 ? ComponentCodeScheme.Gbt47678 : ComponentCodeScheme.Standard16).Value);

/// <summary>
/// SQLite keeps DateTimeOffset as text and cannot compare or sort it in SQL; UTC ticks as an integer
/// keep order, so deadlines and date ranges filter in the database.
/// </summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
