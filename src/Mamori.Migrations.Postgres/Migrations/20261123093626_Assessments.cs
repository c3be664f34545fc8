using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Assessments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AssessedBusinesses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Summary = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SubjectCount = table.Column<long>(type: "bigint", nullable: false),
                    StaffHandlers = table.Column<int>(type: "integer", nullable: false),
                    ContractorHandlers = table.Column<int>(type: "integer", nullable: false),
                    SeriousIncidentOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SeriousIncidentNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ChosenLevel = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessedBusinesses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessedBusinesses_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessedBusinesses_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessedBusinessFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessedBusinessFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessedBusinessFiles_AssessedBusinesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "AssessedBusinesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AssessedBusinessFiles_PersonalInfoFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "PersonalInfoFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Assessments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Level = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DraftDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DraftDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    MeetingDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    MeetingDoneOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentStartOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentEndOn = table.Column<DateOnly>(type: "date", nullable: true),
                    CommentOpinions = table.Column<int>(type: "integer", nullable: true),
                    CommentResponses = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ReviewDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsultationItemId = table.Column<Guid>(type: "uuid", nullable: true),
                    SubmissionDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublicationDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    PublishedUrl = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    ReviewNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Assessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Assessments_AgendaItems_ConsultationItemId",
                        column: x => x.ConsultationItemId,
                        principalTable: "AgendaItems",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_AssessedBusinesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "AssessedBusinesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Assessments_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentChanges",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Summary = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Sections = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RecordedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentChanges_AssessedBusinesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "AssessedBusinesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentChanges_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AssessmentDocuments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    BusinessId = table.Column<Guid>(type: "uuid", nullable: false),
                    AssessmentId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Sections = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    IsPublished = table.Column<bool>(type: "boolean", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssessmentDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AssessmentDocuments_AssessedBusinesses_BusinessId",
                        column: x => x.BusinessId,
                        principalTable: "AssessedBusinesses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentDocuments_Assessments_AssessmentId",
                        column: x => x.AssessmentId,
                        principalTable: "Assessments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AssessmentDocuments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssessedBusinesses_DepartmentId",
                table: "AssessedBusinesses",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessedBusinesses_MunicipalityId_Name",
                table: "AssessedBusinesses",
                columns: new[] { "MunicipalityId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessedBusinessFiles_BusinessId_FileId",
                table: "AssessedBusinessFiles",
                columns: new[] { "BusinessId", "FileId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessedBusinessFiles_FileId",
                table: "AssessedBusinessFiles",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentChanges_AssessmentId",
                table: "AssessmentChanges",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentChanges_BusinessId",
                table: "AssessmentChanges",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentDocuments_AssessmentId",
                table: "AssessmentDocuments",
                column: "AssessmentId");

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentDocuments_BusinessId_Number",
                table: "AssessmentDocuments",
                columns: new[] { "BusinessId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AssessmentDocuments_FileId",
                table: "AssessmentDocuments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_BusinessId",
                table: "Assessments",
                column: "BusinessId");

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_ConsultationItemId",
                table: "Assessments",
                column: "ConsultationItemId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Assessments_DepartmentId",
                table: "Assessments",
                column: "DepartmentId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssessedBusinessFiles");

            migrationBuilder.DropTable(
                name: "AssessmentChanges");

            migrationBuilder.DropTable(
                name: "AssessmentDocuments");

            migrationBuilder.DropTable(
                name: "Assessments");

            migrationBuilder.DropTable(
                name: "AssessedBusinesses");
        }
    }
}
