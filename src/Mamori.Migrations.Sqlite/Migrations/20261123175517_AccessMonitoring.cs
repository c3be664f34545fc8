using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Mamori.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AccessMonitoring : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AccessAllowlist",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessAllowlist", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessAllowlist_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessAnalyses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    Alerts = table.Column<int>(type: "INTEGER", nullable: false),
                    NewAlerts = table.Column<int>(type: "INTEGER", nullable: false),
                    Seconds = table.Column<double>(type: "REAL", nullable: false),
                    RanAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RanBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessAnalyses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessAnalyses_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessJobs",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    FileNames = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Paths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    DeleteAfter = table.Column<bool>(type: "INTEGER", nullable: false),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Progress = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Result = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RequestedBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessJobs_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessMonitoringSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExemptBusinessCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ProtectedDepartments = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Parameters = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessMonitoringSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessMonitoringSettings_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessSearches",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    From = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    To = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessSearches", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessSearches_Municipalities_MunicipalityId",
                        column: x => x.MunicipalityId,
                        principalTable: "Municipalities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AccessAlerts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    UserDept = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Severity = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Count = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DetectedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Supervisor = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FindingId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessAlerts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessAlerts_AccessAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "AccessAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AccessAlerts_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AccessDays",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Rows = table.Column<long>(type: "INTEGER", nullable: false),
                    ResidentRows = table.Column<long>(type: "INTEGER", nullable: false),
                    Explained = table.Column<long>(type: "INTEGER", nullable: false),
                    AnalysisId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessDays", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AccessDays_AccessAnalyses_AnalysisId",
                        column: x => x.AnalysisId,
                        principalTable: "AccessAnalyses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AlertComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MunicipalityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AlertId = table.Column<Guid>(type: "TEXT", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlertComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AlertComments_AccessAlerts_AlertId",
                        column: x => x.AlertId,
                        principalTable: "AccessAlerts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AccessAlerts_AnalysisId",
                table: "AccessAlerts",
                column: "AnalysisId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessAlerts_FindingId",
                table: "AccessAlerts",
                column: "FindingId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessAlerts_MunicipalityId_Rule_UserId_Day",
                table: "AccessAlerts",
                columns: new[] { "MunicipalityId", "Rule", "UserId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessAlerts_MunicipalityId_Status_Day",
                table: "AccessAlerts",
                columns: new[] { "MunicipalityId", "Status", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessAllowlist_MunicipalityId",
                table: "AccessAllowlist",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessAnalyses_MunicipalityId",
                table: "AccessAnalyses",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessDays_AnalysisId",
                table: "AccessDays",
                column: "AnalysisId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessDays_MunicipalityId_Day",
                table: "AccessDays",
                columns: new[] { "MunicipalityId", "Day" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessJobs_MunicipalityId",
                table: "AccessJobs",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AccessJobs_State_RequestedAt",
                table: "AccessJobs",
                columns: new[] { "State", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessMonitoringSettings_MunicipalityId",
                table: "AccessMonitoringSettings",
                column: "MunicipalityId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessSearches_MunicipalityId",
                table: "AccessSearches",
                column: "MunicipalityId");

            migrationBuilder.CreateIndex(
                name: "IX_AlertComments_AlertId",
                table: "AlertComments",
                column: "AlertId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessAllowlist");

            migrationBuilder.DropTable(
                name: "AccessDays");

            migrationBuilder.DropTable(
                name: "AccessJobs");

            migrationBuilder.DropTable(
                name: "AccessMonitoringSettings");

            migrationBuilder.DropTable(
                name: "AccessSearches");

            migrationBuilder.DropTable(
                name: "AlertComments");

            migrationBuilder.DropTable(
                name: "AccessAlerts");

            migrationBuilder.DropTable(
                name: "AccessAnalyses");
        }
    }
}
