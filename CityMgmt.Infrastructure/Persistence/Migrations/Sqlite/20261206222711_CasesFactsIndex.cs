using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityMgmt.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CasesFactsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Cases_Facts",
                table: "Cases",
                columns: new[] { "Id", "Source", "DepartmentId", "StreetId", "CommunityId", "GridId", "DisposalDeadline" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_Facts",
                table: "Cases");
        }
    }
}
