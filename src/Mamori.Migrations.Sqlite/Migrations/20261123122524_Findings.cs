using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Findings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "IncidentPeopleThreshold",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 100);

            migrationBuilder.AddColumn<int>(
                name: "IncidentPreliminaryDays",
                table: "Municipalities",
                type: "INTEGER",
                nullable: false,
                defaultValue: 3);

            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    IsSuspected = table.Column<bool>(type: "INTEGER", nullable: false),
                    OccurredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LearnedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    DataItems = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AffectedCount = table.Column<int>(type: "INTEGER", nullable: true),
                    HasSensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasOrdinanceSensitive = table.Column<bool>(type: "INTEGER", nullable: false),
                    PropertyDamageRisk = table.Column<bool>(type: "INTEGER", nullable: false),
                    Unauthorized = table.Column<bool>(type: "INTEGER", nullable: false),
                    HasSpecific = table.Column<bool>(type: "INTEGER", nullable: false),
                    InNumberSystem = table.Column<bool>(type: "INTEGER", nullable: false),
                    PublicExposure = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReportVoluntarily = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsSerious = table.Column<bool>(type: "INTEGER", nullable: false),
                    PreliminaryDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreliminaryReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FinalReportedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    NotificationNote = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    RootCause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Measures = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Incidents_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Incidents_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Inspections",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Inspector = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    TerminalAuditId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Inspections_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Inspections_TerminalAudits_TerminalAuditId",
                        column: x => x.TerminalAuditId,
                        principalTable: "TerminalAudits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Law = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Heading = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Provision = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Countermeasure = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CheckedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CheckNote = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    IncidentId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Findings_Incidents_IncidentId",
                        column: x => x.IncidentId,
                        principalTable: "Incidents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Findings_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InspectionDepartments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InspectionDepartments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InspectionDepartments_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InspectionDepartments_Inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "Inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    FileId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingEvidence_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FindingEvidence_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecurringTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Frequency = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FirstDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecurringTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecurringTasks_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RecurringTasks_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_RecurringTasks_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TaskCompletions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DepartmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TaskId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoneOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TaskCompletions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TaskCompletions_RecurringTasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "RecurringTasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_FileId",
                table: "FindingEvidence",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_FindingId",
                table: "FindingEvidence",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_DepartmentId",
                table: "Findings",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_IncidentId",
                table: "Findings",
                column: "IncidentId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_InspectionId_Law_Number",
                table: "Findings",
                columns: new[] { "InspectionId", "Law", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_MunicipalityId_Status_DueOn",
                table: "Findings",
                columns: new[] { "MunicipalityId", "Status", "DueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DepartmentId",
                table: "Incidents",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_MunicipalityId_Number",
                table: "Incidents",
                columns: new[] { "MunicipalityId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDepartments_DepartmentId",
                table: "InspectionDepartments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_InspectionDepartments_InspectionId_DepartmentId",
                table: "InspectionDepartments",
                columns: new[] { "InspectionId", "DepartmentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_MunicipalityId",
                table: "Inspections",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_Inspections_TerminalAuditId",
                table: "Inspections",
                column: "TerminalAuditId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RecurringTasks_DepartmentId",
                table: "RecurringTasks",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_RecurringTasks_FindingId",
                table: "RecurringTasks",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_RecurringTasks_MunicipalityId",
                table: "RecurringTasks",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_TaskCompletions_TaskId_DueOn",
                table: "TaskCompletions",
                columns: new[] { "TaskId", "DueOn" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingEvidence");

            migrationBuilder.DropTable(
                name: "InspectionDepartments");

            migrationBuilder.DropTable(
                name: "TaskCompletions");

            migrationBuilder.DropTable(
                name: "RecurringTasks");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "Inspections");

            migrationBuilder.DropColumn(
                name: "IncidentPeopleThreshold",
                table: "Municipalities");

            migrationBuilder.DropColumn(
                name: "IncidentPreliminaryDays",
                table: "Municipalities");
        }
    }
}
