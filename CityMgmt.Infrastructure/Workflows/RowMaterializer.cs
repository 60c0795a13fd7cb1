using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace CityMgmt.Infrastructure.Workflows;

/// <summary>
/// Builds entities from a SQLite row the way EF's own materializer would for a plain shape (<see cref="RowShape"/>):
/// the parameterless constructor, then every mapped property from its column through the property's converter. The
/// store values read are kept as the row's snapshot; comparing them with the entity's store values later tells which
/// columns a step changed, without EF's change tracker (ADR 0017).
/// </summary>
internal sealed class RowMaterializer
{
    private readonly Type[] _storeTypes;
    private readonly ValueConverter?[] _converters;
    private readonly IClrPropertyGetter[] _getters;
    private readonly Action<object, object?>[] _setters;
    private readonly Func<object>? _create;
    private readonly Type _type;

    public RowMaterializer(IProperty[] properties, Type[] storeTypes)
    {
        _storeTypes = storeTypes;
        _converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        _getters = properties.Select(p => p.GetGetter()).ToArray();
        _setters = properties.Select(Setter).ToArray();
        _type = properties[0].DeclaringType.ClrType;
        var constructor = _type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, Type.EmptyTypes);
        _create = constructor is null ? null : Expression.Lambda<Func<object>>(Expression.New(constructor)).Compile();
    }

    /// <summary>A new entity from the row's columns <paramref name="first"/>…, and the store values read (its snapshot).</summary>
    public object Read(sqlite3_stmt statement, int first, out object?[] snapshot)
    {
        var entity = _create?.Invoke() ?? throw new NotSupportedException($"{_type.Name} has no parameterless constructor to read rows into.");
        snapshot = new object?[_setters.Length];
        for (var i = 0; i < _setters.Length; i++)
        {
            var store = RowStatement.Column(statement, first + i, _storeTypes[i]);
            snapshot[i] = store;
            _setters[i](entity, store is null || _converters[i] is not { } converter ? store : converter.ConvertFromProvider(store));
        }

        return entity;
    }

    /// <summary>The entity's values as its columns store them, in property order.</summary>
    public object?[] StoreValues(object entity)
    {
        var values = new object?[_getters.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var value = _getters[i].GetClrValue(entity);
            values[i] = value is null || _converters[i] is not { } converter ? value : converter.ConvertToProvider(value);
        }

        return values;
    }

    /// <summary>The columns (bit i for property i) whose store values differ between <paramref name="read"/> and <paramref name="current"/>.</summary>
    public static ulong Changed(object?[] read, object?[] current)
    {
        var columns = 0UL;
        for (var i = 0; i < read.Length; i++)
        {
            var same = read[i] is byte[] a && current[i] is byte[] b ? a.AsSpan().SequenceEqual(b) : Equals(read[i], current[i]);
            if (!same)
            {
                columns |= 1UL << i;
            }
        }

        return columns;
    }

    private static Action<object, object?> Setter(IProperty property)
    {
        var entity = Expression.Parameter(typeof(object));
        var value = Expression.Parameter(typeof(object));
        var target = Expression.Convert(entity, property.DeclaringType.ClrType);
        Expression member = property.PropertyInfo is { } info && info.GetSetMethod(nonPublic: true) is not null
            ? Expression.Property(target, info)
            : Expression.Field(target, property.FieldInfo ?? throw new NotSupportedException($"{property.Name} has neither a setter nor a backing field."));
        return Expression.Lambda<Action<object, object?>>(Expression.Assign(member, Expression.Convert(value, member.Type)), entity, value).Compile();
    }
}
