using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityMgmt.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class WidenHistoryScanIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseHistory_Scan",
                table: "CaseHistory");

            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_Scan",
                table: "CaseHistory",
                columns: new[] { "CaseId", "Sequence", "At", "Action", "ActorRole", "ActorId", "ActorName", "ToStatus" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseHistory_Scan",
                table: "CaseHistory");

            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_Scan",
                table: "CaseHistory",
                columns: new[] { "CaseId", "Sequence", "At", "Action", "ActorRole", "ActorId", "ActorName" });
        }
    }
}
