using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityMgmt.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCaseListAndDoneTaskIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTasks_ClosedBy_ClosedAt",
                table: "WorkflowTasks",
                columns: new[] { "ClosedBy", "ClosedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_DepartmentId_ReportedAt",
                table: "Cases",
                columns: new[] { "DepartmentId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_Source_ReportedAt",
                table: "Cases",
                columns: new[] { "Source", "ReportedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkflowTasks_ClosedBy_ClosedAt",
                table: "WorkflowTasks");

            migrationBuilder.DropIndex(
                name: "IX_Cases_DepartmentId_ReportedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_Source_ReportedAt",
                table: "Cases");
        }
    }
}
