using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StretchLibrary.Web.Platform.Data.Migrations
{
    /// <inheritdoc />
    public partial class OneClientIdForSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // One idempotency scheme: an API Idempotency-Key becomes its session's client id (unless the owner already
            // has that id), and browser ids are kept in the lowercase the browser sends.
            migrationBuilder.Sql("""
                UPDATE "Completions" SET "ClientId" = lower("ClientId") WHERE "ClientId" IS NOT NULL;
                UPDATE "Completions" SET "ClientId" = (SELECT k."Key" FROM "ApiIdempotencyKeys" AS k WHERE k."CompletionId" = "Completions"."Id")
                WHERE "ClientId" IS NULL AND EXISTS (
                    SELECT 1 FROM "ApiIdempotencyKeys" AS k WHERE k."CompletionId" = "Completions"."Id"
                    AND NOT EXISTS (SELECT 1 FROM "Completions" AS c WHERE c."OwnerId" = "Completions"."OwnerId" AND c."ClientId" = k."Key"));
                """);

            migrationBuilder.DropTable(
                name: "ApiIdempotencyKeys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiIdempotencyKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CompletionId = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OwnerId = table.Column<string>(type: "TEXT", nullable: false),
                    RoutineId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiIdempotencyKeys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ApiIdempotencyKeys_AspNetUsers_OwnerId",
                        column: x => x.OwnerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApiIdempotencyKeys_Completions_CompletionId",
                        column: x => x.CompletionId,
                        principalTable: "Completions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ApiIdempotencyKeys_CompletionId",
                table: "ApiIdempotencyKeys",
                column: "CompletionId");

            migrationBuilder.CreateIndex(
                name: "IX_ApiIdempotencyKeys_OwnerId_Key",
                table: "ApiIdempotencyKeys",
                columns: new[] { "OwnerId", "Key" },
                unique: true);
        }
    }
}
