using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace WasmBench.Silo.Storage.Migrations
{
    /// <inheritdoc />
    public partial class EngineIdentityAndProcessEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "EngineBuild",
                table: "Tasks",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Notes",
                table: "Runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ProcessEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Process = table.Column<int>(type: "INTEGER", nullable: false),
                    Nanoseconds = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProcessEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProcessEvents_Tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "Tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ProcessEvents_TaskId",
                table: "ProcessEvents",
                column: "TaskId");

            // The machine reference was stored as samples of a phase "Reference" (iteration 0 before
            // the first iteration, 1 after the last): it is an event of the process now.
            migrationBuilder.Sql("""
                INSERT INTO "ProcessEvents" ("TaskId", "Kind", "Process", "Nanoseconds")
                SELECT "TaskId", CASE "Iteration" WHEN 0 THEN 'MachineReferenceBefore' ELSE 'MachineReferenceAfter' END, "Process", "Nanoseconds"
                FROM "Samples" WHERE "Phase" = 'Reference' ORDER BY "Id";
                DELETE FROM "Samples" WHERE "Phase" = 'Reference';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                INSERT INTO "Samples" ("TaskId", "Phase", "Process", "Iteration", "Nanoseconds", "Warmup")
                SELECT "TaskId", 'Reference', "Process", CASE "Kind" WHEN 'MachineReferenceBefore' THEN 0 ELSE 1 END, "Nanoseconds", 0
                FROM "ProcessEvents" ORDER BY "Id";
                """);

            migrationBuilder.DropTable(
                name: "ProcessEvents");

            migrationBuilder.DropColumn(
                name: "EngineBuild",
                table: "Tasks");

            migrationBuilder.DropColumn(
                name: "Notes",
                table: "Runs");
        }
    }
}
