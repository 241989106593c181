using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WasmBench.Silo.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MeasurementProcesses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Warmup",
                table: "Samples",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Processes",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // runs stored before this migration ran in one process

            migrationBuilder.AddColumn<int>(
                name: "Seed",
                table: "Runs",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Warmup",
                table: "Runs",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Warmup",
                table: "Samples");

            migrationBuilder.DropColumn(
                name: "Processes",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Seed",
                table: "Runs");

            migrationBuilder.DropColumn(
                name: "Warmup",
                table: "Runs");
        }
    }
}
