using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Register : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PersonalInfoFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    ReturnComment = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordItems = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RecordScope = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CollectionMethods = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    HasSensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    SensitiveKinds = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    OrdinanceSensitive = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RegularRecipients = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RequestOffice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SpecialProvisions = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    SubjectCount = table.Column<long>(type: "INTEGER", nullable: true),
                    IsSpecificPersonalInfo = table.Column<bool>(type: "INTEGER", nullable: false),
                    Form = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Remarks = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    HasUnpublishedChanges = table.Column<bool>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RemovalReason = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalInfoFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalInfoFiles_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonalInfoFiles_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PersonalInfoFileVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    RevisedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Snapshot = table.Column<string>(type: "TEXT", maxLength: 64000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PersonalInfoFileVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PersonalInfoFileVersions_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PersonalInfoFileVersions_PersonalInfoFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "PersonalInfoFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalInfoFiles_DepartmentId",
                table: "PersonalInfoFiles",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PersonalInfoFiles_MunicipalityId_FileNumber",
                table: "PersonalInfoFiles",
                columns: new[] { "MunicipalityId", "FileNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalInfoFiles_MunicipalityId_Status",
                table: "PersonalInfoFiles",
                columns: new[] { "MunicipalityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_PersonalInfoFileVersions_FileId_Number",
                table: "PersonalInfoFileVersions",
                columns: new[] { "FileId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PersonalInfoFileVersions_MunicipalityId",
                table: "PersonalInfoFileVersions",
                column: "MunicipalityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PersonalInfoFileVersions");

            migrationBuilder.DropTable(
                name: "PersonalInfoFiles");
        }
    }
}
