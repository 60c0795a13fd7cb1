using System.Collections.Concurrent;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// One entity type's table as the EF model maps it (columns, key, concurrency tokens, value converters), and the
/// INSERT and UPDATE commands over a set of its columns. Only plain shapes qualify: one table, no owned or complex
/// parts, no store-generated values, at most 64 columns; for any other type <see cref="For"/> answers null.
/// </summary>
internal sealed class RowShape
{
    private static readonly ConcurrentDictionary<IEntityType, RowShape?> Shapes = new();

    private readonly StoreObjectIdentifier _table;
    private readonly IProperty[] _properties;
    private readonly IProperty[] _keys;
    private readonly IProperty[] _tokens;

    private RowShape(StoreObjectIdentifier table, IProperty[] properties, IProperty[] keys)
    {
        (_table, _properties, _keys) = (table, properties, keys);
        _tokens = properties.Where(p => p.IsConcurrencyToken).ToArray();
        All = properties.Length == 64 ? ulong.MaxValue : (1UL << properties.Length) - 1;
    }

    /// <summary>Every column, as an INSERT writes them.</summary>
    public ulong All { get; }

    public static RowShape? For(IEntityType type) => Shapes.GetOrAdd(type, Create);

    private static RowShape? Create(IEntityType type)
    {
        var properties = type.GetProperties().ToArray();
        var plain = type.GetTableName() is not null && type.BaseType is null && !type.GetDerivedTypes().Any() && !type.IsOwned()
            && !type.GetComplexProperties().Any() && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            && properties.Length <= 64 && properties.All(p => p.ValueGenerated == ValueGenerated.Never)
            && type.FindPrimaryKey() is not null;
        return plain
            ? new RowShape(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()), properties, type.FindPrimaryKey()!.Properties.ToArray())
            : null;
    }

    /// <summary>The columns SaveChanges would set in an UPDATE: those the change tracker marks modified.</summary>
    public ulong Modified(EntityEntry entry)
    {
        var columns = 0UL;
        for (var i = 0; i < _properties.Length; i++)
        {
            if (entry.Property(_properties[i]).IsModified)
            {
                columns |= 1UL << i;
            }
        }

        return columns;
    }

    /// <summary>Current values of the columns; for an UPDATE also the key and the tokens' original values.</summary>
    public Dictionary<string, object?> Values(EntityEntry entry, ulong columns, bool withKey)
    {
        var values = new Dictionary<string, object?>(_properties.Length + _keys.Length + _tokens.Length);
        for (var i = 0; i < _properties.Length; i++)
        {
            if ((columns & (1UL << i)) != 0)
            {
                values["p" + i] = entry.Property(_properties[i]).CurrentValue;
            }
        }

        if (withKey)
        {
            for (var i = 0; i < _keys.Length; i++)
            {
                values["k" + i] = entry.Property(_keys[i]).CurrentValue;
            }

            for (var i = 0; i < _tokens.Length; i++)
            {
                values["t" + i] = entry.Property(_tokens[i]).OriginalValue;
            }
        }

        return values;
    }

    /// <summary>INSERT of the columns, or UPDATE of the columns checked against the key and every concurrency token.</summary>
    public IRelationalCommand Build(IRelationalCommandBuilder builder, ISqlGenerationHelper sql, bool insert, ulong columns)
    {
        var text = new StringBuilder(insert ? "INSERT INTO " : "UPDATE ").Append(sql.DelimitIdentifier(_table.Name, _table.Schema));
        var names = new List<string>();
        var parameters = new List<string>();
        for (var i = 0; i < _properties.Length; i++)
        {
            if ((columns & (1UL << i)) != 0)
            {
                names.Add(sql.DelimitIdentifier(Column(_properties[i])));
                parameters.Add(Parameter(builder, sql, "p" + i, _properties[i]));
            }
        }

        if (insert)
        {
            text.Append(" (").AppendJoin(", ", names).Append(") VALUES (").AppendJoin(", ", parameters).Append(')');
        }
        else
        {
            text.Append(" SET ").AppendJoin(", ", names.Zip(parameters, (n, p) => $"{n} = {p}"));
            var conditions = _keys.Select((k, i) => $"{sql.DelimitIdentifier(Column(k))} = {Parameter(builder, sql, "k" + i, k)}")
                .Concat(_tokens.Select((t, i) => $"{sql.DelimitIdentifier(Column(t))} = {Parameter(builder, sql, "t" + i, t)}"));
            text.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        return builder.Append(text.Append(';').ToString()).Build();
    }

    private string Column(IProperty property) => property.GetColumnName(_table)!;

    private static string Parameter(IRelationalCommandBuilder builder, ISqlGenerationHelper sql, string name, IProperty property)
    {
        builder.AddParameter(name, sql.GenerateParameterName(name), property.GetRelationalTypeMapping(), property.IsNullable);
        return sql.GenerateParameterNamePlaceholder(name);
    }
}
