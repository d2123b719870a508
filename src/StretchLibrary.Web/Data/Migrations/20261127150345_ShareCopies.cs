using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace StretchLibrary.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class ShareCopies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CopiedFromShareLinkId",
                table: "Routines",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Routines_OwnerId_CopiedFromShareLinkId",
                table: "Routines",
                columns: new[] { "OwnerId", "CopiedFromShareLinkId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Routines_OwnerId_CopiedFromShareLinkId",
                table: "Routines");

            migrationBuilder.DropColumn(
                name: "CopiedFromShareLinkId",
                table: "Routines");
        }
    }
}
