using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StretchLibrary.Web.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionsIndexCoversExport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Completions_OwnerId_RoutineId_LocalDate",
                table: "Completions");

            migrationBuilder.CreateIndex(
                name: "IX_Completions_OwnerSessions",
                table: "Completions",
                columns: new[] { "OwnerId", "RoutineId", "LocalDate", "Id", "CompletedAtUtc", "StretchSlugs", "PainBefore", "PainAfter", "Note" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Completions_OwnerSessions",
                table: "Completions");

            migrationBuilder.CreateIndex(
                name: "IX_Completions_OwnerId_RoutineId_LocalDate",
                table: "Completions",
                columns: new[] { "OwnerId", "RoutineId", "LocalDate" });
        }
    }
}
