using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityMgmt.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddHistoryScanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_At_CaseId",
                table: "CaseHistory",
                columns: new[] { "At", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_CaseHistory_Scan",
                table: "CaseHistory",
                columns: new[] { "CaseId", "Sequence", "At", "Action", "ActorRole", "ActorId", "ActorName" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CaseHistory_At_CaseId",
                table: "CaseHistory");

            migrationBuilder.DropIndex(
                name: "IX_CaseHistory_Scan",
                table: "CaseHistory");
        }
    }
}
