CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
CREATE TABLE "AdminAudit" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AdminAudit" PRIMARY KEY,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "Target" TEXT NOT NULL,
    "Detail" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL
);

CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "CalendarDays" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CalendarDays" PRIMARY KEY,
    "Date" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL
);

CREATE TABLE "CaseNumberCounters" (
    "Day" TEXT NOT NULL CONSTRAINT "PK_CaseNumberCounters" PRIMARY KEY,
    "Last" INTEGER NOT NULL
);

CREATE TABLE "Divisions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Divisions" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Level" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "IsTownship" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "ShapeWkb" BLOB NULL,
    "MinX" REAL NOT NULL,
    "MinY" REAL NOT NULL,
    "MaxX" REAL NOT NULL,
    "MaxY" REAL NOT NULL,
    CONSTRAINT "FK_Divisions_Divisions_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Divisions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "LoginAudit" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_LoginAudit" PRIMARY KEY,
    "At" INTEGER NOT NULL,
    "Kind" TEXT NOT NULL,
    "UserName" TEXT NOT NULL,
    "UserId" TEXT NULL,
    "IpAddress" TEXT NULL,
    "UserAgent" TEXT NULL,
    "Detail" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL
);

CREATE TABLE "OrgUnits" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OrgUnits" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ShortName" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "AreaDivisionId" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "Settings" (
    "Key" TEXT NOT NULL CONSTRAINT "PK_Settings" PRIMARY KEY,
    "Value" TEXT NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ResponsibilityGrids" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ResponsibilityGrids" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "StreetId" TEXT NOT NULL,
    "SupervisorUserId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_ResponsibilityGrids_Divisions_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Divisions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "DisplayName" TEXT NOT NULL,
    "OrgUnitId" TEXT NULL,
    "IsActive" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastLoginAt" INTEGER NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL,
    CONSTRAINT "FK_AspNetUsers_OrgUnits_OrgUnitId" FOREIGN KEY ("OrgUnitId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Categories" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Categories" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "MajorCode" TEXT NOT NULL,
    "MinorCode" TEXT NULL,
    "Name" TEXT NOT NULL,
    "ParentId" TEXT NULL,
    "IsExtension" INTEGER NOT NULL,
    "IsActive" INTEGER NOT NULL,
    "FilingCondition" TEXT NULL,
    "ClosingCondition" TEXT NULL,
    "LimitValue" TEXT NULL,
    "LimitUnit" TEXT NULL,
    "DefaultDepartmentId" TEXT NULL,
    "Accuracy" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Categories_Categories_ParentId" FOREIGN KEY ("ParentId") REFERENCES "Categories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Categories_OrgUnits_DefaultDepartmentId" FOREIGN KEY ("DefaultDepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Grids" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Grids" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CommunityId" TEXT NOT NULL,
    "StreetId" TEXT NOT NULL,
    "ResponsibilityGridId" TEXT NULL,
    "AreaSquareMetres" REAL NOT NULL,
    "StartDate" TEXT NOT NULL,
    "EndDate" TEXT NULL,
    "ResponsibleBody" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "ShapeWkb" BLOB NULL,
    "MinX" REAL NOT NULL,
    "MinY" REAL NOT NULL,
    "MaxX" REAL NOT NULL,
    "MaxY" REAL NOT NULL,
    CONSTRAINT "FK_Grids_Divisions_CommunityId" FOREIGN KEY ("CommunityId") REFERENCES "Divisions" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Grids_ResponsibilityGrids_ResponsibilityGridId" FOREIGN KEY ("ResponsibilityGridId") REFERENCES "ResponsibilityGrids" ("Id") ON DELETE SET NULL
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "Number" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "CategoryKind" TEXT NOT NULL,
    "Longitude" REAL NOT NULL,
    "Latitude" REAL NOT NULL,
    "Address" TEXT NOT NULL,
    "GridId" TEXT NULL,
    "GridCode" TEXT NULL,
    "CommunityId" TEXT NULL,
    "StreetId" TEXT NULL,
    "ComponentId" TEXT NULL,
    "Description" TEXT NOT NULL,
    "ReporterUserId" TEXT NULL,
    "ReporterName" TEXT NULL,
    "ReporterPhone" TEXT NULL,
    "CallbackRequested" INTEGER NOT NULL,
    "ReportedAt" INTEGER NOT NULL,
    "FiledAt" INTEGER NULL,
    "DispatchedAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "StageDeadline" INTEGER NULL,
    "DisposalDeadline" INTEGER NULL,
    "DepartmentId" TEXT NULL,
    "ClosingKind" TEXT NULL,
    "ReworkCount" INTEGER NOT NULL,
    "HistoryCount" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Cases_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Components" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Components" PRIMARY KEY,
    "Code" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "OwnerDepartmentId" TEXT NOT NULL,
    "OwnershipUnit" TEXT NULL,
    "MaintenanceUnit" TEXT NULL,
    "GridId" TEXT NULL,
    "State" TEXT NOT NULL,
    "InitialDate" TEXT NOT NULL,
    "ChangeDate" TEXT NOT NULL,
    "DataSource" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "ShapeWkb" BLOB NULL,
    "MinX" REAL NOT NULL,
    "MinY" REAL NOT NULL,
    "MaxX" REAL NOT NULL,
    "MaxY" REAL NOT NULL,
    CONSTRAINT "FK_Components_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Components_Grids_GridId" FOREIGN KEY ("GridId") REFERENCES "Grids" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Components_OrgUnits_OwnerDepartmentId" FOREIGN KEY ("OwnerDepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CaseAttachments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseAttachments" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Stage" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "ContentType" TEXT NOT NULL,
    "SizeBytes" INTEGER NOT NULL,
    "UploadedAt" INTEGER NOT NULL,
    "UploadedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    CONSTRAINT "FK_CaseAttachments_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "CaseHistory" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CaseHistory" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "Sequence" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "ActorId" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "ActorRole" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "FromStatus" TEXT NOT NULL,
    "ToStatus" TEXT NOT NULL,
    "Comment" TEXT NULL,
    "DepartmentId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    CONSTRAINT "FK_CaseHistory_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_AdminAudit_At" ON "AdminAudit" ("At");

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_OrgUnitId" ON "AspNetUsers" ("OrgUnitId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

CREATE UNIQUE INDEX "IX_CalendarDays_Date" ON "CalendarDays" ("Date");

CREATE INDEX "IX_CaseAttachments_CaseId" ON "CaseAttachments" ("CaseId");

CREATE INDEX "IX_CaseHistory_Action_At" ON "CaseHistory" ("Action", "At");

CREATE UNIQUE INDEX "IX_CaseHistory_CaseId_Sequence" ON "CaseHistory" ("CaseId", "Sequence");

CREATE INDEX "IX_Cases_CategoryId" ON "Cases" ("CategoryId");

CREATE INDEX "IX_Cases_DepartmentId_Status" ON "Cases" ("DepartmentId", "Status");

CREATE INDEX "IX_Cases_DisposalDeadline" ON "Cases" ("DisposalDeadline");

CREATE UNIQUE INDEX "IX_Cases_Number" ON "Cases" ("Number");

CREATE INDEX "IX_Cases_ReportedAt" ON "Cases" ("ReportedAt");

CREATE INDEX "IX_Cases_Status_ReportedAt" ON "Cases" ("Status", "ReportedAt");

CREATE INDEX "IX_Cases_StreetId_Status" ON "Cases" ("StreetId", "Status");

CREATE INDEX "IX_Categories_DefaultDepartmentId" ON "Categories" ("DefaultDepartmentId");

CREATE UNIQUE INDEX "IX_Categories_Kind_MajorCode_MinorCode" ON "Categories" ("Kind", "MajorCode", "MinorCode");

CREATE INDEX "IX_Categories_ParentId" ON "Categories" ("ParentId");

CREATE INDEX "IX_Components_CategoryId_State" ON "Components" ("CategoryId", "State");

CREATE UNIQUE INDEX "IX_Components_Code" ON "Components" ("Code");

CREATE INDEX "IX_Components_GridId" ON "Components" ("GridId");

CREATE INDEX "IX_Components_MinX_MinY_MaxX_MaxY" ON "Components" ("MinX", "MinY", "MaxX", "MaxY");

CREATE INDEX "IX_Components_OwnerDepartmentId" ON "Components" ("OwnerDepartmentId");

CREATE UNIQUE INDEX "IX_Divisions_Code" ON "Divisions" ("Code");

CREATE INDEX "IX_Divisions_MinX_MinY_MaxX_MaxY" ON "Divisions" ("MinX", "MinY", "MaxX", "MaxY");

CREATE INDEX "IX_Divisions_ParentId" ON "Divisions" ("ParentId");

CREATE UNIQUE INDEX "IX_Grids_Code" ON "Grids" ("Code");

CREATE INDEX "IX_Grids_CommunityId" ON "Grids" ("CommunityId");

CREATE INDEX "IX_Grids_MinX_MinY_MaxX_MaxY" ON "Grids" ("MinX", "MinY", "MaxX", "MaxY");

CREATE INDEX "IX_Grids_ResponsibilityGridId" ON "Grids" ("ResponsibilityGridId");

CREATE INDEX "IX_Grids_StreetId" ON "Grids" ("StreetId");

CREATE INDEX "IX_LoginAudit_At" ON "LoginAudit" ("At");

CREATE INDEX "IX_LoginAudit_UserName_At" ON "LoginAudit" ("UserName", "At");

CREATE UNIQUE INDEX "IX_OrgUnits_Code" ON "OrgUnits" ("Code");

CREATE UNIQUE INDEX "IX_ResponsibilityGrids_Code" ON "ResponsibilityGrids" ("Code");

CREATE INDEX "IX_ResponsibilityGrids_StreetId" ON "ResponsibilityGrids" ("StreetId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128030807_InitialSchema', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TRIGGER "trg_CaseHistory_no_update" BEFORE UPDATE ON "CaseHistory" BEGIN SELECT RAISE(ABORT, 'CaseHistory is append-only'); END;

CREATE TRIGGER "trg_CaseHistory_no_delete" BEFORE DELETE ON "CaseHistory" BEGIN SELECT RAISE(ABORT, 'CaseHistory is append-only'); END;

CREATE TRIGGER "trg_LoginAudit_no_update" BEFORE UPDATE ON "LoginAudit" BEGIN SELECT RAISE(ABORT, 'LoginAudit is append-only'); END;

CREATE TRIGGER "trg_LoginAudit_no_delete" BEFORE DELETE ON "LoginAudit" BEGIN SELECT RAISE(ABORT, 'LoginAudit is append-only'); END;

CREATE TRIGGER "trg_AdminAudit_no_update" BEFORE UPDATE ON "AdminAudit" BEGIN SELECT RAISE(ABORT, 'AdminAudit is append-only'); END;

CREATE TRIGGER "trg_AdminAudit_no_delete" BEFORE DELETE ON "AdminAudit" BEGIN SELECT RAISE(ABORT, 'AdminAudit is append-only'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128032501_AddAppendOnlyGuards', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ComponentChanges" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ComponentChanges" PRIMARY KEY,
    "ComponentId" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "ChangeDate" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Source" TEXT NOT NULL,
    "ActorName" TEXT NOT NULL,
    "OldValue" TEXT NULL,
    "NewValue" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    CONSTRAINT "FK_ComponentChanges_Components_ComponentId" FOREIGN KEY ("ComponentId") REFERENCES "Components" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "Gazetteer" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Gazetteer" PRIMARY KEY,
    "Kind" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "RoadName" TEXT NULL,
    "HouseNumber" INTEGER NULL,
    "Aliases" TEXT NULL,
    "StreetId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    "ShapeWkb" BLOB NULL,
    "MinX" REAL NOT NULL,
    "MinY" REAL NOT NULL,
    "MaxX" REAL NOT NULL,
    "MaxY" REAL NOT NULL,
    CONSTRAINT "FK_Gazetteer_Divisions_StreetId" FOREIGN KEY ("StreetId") REFERENCES "Divisions" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_ComponentChanges_ComponentId_At" ON "ComponentChanges" ("ComponentId", "At");

CREATE INDEX "IX_Gazetteer_Kind_Name" ON "Gazetteer" ("Kind", "Name");

CREATE INDEX "IX_Gazetteer_MinX_MinY_MaxX_MaxY" ON "Gazetteer" ("MinX", "MinY", "MaxX", "MaxY");

CREATE INDEX "IX_Gazetteer_RoadName_HouseNumber" ON "Gazetteer" ("RoadName", "HouseNumber");

CREATE INDEX "IX_Gazetteer_StreetId" ON "Gazetteer" ("StreetId");

CREATE TRIGGER "trg_ComponentChanges_no_update" BEFORE UPDATE ON "ComponentChanges" BEGIN SELECT RAISE(ABORT, 'ComponentChanges is append-only'); END;

CREATE TRIGGER "trg_ComponentChanges_no_delete" BEFORE DELETE ON "ComponentChanges" BEGIN SELECT RAISE(ABORT, 'ComponentChanges is append-only'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128043608_AddGazetteerAndComponentHistory', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "WorkflowDefinitions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowDefinitions" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "VersionNumber" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "BpmnXml" TEXT NOT NULL,
    "PublishedAt" INTEGER NULL,
    "PublishedBy" TEXT NULL,
    "Note" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "CaseId" TEXT NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionKey" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "StateJson" TEXT NOT NULL,
    "StartedAt" INTEGER NOT NULL,
    "EndedAt" INTEGER NULL,
    "IdCounter" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkflowInstances_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_WorkflowInstances_WorkflowDefinitions_DefinitionId" FOREIGN KEY ("DefinitionId") REFERENCES "WorkflowDefinitions" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkflowTasks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowTasks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "TaskKey" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Role" TEXT NULL,
    "Assignment" TEXT NULL,
    "Stage" TEXT NULL,
    "Outcomes" TEXT NULL,
    "OpenedAt" INTEGER NOT NULL,
    "DueAt" INTEGER NULL,
    "DepartmentId" TEXT NULL,
    "StreetId" TEXT NULL,
    "OrgUnitId" TEXT NULL,
    "AssigneeUserId" TEXT NULL,
    "ClaimedBy" TEXT NULL,
    "ClaimedAt" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosedBy" TEXT NULL,
    "ClosedByName" TEXT NULL,
    "Outcome" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_WorkflowTasks_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE RESTRICT
);

CREATE TABLE "WorkflowTimers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowTimers" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "TimerKey" TEXT NOT NULL,
    "NodeId" TEXT NOT NULL,
    "TaskKey" TEXT NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "Interrupting" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "FiredAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    CONSTRAINT "FK_WorkflowTimers_WorkflowInstances_InstanceId" FOREIGN KEY ("InstanceId") REFERENCES "WorkflowInstances" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_WorkflowDefinitions_Key_VersionNumber" ON "WorkflowDefinitions" ("Key", "VersionNumber");

CREATE UNIQUE INDEX "IX_WorkflowInstances_CaseId" ON "WorkflowInstances" ("CaseId");

CREATE INDEX "IX_WorkflowInstances_DefinitionId_Status" ON "WorkflowInstances" ("DefinitionId", "Status");

CREATE INDEX "IX_WorkflowTasks_AssigneeUserId_Status" ON "WorkflowTasks" ("AssigneeUserId", "Status");

CREATE INDEX "IX_WorkflowTasks_CaseId_Status" ON "WorkflowTasks" ("CaseId", "Status");

CREATE INDEX "IX_WorkflowTasks_DepartmentId_Status" ON "WorkflowTasks" ("DepartmentId", "Status");

CREATE UNIQUE INDEX "IX_WorkflowTasks_InstanceId_TaskKey" ON "WorkflowTasks" ("InstanceId", "TaskKey");

CREATE INDEX "IX_WorkflowTasks_Status_Role" ON "WorkflowTasks" ("Status", "Role");

CREATE UNIQUE INDEX "IX_WorkflowTimers_InstanceId_TimerKey" ON "WorkflowTimers" ("InstanceId", "TimerKey");

CREATE INDEX "IX_WorkflowTimers_Status_DueAt" ON "WorkflowTimers" ("Status", "DueAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128050046_AddWorkflows', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "EvaluationFormulaSets" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationFormulaSets" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Json" TEXT NOT NULL,
    "SavedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL
);

CREATE TABLE "EvaluationRuns" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationRuns" PRIMARY KEY,
    "PeriodKind" TEXT NOT NULL,
    "PeriodStart" TEXT NOT NULL,
    "PeriodEnd" TEXT NOT NULL,
    "PeriodLabel" TEXT NOT NULL,
    "FormulaSetName" TEXT NOT NULL,
    "FormulaSetVersion" INTEGER NOT NULL,
    "FormulaSetJson" TEXT NOT NULL,
    "Trigger" TEXT NOT NULL,
    "RequestedBy" TEXT NOT NULL,
    "RanAt" INTEGER NOT NULL,
    "CasesConsidered" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL
);

CREATE TABLE "EvaluationResults" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationResults" PRIMARY KEY,
    "RunId" TEXT NOT NULL,
    "ObjectType" TEXT NOT NULL,
    "Order" INTEGER NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "SubjectName" TEXT NOT NULL,
    "PeerGroup" TEXT NOT NULL,
    "Composite" TEXT NULL,
    "Grade" TEXT NULL,
    "Status" TEXT NOT NULL,
    "Rank" INTEGER NULL,
    "Json" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    CONSTRAINT "FK_EvaluationResults_EvaluationRuns_RunId" FOREIGN KEY ("RunId") REFERENCES "EvaluationRuns" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_EvaluationFormulaSets_Name_Version" ON "EvaluationFormulaSets" ("Name", "Version");

CREATE INDEX "IX_EvaluationResults_ObjectType_SubjectId" ON "EvaluationResults" ("ObjectType", "SubjectId");

CREATE INDEX "IX_EvaluationResults_RunId_ObjectType_Order" ON "EvaluationResults" ("RunId", "ObjectType", "Order");

CREATE UNIQUE INDEX "IX_EvaluationRuns_PeriodKind_PeriodStart_PeriodEnd_FormulaSetName_FormulaSetVersion" ON "EvaluationRuns" ("PeriodKind", "PeriodStart", "PeriodEnd", "FormulaSetName", "FormulaSetVersion");

CREATE TRIGGER "trg_EvaluationRuns_no_update" BEFORE UPDATE ON "EvaluationRuns" BEGIN SELECT RAISE(ABORT, 'EvaluationRuns is append-only'); END;

CREATE TRIGGER "trg_EvaluationRuns_no_delete" BEFORE DELETE ON "EvaluationRuns" BEGIN SELECT RAISE(ABORT, 'EvaluationRuns is append-only'); END;

CREATE TRIGGER "trg_EvaluationResults_no_update" BEFORE UPDATE ON "EvaluationResults" BEGIN SELECT RAISE(ABORT, 'EvaluationResults is append-only'); END;

CREATE TRIGGER "trg_EvaluationResults_no_delete" BEFORE DELETE ON "EvaluationResults" BEGIN SELECT RAISE(ABORT, 'EvaluationResults is append-only'); END;

CREATE TRIGGER "trg_EvaluationFormulaSets_no_update" BEFORE UPDATE ON "EvaluationFormulaSets" BEGIN SELECT RAISE(ABORT, 'EvaluationFormulaSets is append-only'); END;

CREATE TRIGGER "trg_EvaluationFormulaSets_no_delete" BEFORE DELETE ON "EvaluationFormulaSets" BEGIN SELECT RAISE(ABORT, 'EvaluationFormulaSets is append-only'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128064042_AddEvaluationRuns', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_WorkflowTasks_ClosedBy_ClosedAt" ON "WorkflowTasks" ("ClosedBy", "ClosedAt");

CREATE INDEX "IX_Cases_DepartmentId_ReportedAt" ON "Cases" ("DepartmentId", "ReportedAt");

CREATE INDEX "IX_Cases_Source_ReportedAt" ON "Cases" ("Source", "ReportedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128071727_AddCaseListAndDoneTaskIndexes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ReportReceipts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ReportReceipts" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "ClientKey" TEXT NOT NULL,
    "CaseId" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    CONSTRAINT "FK_ReportReceipts_Cases_CaseId" FOREIGN KEY ("CaseId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT
);

CREATE INDEX "IX_ReportReceipts_CaseId" ON "ReportReceipts" ("CaseId");

CREATE UNIQUE INDEX "IX_ReportReceipts_UserId_ClientKey" ON "ReportReceipts" ("UserId", "ClientKey");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128090158_AddReportReceipts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_Cases_CategoryId";

ALTER TABLE "Cases" ADD "MergedIntoId" TEXT NULL;

CREATE INDEX "IX_Cases_CategoryId_ReportedAt" ON "Cases" ("CategoryId", "ReportedAt");

CREATE INDEX "IX_Cases_MergedIntoId" ON "Cases" ("MergedIntoId");

CREATE TABLE "ef_temp_Cases" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Cases" PRIMARY KEY,
    "Address" TEXT NOT NULL,
    "CallbackRequested" INTEGER NOT NULL,
    "CategoryId" TEXT NOT NULL,
    "CategoryKind" TEXT NOT NULL,
    "ClosedAt" INTEGER NULL,
    "ClosingKind" TEXT NULL,
    "CommunityId" TEXT NULL,
    "ComponentId" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "DepartmentId" TEXT NULL,
    "Description" TEXT NOT NULL,
    "DispatchedAt" INTEGER NULL,
    "DisposalDeadline" INTEGER NULL,
    "FiledAt" INTEGER NULL,
    "GridCode" TEXT NULL,
    "GridId" TEXT NULL,
    "HistoryCount" INTEGER NOT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "MergedIntoId" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Number" TEXT NOT NULL,
    "ReportedAt" INTEGER NOT NULL,
    "ReporterName" TEXT NULL,
    "ReporterPhone" TEXT NULL,
    "ReporterUserId" TEXT NULL,
    "ReworkCount" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "StageDeadline" INTEGER NULL,
    "Status" TEXT NOT NULL,
    "StreetId" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_Cases_Cases_MergedIntoId" FOREIGN KEY ("MergedIntoId") REFERENCES "Cases" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_Categories_CategoryId" FOREIGN KEY ("CategoryId") REFERENCES "Categories" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_Cases_OrgUnits_DepartmentId" FOREIGN KEY ("DepartmentId") REFERENCES "OrgUnits" ("Id") ON DELETE RESTRICT
);

INSERT INTO "ef_temp_Cases" ("Id", "Address", "CallbackRequested", "CategoryId", "CategoryKind", "ClosedAt", "ClosingKind", "CommunityId", "ComponentId", "CreatedAt", "CreatedBy", "DepartmentId", "Description", "DispatchedAt", "DisposalDeadline", "FiledAt", "GridCode", "GridId", "HistoryCount", "Latitude", "Longitude", "MergedIntoId", "ModifiedAt", "ModifiedBy", "Number", "ReportedAt", "ReporterName", "ReporterPhone", "ReporterUserId", "ReworkCount", "Source", "StageDeadline", "Status", "StreetId", "Version")
SELECT "Id", "Address", "CallbackRequested", "CategoryId", "CategoryKind", "ClosedAt", "ClosingKind", "CommunityId", "ComponentId", "CreatedAt", "CreatedBy", "DepartmentId", "Description", "DispatchedAt", "DisposalDeadline", "FiledAt", "GridCode", "GridId", "HistoryCount", "Latitude", "Longitude", "MergedIntoId", "ModifiedAt", "ModifiedBy", "Number", "ReportedAt", "ReporterName", "ReporterPhone", "ReporterUserId", "ReworkCount", "Source", "StageDeadline", "Status", "StreetId", "Version"
FROM "Cases";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "Cases";

ALTER TABLE "ef_temp_Cases" RENAME TO "Cases";

COMMIT;

PRAGMA foreign_keys = 1;

BEGIN TRANSACTION;
CREATE INDEX "IX_Cases_CategoryId_ReportedAt" ON "Cases" ("CategoryId", "ReportedAt");

CREATE INDEX "IX_Cases_DepartmentId_ReportedAt" ON "Cases" ("DepartmentId", "ReportedAt");

CREATE INDEX "IX_Cases_DepartmentId_Status" ON "Cases" ("DepartmentId", "Status");

CREATE INDEX "IX_Cases_DisposalDeadline" ON "Cases" ("DisposalDeadline");

CREATE INDEX "IX_Cases_MergedIntoId" ON "Cases" ("MergedIntoId");

CREATE UNIQUE INDEX "IX_Cases_Number" ON "Cases" ("Number");

CREATE INDEX "IX_Cases_ReportedAt" ON "Cases" ("ReportedAt");

CREATE INDEX "IX_Cases_Source_ReportedAt" ON "Cases" ("Source", "ReportedAt");

CREATE INDEX "IX_Cases_Status_ReportedAt" ON "Cases" ("Status", "ReportedAt");

CREATE INDEX "IX_Cases_StreetId_Status" ON "Cases" ("StreetId", "Status");

COMMIT;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128090303_AddCaseMergeAndDuplicateIndex', '10.0.15');

BEGIN TRANSACTION;
CREATE TABLE "EvaluationDeductions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationDeductions" PRIMARY KEY,
    "TargetId" TEXT NOT NULL,
    "TargetType" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "Points" TEXT NOT NULL,
    "Date" TEXT NOT NULL,
    "RecordedBy" TEXT NOT NULL,
    "RecordedById" TEXT NULL,
    "CaseId" TEXT NULL,
    "CaseNumber" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL
);

CREATE TABLE "EvaluationFormulaDrafts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationFormulaDrafts" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "BasedOnVersion" INTEGER NOT NULL,
    "SavedBy" TEXT NOT NULL,
    "SavedAt" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    "Version" INTEGER NOT NULL
);

CREATE TABLE "EvaluationDeductionRevocations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_EvaluationDeductionRevocations" PRIMARY KEY,
    "DeductionId" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "RevokedBy" TEXT NOT NULL,
    "RevokedById" TEXT NULL,
    "RevokedAt" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL,
    CONSTRAINT "FK_EvaluationDeductionRevocations_EvaluationDeductions_DeductionId" FOREIGN KEY ("DeductionId") REFERENCES "EvaluationDeductions" ("Id") ON DELETE RESTRICT
);

CREATE UNIQUE INDEX "IX_EvaluationDeductionRevocations_DeductionId" ON "EvaluationDeductionRevocations" ("DeductionId");

CREATE INDEX "IX_EvaluationDeductions_Date_TargetId" ON "EvaluationDeductions" ("Date", "TargetId");

CREATE UNIQUE INDEX "IX_EvaluationFormulaDrafts_Name" ON "EvaluationFormulaDrafts" ("Name");

CREATE TRIGGER "trg_EvaluationDeductions_no_update" BEFORE UPDATE ON "EvaluationDeductions" BEGIN SELECT RAISE(ABORT, 'EvaluationDeductions is append-only'); END;

CREATE TRIGGER "trg_EvaluationDeductions_no_delete" BEFORE DELETE ON "EvaluationDeductions" BEGIN SELECT RAISE(ABORT, 'EvaluationDeductions is append-only'); END;

CREATE TRIGGER "trg_EvaluationDeductionRevocations_no_update" BEFORE UPDATE ON "EvaluationDeductionRevocations" BEGIN SELECT RAISE(ABORT, 'EvaluationDeductionRevocations is append-only'); END;

CREATE TRIGGER "trg_EvaluationDeductionRevocations_no_delete" BEFORE DELETE ON "EvaluationDeductionRevocations" BEGIN SELECT RAISE(ABORT, 'EvaluationDeductionRevocations is append-only'); END;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128090402_AddEvaluationDeductionsAndFormulaDrafts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ExportJobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ExportJobs" PRIMARY KEY,
    "OwnerId" TEXT NOT NULL,
    "OwnerName" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "FileName" TEXT NOT NULL,
    "Parameter" TEXT NOT NULL,
    "State" TEXT NOT NULL,
    "Percent" INTEGER NOT NULL,
    "Written" INTEGER NOT NULL,
    "Total" INTEGER NULL,
    "ProgressText" TEXT NOT NULL,
    "StoredName" TEXT NULL,
    "FileSize" INTEGER NULL,
    "RequestedAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    "ExpiresAt" INTEGER NULL,
    "Error" TEXT NULL,
    "Attempts" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NULL,
    "ModifiedAt" INTEGER NULL,
    "ModifiedBy" TEXT NULL
);

