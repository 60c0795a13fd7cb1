using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityMgmt.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AddCaseSearchIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // FTS5 over the bigrams of each case's address and description (ADR 0013). The model maps the table as an
            // entity so SaveChanges inserts a row with each new case; the migrator indexes cases that predate it.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE \"CaseSearch\" USING fts5(\"CaseId\" UNINDEXED, \"Tokens\", tokenize = 'unicode61');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE \"CaseSearch\";");
        }
    }
}
