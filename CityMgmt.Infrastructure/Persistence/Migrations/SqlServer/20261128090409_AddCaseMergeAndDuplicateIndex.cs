using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityMgmt.Infrastructure.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddCaseMergeAndDuplicateIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Cases_CategoryId",
                table: "Cases");

            migrationBuilder.AddColumn<Guid>(
                name: "MergedIntoId",
                table: "Cases",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CategoryId_ReportedAt",
                table: "Cases",
                columns: new[] { "CategoryId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Cases_MergedIntoId",
                table: "Cases",
                column: "MergedIntoId");

            migrationBuilder.AddForeignKey(
                name: "FK_Cases_Cases_MergedIntoId",
                table: "Cases",
                column: "MergedIntoId",
                principalTable: "Cases",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Cases_Cases_MergedIntoId",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_CategoryId_ReportedAt",
                table: "Cases");

            migrationBuilder.DropIndex(
                name: "IX_Cases_MergedIntoId",
                table: "Cases");

            migrationBuilder.DropColumn(
                name: "MergedIntoId",
                table: "Cases");

            migrationBuilder.CreateIndex(
                name: "IX_Cases_CategoryId",
                table: "Cases",
                column: "CategoryId");
        }
    }
}
