using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// One entity type's table as the EF model maps it (columns, key, concurrency tokens, value converters), and the
/// INSERT and UPDATE statements over a set of its columns. Only plain shapes qualify: one table, no owned or complex
/// parts, no store-generated values, at most 64 columns, every column stored as text, integer, real or blob after
/// its converter; for any other type <see cref="For"/> answers null.
/// </summary>
internal sealed class RowShape
{
    private static readonly ConcurrentDictionary<IEntityType, RowShape?> Shapes = new();

    private readonly StoreObjectIdentifier _table;
    private readonly IProperty[] _properties;
    private readonly IProperty[] _keys;
    private readonly IProperty[] _tokens;
    private readonly ConcurrentDictionary<(bool Insert, ulong Columns), RowStatement> _statements = new();

    private RowShape(StoreObjectIdentifier table, IProperty[] properties, IProperty[] keys)
    {
        (_table, _properties, _keys) = (table, properties, keys);
        _tokens = properties.Where(p => p.IsConcurrencyToken).ToArray();
        All = properties.Length == 64 ? ulong.MaxValue : (1UL << properties.Length) - 1;
        _materializer = new Lazy<RowMaterializer>(() => new RowMaterializer(_properties, _properties.Select(StoreType).ToArray()));
    }

    private readonly Lazy<RowMaterializer> _materializer;

    /// <summary>Every column, as an INSERT writes them.</summary>
    public ulong All { get; }

    public static RowShape? For(IEntityType type) => Shapes.GetOrAdd(type, Create);

