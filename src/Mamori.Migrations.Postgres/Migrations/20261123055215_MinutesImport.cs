using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Migrations.Postgres.Migrations
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
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Unknown");

            migrationBuilder.AddColumn<string>(
                name: "Role",
                table: "MinutesTurns",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AbsenteesText",
                table: "Meetings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttendeesText",
                table: "Meetings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ExplainersText",
                table: "Meetings",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ImportedFrom",
                table: "Meetings",
                type: "character varying(260)",
                maxLength: 260,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SecretariatText",
                table: "Meetings",
                type: "character varying(2000)",
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