CREATE INDEX "IX_ExportJobs_OwnerId_RequestedAt" ON "ExportJobs" ("OwnerId", "RequestedAt");

CREATE INDEX "IX_ExportJobs_State_RequestedAt" ON "ExportJobs" ("State", "RequestedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128090430_AddExportJobs', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_CaseHistory_At_CaseId" ON "CaseHistory" ("At", "CaseId");

CREATE INDEX "IX_CaseHistory_Scan" ON "CaseHistory" ("CaseId", "Sequence", "At", "Action", "ActorRole", "ActorId", "ActorName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128092851_AddHistoryScanIndexes', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE VIRTUAL TABLE "CaseSearch" USING fts5("CaseId" UNINDEXED, "Tokens", tokenize = 'unicode61');

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128100337_AddCaseSearchIndex', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
DROP INDEX "IX_CaseHistory_Scan";

CREATE INDEX "IX_CaseHistory_Scan" ON "CaseHistory" ("CaseId", "Sequence", "At", "Action", "ActorRole", "ActorId", "ActorName", "ToStatus");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261128104614_WidenHistoryScanIndex', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Cases_Facts" ON "Cases" ("Id", "Source", "DepartmentId", "StreetId", "CommunityId", "GridId", "DisposalDeadline");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261206222711_CasesFactsIndex', '10.0.15');

COMMIT;

