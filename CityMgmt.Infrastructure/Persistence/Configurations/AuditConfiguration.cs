using CityMgmt.Domain.Audit;
using CityMgmt.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityMgmt.Infrastructure.Persistence.Configurations;

internal sealed class LoginAuditConfiguration : IEntityTypeConfiguration<LoginAuditEntry>
{
    public void Configure(EntityTypeBuilder<LoginAuditEntry> builder)
    {
        builder.ConfigureAudit();
        builder.Property(e => e.Kind).AsString();
        builder.Property(e => e.UserName).HasMaxLength(64);
        builder.Property(e => e.UserId).HasMaxLength(64);
        builder.Property(e => e.IpAddress).HasMaxLength(64);
        builder.Property(e => e.UserAgent).HasMaxLength(256);
        builder.Property(e => e.Detail).HasMaxLength(256);
        builder.HasIndex(e => e.At);
        builder.HasIndex(e => new { e.UserName, e.At });
    }
}

internal sealed class AdminAuditConfiguration : IEntityTypeConfiguration<AdminAuditEntry>
{
    public void Configure(EntityTypeBuilder<AdminAuditEntry> builder)
    {
        builder.ConfigureAudit();
        builder.Property(e => e.ActorId).HasMaxLength(64);
        builder.Property(e => e.ActorName).HasMaxLength(64);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Target).HasMaxLength(128);
        builder.Property(e => e.Detail).HasMaxLength(2000);
        builder.HasIndex(e => e.At);
    }
}

internal sealed class AppSettingConfiguration : IEntityTypeConfiguration<Persistence.AppSetting>
{
    public void Configure(EntityTypeBuilder<Persistence.AppSetting> builder)
    {
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(Persistence.AppSetting.KeyMaxLength);
        builder.Property(e => e.Value).HasMaxLength(2000);
    }
}

internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.Property(e => e.DisplayName).HasMaxLength(ApplicationUser.DisplayNameMaxLength);
        builder.HasIndex(e => e.OrgUnitId);
        builder.HasOne<Domain.Organisation.OrgUnit>().WithMany().HasForeignKey(e => e.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