    private static RowShape? Create(IEntityType type)
    {
        var properties = type.GetProperties().ToArray();
        var plain = type.GetTableName() is not null && type.BaseType is null && !type.GetDerivedTypes().Any() && !type.IsOwned()
            && !type.GetComplexProperties().Any() && !type.GetNavigations().Any(n => n.TargetEntityType.IsOwned())
            && properties.Length <= 64 && properties.All(p => p.ValueGenerated == ValueGenerated.Never && RowStatement.Bindable.Contains(StoreType(p)))
            && type.FindPrimaryKey() is not null;
        return plain
            ? new RowShape(StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema()), properties, type.FindPrimaryKey()!.Properties.ToArray())
            : null;
    }

    private static Type StoreType(IProperty property)
    {
        var type = property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
        return Nullable.GetUnderlyingType(type) ?? type;
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

    /// <summary>INSERT of the columns, or UPDATE of the columns checked against the key and every concurrency token.</summary>
    public RowStatement Statement(ISqlGenerationHelper sql, bool insert, ulong columns) =>
        _statements.GetOrAdd((insert, columns), key => Build(sql, key.Insert, key.Columns));

    private RowStatement Build(ISqlGenerationHelper sql, bool insert, ulong columns)
    {
        var text = new StringBuilder(insert ? "INSERT INTO " : "UPDATE ").Append(sql.DelimitIdentifier(_table.Name, _table.Schema));
        var names = new List<string>();
        var parameters = new List<RowParameter>();
        string Parameter(string name, IProperty property, bool original)
        {
            parameters.Add(new RowParameter(name, property, original) { Column = Array.IndexOf(_properties, property) });
            return sql.GenerateParameterNamePlaceholder(name);
        }

        var placeholders = new List<string>();
        for (var i = 0; i < _properties.Length; i++)
        {
            if ((columns & (1UL << i)) != 0)
            {
                names.Add(sql.DelimitIdentifier(Column(_properties[i])));
                placeholders.Add(Parameter("p" + i, _properties[i], original: false));
            }
        }

        if (insert)
        {
            text.Append(" (").AppendJoin(", ", names).Append(") VALUES (").AppendJoin(", ", placeholders).Append(')');
        }
        else
        {
            text.Append(" SET ").AppendJoin(", ", names.Zip(placeholders, (n, p) => $"{n} = {p}"));
            var conditions = _keys.Select((k, i) => $"{sql.DelimitIdentifier(Column(k))} = {Parameter("k" + i, k, original: false)}").ToList();
            conditions.AddRange(_tokens.Select((t, i) => $"{sql.DelimitIdentifier(Column(t))} = {Parameter("t" + i, t, original: true)}"));
            text.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        return new RowStatement(text.Append(';').ToString(), [.. parameters]);
    }

    private string Column(IProperty property) => property.GetColumnName(_table)!;

    /// <summary>Number of columns, in the order <see cref="SelectList"/> names them.</summary>
    public int Count => _properties.Length;

    /// <summary>Reads rows of this shape into entities and tells what changed since (ADR 0017).</summary>
    public RowMaterializer Materializer => _materializer.Value;

    /// <summary>The table, delimited.</summary>
    public string TableSql(ISqlGenerationHelper sql) => sql.DelimitIdentifier(_table.Name, _table.Schema);

    /// <summary>A property's column, delimited.</summary>
    public string ColumnSql(ISqlGenerationHelper sql, string property) => sql.DelimitIdentifier(Column(_properties.Single(p => p.Name == property)));

    /// <summary>Every column for a SELECT, prefixed by the table alias, in property order.</summary>
    public string SelectList(ISqlGenerationHelper sql, string alias) =>
        string.Join(", ", _properties.Select(p => alias + "." + sql.DelimitIdentifier(Column(p))));
}

/// <summary>A parameter of a row statement: the property's current value, or for a concurrency token the value read.</summary>
internal sealed record RowParameter(string Name, IProperty Property, bool Original)
{
    private readonly ValueConverter? _converter = Property.GetTypeMapping().Converter;

    /// <summary>The property's position in its <see cref="RowShape"/>, i.e. in a row's store values.</summary>
    public int Column { get; init; }

    /// <summary>The value as the column stores it (after the property's converter), as SaveChanges would send it.</summary>
    public object? StoreValue(EntityEntry entry)
    {
        var value = Original ? entry.Property(Property).OriginalValue : entry.Property(Property).CurrentValue;
        return value is null || _converter is null ? value : _converter.ConvertToProvider(value);
    }
}

/// <summary>One row statement's SQL, its parameters in the order they appear, and how each value is bound.</summary>
internal sealed record RowStatement(string Sql, RowParameter[] Parameters)
{
    /// <summary>The parameters' names, for <see cref="StepRowWriter.Observer"/>.</summary>
    public string[] ParameterNames { get; } = [.. Parameters.Select(p => p.Name)];

    /// <summary>The parameter values from a row's store values (current, and as read for the concurrency tokens).</summary>
    public object?[] Values(object?[] current, object?[]? read)
    {
        var values = new object?[Parameters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = Parameters[i];
            values[i] = parameter.Original
                ? (read ?? throw new InvalidOperationException("An UPDATE needs the values read."))[parameter.Column]
                : current[parameter.Column];
        }

        return values;
    }

    /// <summary>The store types <see cref="Bind"/> handles; a shape with a column of any other type is not plain.</summary>
    public static readonly HashSet<Type> Bindable =
        [typeof(string), typeof(Guid), typeof(bool), typeof(long), typeof(int), typeof(short), typeof(byte), typeof(double), typeof(float), typeof(byte[]), typeof(DateOnly), typeof(decimal)];

    /// <summary>Binds a store value at a 1-based position: Guids as upper-case text and dates as ISO text, as Microsoft.Data.Sqlite binds them for EF.</summary>
    public static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => raw.sqlite3_bind_text(statement, index, text),
        Guid id => raw.sqlite3_bind_text(statement, index, id.ToString().ToUpperInvariant()),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        short number => raw.sqlite3_bind_int64(statement, index, number),
        byte number => raw.sqlite3_bind_int64(statement, index, number),
        double real => raw.sqlite3_bind_double(statement, index, real),
        float real => raw.sqlite3_bind_double(statement, index, real),
        byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
        DateOnly day => raw.sqlite3_bind_text(statement, index, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        decimal number => raw.sqlite3_bind_text(statement, index, number.ToString("0.0###########################", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"No SQLite binding for {value.GetType()}."),
    };

    /// <summary>Reads a 0-based column as the store type, the inverse of <see cref="Bind"/>.</summary>
    public static object? Column(sqlite3_stmt statement, int index, Type type)
    {
        if (raw.sqlite3_column_type(statement, index) == raw.SQLITE_NULL)
        {
            return null;
        }

        if (type == typeof(string))
        {
            return raw.sqlite3_column_text(statement, index).utf8_to_string();
        }

        if (type == typeof(Guid))
        {
            return Guid.Parse(raw.sqlite3_column_text(statement, index).utf8_to_string());
        }

        if (type == typeof(double) || type == typeof(float))
        {
            var real = raw.sqlite3_column_double(statement, index);
            return type == typeof(float) ? (float)real : real;
        }

        if (type == typeof(byte[]))
        {
            return raw.sqlite3_column_blob(statement, index).ToArray();
        }

        if (type == typeof(DateOnly))
        {
            return DateOnly.ParseExact(raw.sqlite3_column_text(statement, index).utf8_to_string(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        if (type == typeof(decimal))
        {
            return decimal.Parse(raw.sqlite3_column_text(statement, index).utf8_to_string(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
        }

        var number = raw.sqlite3_column_int64(statement, index);
        return type == typeof(bool) ? number != 0
            : type == typeof(int) ? (object)(int)number
            : type == typeof(short) ? (object)(short)number
            : type == typeof(byte) ? (object)(byte)number
            : (object)number;
    }
}
