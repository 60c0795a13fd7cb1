using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityMgmt.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddEvaluationDeductionsAndFormulaDrafts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EvaluationDeductions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TargetId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    TargetType = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Points = table.Column<decimal>(type: "decimal(7,2)", precision: 7, scale: 2, nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecordedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    CaseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CaseNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationDeductions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationFormulaDrafts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Name = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    BasedOnVersion = table.Column<int>(type: "int", nullable: false),
                    SavedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    SavedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationFormulaDrafts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationDeductionRevocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DeductionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    RevokedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RevokedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ModifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ModifiedBy = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationDeductionRevocations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationDeductionRevocations_EvaluationDeductions_DeductionId",
                        column: x => x.DeductionId,
                        principalTable: "EvaluationDeductions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationDeductionRevocations_DeductionId",
                table: "EvaluationDeductionRevocations",
                column: "DeductionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationDeductions_Date_TargetId",
                table: "EvaluationDeductions",
                columns: new[] { "Date", "TargetId" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationFormulaDrafts_Name",
                table: "EvaluationFormulaDrafts",
                column: "Name",
                unique: true);

            foreach (var sql in AppendOnlyTables.SqlServerGuards(AppendOnlyTables.Deductions))
            {
                migrationBuilder.Sql(sql);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var sql in AppendOnlyTables.SqlServerDrops(AppendOnlyTables.Deductions))
            {
                migrationBuilder.Sql(sql);
            }

            migrationBuilder.DropTable(
                name: "EvaluationDeductionRevocations");

            migrationBuilder.DropTable(
                name: "EvaluationFormulaDrafts");

            migrationBuilder.DropTable(
                name: "EvaluationDeductions");
        }
    }
}
