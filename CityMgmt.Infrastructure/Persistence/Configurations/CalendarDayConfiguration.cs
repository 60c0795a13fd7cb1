using CityMgmt.Domain.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ConfigureAudit();
        builder.Property(e => e.Kind).AsString();
        builder.Property(e => e.Name).HasMaxLength(CalendarDay.NameMaxLength);
        builder.HasIndex(e => e.Date).IsUnique();
    }
}
