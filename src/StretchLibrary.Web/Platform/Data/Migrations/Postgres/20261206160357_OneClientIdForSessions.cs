using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace StretchLibrary.Web.Platform.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneClientIdForSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ClientId",
                table: "Completions",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);

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
            migrationBuilder.AlterColumn<Guid>(
                name: "ClientId",
                table: "Completions",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "ApiIdempotencyKeys",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CompletionId = table.Column<long>(type: "bigint", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    OwnerId = table.Column<string>(type: "text", nullable: false),
                    RoutineId = table.Column<int>(type: "integer", nullable: false)
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
