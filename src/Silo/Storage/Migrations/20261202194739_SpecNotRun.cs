using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WasmBench.Silo.Storage.Migrations
{
    /// <inheritdoc />
    public partial class SpecNotRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "NotRun",
                table: "SpecFiles",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "NotRun",
                table: "SpecFiles");
        }
    }
}
