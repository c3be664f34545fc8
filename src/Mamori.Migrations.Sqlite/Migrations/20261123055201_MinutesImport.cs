using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class MinutesImport : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Group",
                table: "MinutesTurns",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "MinutesTurns",
                type: "TEXT",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AbsenteesText",
                table: "Meetings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttendeesText",
                table: "Meetings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExplainersText",
                table: "Meetings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "Meetings",
                type: "TEXT",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecretariatText",
                table: "Meetings",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Group",
                table: "MinutesTurns");

            migrationBuilder.DropColumn(
                name: "Role",
                table: "MinutesTurns");

            migrationBuilder.DropColumn(
                name: "AbsenteesText",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "AttendeesText",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ExplainersText",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "ImportedFrom",
                table: "Meetings");

            migrationBuilder.DropColumn(
                name: "SecretariatText",
                table: "Meetings");
        }
    }
}
