using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StretchLibrary.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompletionClientId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ClientId",
                table: "Completions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Completions_OwnerId_ClientId",
                table: "Completions",
                columns: new[] { "OwnerId", "ClientId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Completions_OwnerId_ClientId",
                table: "Completions");

            migrationBuilder.DropColumn(
                name: "ClientId",
                table: "Completions");
        }
    }
}
