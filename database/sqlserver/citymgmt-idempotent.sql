IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AdminAudit] (
        [Id] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ActorId] nvarchar(64) NOT NULL,
        [ActorName] nvarchar(64) NOT NULL,
        [Action] nvarchar(64) NOT NULL,
        [Target] nvarchar(128) NOT NULL,
        [Detail] nvarchar(2000) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_AdminAudit] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [CalendarDays] (
        [Id] uniqueidentifier NOT NULL,
        [Date] date NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_CalendarDays] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [CaseNumberCounters] (
        [Day] date NOT NULL,
        [Last] int NOT NULL,
        CONSTRAINT [PK_CaseNumberCounters] PRIMARY KEY ([Day])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [Divisions] (
        [Id] uniqueidentifier NOT NULL,
        [Code] varchar(12) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Level] nvarchar(32) NOT NULL,
        [ParentId] uniqueidentifier NULL,
        [IsTownship] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        [ShapeWkb] varbinary(max) NULL,
        [MinX] float NOT NULL,
        [MinY] float NOT NULL,
        [MaxX] float NOT NULL,
        [MaxY] float NOT NULL,
        CONSTRAINT [PK_Divisions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Divisions_Divisions_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [LoginAudit] (
        [Id] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [UserName] nvarchar(64) NOT NULL,
        [UserId] nvarchar(64) NULL,
        [IpAddress] nvarchar(64) NULL,
        [UserAgent] nvarchar(256) NULL,
        [Detail] nvarchar(256) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_LoginAudit] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [OrgUnits] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [ShortName] nvarchar(50) NULL,
        [Kind] nvarchar(32) NOT NULL,
        [AreaDivisionId] uniqueidentifier NULL,
        [IsActive] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_OrgUnits] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [Settings] (
        [Key] nvarchar(100) NOT NULL,
        [Value] nvarchar(2000) NOT NULL,
        CONSTRAINT [PK_Settings] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [ResponsibilityGrids] (
        [Id] uniqueidentifier NOT NULL,
        [Code] nvarchar(20) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [StreetId] uniqueidentifier NOT NULL,
        [SupervisorUserId] nvarchar(64) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_ResponsibilityGrids] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ResponsibilityGrids_Divisions_StreetId] FOREIGN KEY ([StreetId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(30) NOT NULL,
        [OrgUnitId] uniqueidentifier NULL,
        [IsActive] bit NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [LastLoginAt] datetimeoffset NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_OrgUnits_OrgUnitId] FOREIGN KEY ([OrgUnitId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [Categories] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [MajorCode] varchar(2) NOT NULL,
        [MinorCode] varchar(3) NULL,
        [Name] nvarchar(30) NOT NULL,
        [ParentId] uniqueidentifier NULL,
        [IsExtension] bit NOT NULL,
        [IsActive] bit NOT NULL,
        [FilingCondition] nvarchar(500) NULL,
        [ClosingCondition] nvarchar(500) NULL,
        [LimitValue] decimal(9,2) NULL,
        [LimitUnit] nvarchar(32) NULL,
        [DefaultDepartmentId] uniqueidentifier NULL,
        [Accuracy] nvarchar(32) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Categories] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Categories_Categories_ParentId] FOREIGN KEY ([ParentId]) REFERENCES [Categories] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Categories_OrgUnits_DefaultDepartmentId] FOREIGN KEY ([DefaultDepartmentId]) REFERENCES [OrgUnits] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [Grids] (
        [Id] uniqueidentifier NOT NULL,
        [Code] varchar(15) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [CommunityId] uniqueidentifier NOT NULL,
        [StreetId] uniqueidentifier NOT NULL,
        [ResponsibilityGridId] uniqueidentifier NULL,
        [AreaSquareMetres] float NOT NULL,
        [StartDate] date NOT NULL,
        [EndDate] date NULL,
        [ResponsibleBody] nvarchar(50) NULL,
        [Note] nvarchar(200) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        [ShapeWkb] varbinary(max) NULL,
        [MinX] float NOT NULL,
        [MinY] float NOT NULL,
        [MaxX] float NOT NULL,
        [MaxY] float NOT NULL,
        CONSTRAINT [PK_Grids] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Grids_Divisions_CommunityId] FOREIGN KEY ([CommunityId]) REFERENCES [Divisions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Grids_ResponsibilityGrids_ResponsibilityGridId] FOREIGN KEY ([ResponsibilityGridId]) REFERENCES [ResponsibilityGrids] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [Cases] (
        [Id] uniqueidentifier NOT NULL,
        [Number] varchar(14) NOT NULL,
        [Source] nvarchar(32) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [CategoryId] uniqueidentifier NOT NULL,
        [CategoryKind] nvarchar(32) NOT NULL,
        [Longitude] float NOT NULL,
        [Latitude] float NOT NULL,
        [Address] nvarchar(200) NOT NULL,
        [GridId] uniqueidentifier NULL,
        [GridCode] varchar(15) NULL,
        [CommunityId] uniqueidentifier NULL,
        [StreetId] uniqueidentifier NULL,
        [ComponentId] uniqueidentifier NULL,
        [Description] nvarchar(2000) NOT NULL,
        [ReporterUserId] nvarchar(64) NULL,
        [ReporterName] nvarchar(30) NULL,
        [ReporterPhone] nvarchar(20) NULL,
        [CallbackRequested] bit NOT NULL,
        [ReportedAt] datetimeoffset NOT NULL,
        [FiledAt] datetimeoffset NULL,
        [DispatchedAt] datetimeoffset NULL,
        [ClosedAt] datetimeoffset NULL,
        [StageDeadline] datetimeoffset NULL,
        [DisposalDeadline] datetimeoffset NULL,
        [DepartmentId] uniqueidentifier NULL,
        [ClosingKind] nvarchar(32) NULL,
        [ReworkCount] int NOT NULL,
        [HistoryCount] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_Cases] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Cases_Categories_CategoryId] FOREIGN KEY ([CategoryId]) REFERENCES [Categories] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Cases_OrgUnits_DepartmentId] FOREIGN KEY ([DepartmentId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [Components] (
        [Id] uniqueidentifier NOT NULL,
        [Code] varchar(17) NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [CategoryId] uniqueidentifier NOT NULL,
        [OwnerDepartmentId] uniqueidentifier NOT NULL,
        [OwnershipUnit] nvarchar(60) NULL,
        [MaintenanceUnit] nvarchar(60) NULL,
        [GridId] uniqueidentifier NULL,
        [State] nvarchar(32) NOT NULL,
        [InitialDate] date NOT NULL,
        [ChangeDate] date NOT NULL,
        [DataSource] nvarchar(60) NULL,
        [Note] nvarchar(500) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        [ShapeWkb] varbinary(max) NULL,
        [MinX] float NOT NULL,
        [MinY] float NOT NULL,
        [MaxX] float NOT NULL,
        [MaxY] float NOT NULL,
        CONSTRAINT [PK_Components] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Components_Categories_CategoryId] FOREIGN KEY ([CategoryId]) REFERENCES [Categories] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Components_Grids_GridId] FOREIGN KEY ([GridId]) REFERENCES [Grids] ([Id]) ON DELETE SET NULL,
        CONSTRAINT [FK_Components_OrgUnits_OwnerDepartmentId] FOREIGN KEY ([OwnerDepartmentId]) REFERENCES [OrgUnits] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [CaseAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [Stage] nvarchar(32) NOT NULL,
        [FileName] nvarchar(120) NOT NULL,
        [ContentHash] varchar(64) NOT NULL,
        [ContentType] nvarchar(100) NOT NULL,
        [SizeBytes] bigint NOT NULL,
        [UploadedAt] datetimeoffset NOT NULL,
        [UploadedBy] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_CaseAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CaseAttachments_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE TABLE [CaseHistory] (
        [Id] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [Sequence] int NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ActorId] nvarchar(64) NOT NULL,
        [ActorName] nvarchar(64) NOT NULL,
        [ActorRole] nvarchar(32) NOT NULL,
        [Action] nvarchar(32) NOT NULL,
        [FromStatus] nvarchar(32) NOT NULL,
        [ToStatus] nvarchar(32) NOT NULL,
        [Comment] nvarchar(1000) NULL,
        [DepartmentId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_CaseHistory] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_CaseHistory_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AdminAudit_At] ON [AdminAudit] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_OrgUnitId] ON [AspNetUsers] ([OrgUnitId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CalendarDays_Date] ON [CalendarDays] ([Date]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_CaseAttachments_CaseId] ON [CaseAttachments] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_CaseHistory_Action_At] ON [CaseHistory] ([Action], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_CaseHistory_CaseId_Sequence] ON [CaseHistory] ([CaseId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Cases_CategoryId] ON [Cases] ([CategoryId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Cases_DepartmentId_Status] ON [Cases] ([DepartmentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Cases_DisposalDeadline] ON [Cases] ([DisposalDeadline]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Cases_Number] ON [Cases] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Cases_ReportedAt] ON [Cases] ([ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Cases_Status_ReportedAt] ON [Cases] ([Status], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Cases_StreetId_Status] ON [Cases] ([StreetId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Categories_DefaultDepartmentId] ON [Categories] ([DefaultDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_Categories_Kind_MajorCode_MinorCode] ON [Categories] ([Kind], [MajorCode], [MinorCode]) WHERE [MinorCode] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Categories_ParentId] ON [Categories] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Components_CategoryId_State] ON [Components] ([CategoryId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Components_Code] ON [Components] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Components_GridId] ON [Components] ([GridId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Components_MinX_MinY_MaxX_MaxY] ON [Components] ([MinX], [MinY], [MaxX], [MaxY]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Components_OwnerDepartmentId] ON [Components] ([OwnerDepartmentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Divisions_Code] ON [Divisions] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Divisions_MinX_MinY_MaxX_MaxY] ON [Divisions] ([MinX], [MinY], [MaxX], [MaxY]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Divisions_ParentId] ON [Divisions] ([ParentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Grids_Code] ON [Grids] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Grids_CommunityId] ON [Grids] ([CommunityId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Grids_MinX_MinY_MaxX_MaxY] ON [Grids] ([MinX], [MinY], [MaxX], [MaxY]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Grids_ResponsibilityGridId] ON [Grids] ([ResponsibilityGridId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_Grids_StreetId] ON [Grids] ([StreetId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_LoginAudit_At] ON [LoginAudit] ([At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_LoginAudit_UserName_At] ON [LoginAudit] ([UserName], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OrgUnits_Code] ON [OrgUnits] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ResponsibilityGrids_Code] ON [ResponsibilityGrids] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    CREATE INDEX [IX_ResponsibilityGrids_StreetId] ON [ResponsibilityGrids] ([StreetId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128030817_InitialSchema'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128030817_InitialSchema', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128032518_AddAppendOnlyGuards'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_CaseHistory_append_only] ON [dbo].[CaseHistory] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''CaseHistory is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128032518_AddAppendOnlyGuards'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_LoginAudit_append_only] ON [dbo].[LoginAudit] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''LoginAudit is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128032518_AddAppendOnlyGuards'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_AdminAudit_append_only] ON [dbo].[AdminAudit] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''AdminAudit is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128032518_AddAppendOnlyGuards'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128032518_AddAppendOnlyGuards', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    CREATE TABLE [ComponentChanges] (
        [Id] uniqueidentifier NOT NULL,
        [ComponentId] uniqueidentifier NOT NULL,
        [At] datetimeoffset NOT NULL,
        [ChangeDate] date NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Source] nvarchar(32) NOT NULL,
        [ActorName] nvarchar(64) NOT NULL,
        [OldValue] nvarchar(500) NULL,
        [NewValue] nvarchar(500) NULL,
        [Note] nvarchar(500) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_ComponentChanges] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ComponentChanges_Components_ComponentId] FOREIGN KEY ([ComponentId]) REFERENCES [Components] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    CREATE TABLE [Gazetteer] (
        [Id] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [RoadName] nvarchar(60) NULL,
        [HouseNumber] int NULL,
        [Aliases] nvarchar(200) NULL,
        [StreetId] uniqueidentifier NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        [ShapeWkb] varbinary(max) NULL,
        [MinX] float NOT NULL,
        [MinY] float NOT NULL,
        [MaxX] float NOT NULL,
        [MaxY] float NOT NULL,
        CONSTRAINT [PK_Gazetteer] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Gazetteer_Divisions_StreetId] FOREIGN KEY ([StreetId]) REFERENCES [Divisions] ([Id]) ON DELETE SET NULL
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    CREATE INDEX [IX_ComponentChanges_ComponentId_At] ON [ComponentChanges] ([ComponentId], [At]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    CREATE INDEX [IX_Gazetteer_Kind_Name] ON [Gazetteer] ([Kind], [Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    CREATE INDEX [IX_Gazetteer_MinX_MinY_MaxX_MaxY] ON [Gazetteer] ([MinX], [MinY], [MaxX], [MaxY]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    CREATE INDEX [IX_Gazetteer_RoadName_HouseNumber] ON [Gazetteer] ([RoadName], [HouseNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    CREATE INDEX [IX_Gazetteer_StreetId] ON [Gazetteer] ([StreetId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_ComponentChanges_append_only] ON [dbo].[ComponentChanges] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''ComponentChanges is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128043617_AddGazetteerAndComponentHistory'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128043617_AddGazetteerAndComponentHistory', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE TABLE [WorkflowDefinitions] (
        [Id] uniqueidentifier NOT NULL,
        [Key] varchar(64) NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [VersionNumber] int NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [BpmnXml] nvarchar(max) NOT NULL,
        [PublishedAt] datetimeoffset NULL,
        [PublishedBy] nvarchar(64) NULL,
        [Note] nvarchar(500) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_WorkflowDefinitions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE TABLE [WorkflowInstances] (
        [Id] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [DefinitionId] uniqueidentifier NOT NULL,
        [DefinitionKey] varchar(64) NOT NULL,
        [DefinitionVersion] int NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [StateJson] nvarchar(max) NOT NULL,
        [StartedAt] datetimeoffset NOT NULL,
        [EndedAt] datetimeoffset NULL,
        [IdCounter] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_WorkflowInstances] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkflowInstances_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_WorkflowInstances_WorkflowDefinitions_DefinitionId] FOREIGN KEY ([DefinitionId]) REFERENCES [WorkflowDefinitions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE TABLE [WorkflowTasks] (
        [Id] uniqueidentifier NOT NULL,
        [InstanceId] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [TaskKey] varchar(32) NOT NULL,
        [NodeId] nvarchar(100) NOT NULL,
        [Name] nvarchar(60) NOT NULL,
        [Role] nvarchar(32) NULL,
        [Assignment] nvarchar(32) NULL,
        [Stage] nvarchar(32) NULL,
        [Outcomes] nvarchar(200) NULL,
        [OpenedAt] datetimeoffset NOT NULL,
        [DueAt] datetimeoffset NULL,
        [DepartmentId] uniqueidentifier NULL,
        [StreetId] uniqueidentifier NULL,
        [OrgUnitId] uniqueidentifier NULL,
        [AssigneeUserId] nvarchar(64) NULL,
        [ClaimedBy] nvarchar(64) NULL,
        [ClaimedAt] datetimeoffset NULL,
        [Status] nvarchar(32) NOT NULL,
        [ClosedAt] datetimeoffset NULL,
        [ClosedBy] nvarchar(64) NULL,
        [ClosedByName] nvarchar(64) NULL,
        [Outcome] nvarchar(30) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_WorkflowTasks] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkflowTasks_WorkflowInstances_InstanceId] FOREIGN KEY ([InstanceId]) REFERENCES [WorkflowInstances] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE TABLE [WorkflowTimers] (
        [Id] uniqueidentifier NOT NULL,
        [InstanceId] uniqueidentifier NOT NULL,
        [TimerKey] varchar(32) NOT NULL,
        [NodeId] nvarchar(100) NOT NULL,
        [TaskKey] varchar(32) NOT NULL,
        [DueAt] datetimeoffset NOT NULL,
        [Interrupting] bit NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [FiredAt] datetimeoffset NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_WorkflowTimers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_WorkflowTimers_WorkflowInstances_InstanceId] FOREIGN KEY ([InstanceId]) REFERENCES [WorkflowInstances] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkflowDefinitions_Key_VersionNumber] ON [WorkflowDefinitions] ([Key], [VersionNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkflowInstances_CaseId] ON [WorkflowInstances] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE INDEX [IX_WorkflowInstances_DefinitionId_Status] ON [WorkflowInstances] ([DefinitionId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE INDEX [IX_WorkflowTasks_AssigneeUserId_Status] ON [WorkflowTasks] ([AssigneeUserId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE INDEX [IX_WorkflowTasks_CaseId_Status] ON [WorkflowTasks] ([CaseId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE INDEX [IX_WorkflowTasks_DepartmentId_Status] ON [WorkflowTasks] ([DepartmentId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkflowTasks_InstanceId_TaskKey] ON [WorkflowTasks] ([InstanceId], [TaskKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE INDEX [IX_WorkflowTasks_Status_Role] ON [WorkflowTasks] ([Status], [Role]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE UNIQUE INDEX [IX_WorkflowTimers_InstanceId_TimerKey] ON [WorkflowTimers] ([InstanceId], [TimerKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    CREATE INDEX [IX_WorkflowTimers_Status_DueAt] ON [WorkflowTimers] ([Status], [DueAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128050344_AddWorkflows'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128050344_AddWorkflows', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    CREATE TABLE [EvaluationFormulaSets] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Version] int NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [SavedBy] nvarchar(64) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_EvaluationFormulaSets] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    CREATE TABLE [EvaluationRuns] (
        [Id] uniqueidentifier NOT NULL,
        [PeriodKind] nvarchar(32) NOT NULL,
        [PeriodStart] date NOT NULL,
        [PeriodEnd] date NOT NULL,
        [PeriodLabel] nvarchar(40) NOT NULL,
        [FormulaSetName] nvarchar(50) NOT NULL,
        [FormulaSetVersion] int NOT NULL,
        [FormulaSetJson] nvarchar(max) NOT NULL,
        [Trigger] nvarchar(32) NOT NULL,
        [RequestedBy] nvarchar(64) NOT NULL,
        [RanAt] datetimeoffset NOT NULL,
        [CasesConsidered] bigint NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_EvaluationRuns] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    CREATE TABLE [EvaluationResults] (
        [Id] uniqueidentifier NOT NULL,
        [RunId] uniqueidentifier NOT NULL,
        [ObjectType] nvarchar(32) NOT NULL,
        [Order] int NOT NULL,
        [SubjectId] nvarchar(64) NOT NULL,
        [SubjectName] nvarchar(100) NOT NULL,
        [PeerGroup] nvarchar(100) NOT NULL,
        [Composite] decimal(7,2) NULL,
        [Grade] nvarchar(32) NULL,
        [Status] nvarchar(32) NOT NULL,
        [Rank] int NULL,
        [Json] nvarchar(max) NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_EvaluationResults] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EvaluationResults_EvaluationRuns_RunId] FOREIGN KEY ([RunId]) REFERENCES [EvaluationRuns] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvaluationFormulaSets_Name_Version] ON [EvaluationFormulaSets] ([Name], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    CREATE INDEX [IX_EvaluationResults_ObjectType_SubjectId] ON [EvaluationResults] ([ObjectType], [SubjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    CREATE INDEX [IX_EvaluationResults_RunId_ObjectType_Order] ON [EvaluationResults] ([RunId], [ObjectType], [Order]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvaluationRuns_PeriodKind_PeriodStart_PeriodEnd_FormulaSetName_FormulaSetVersion] ON [EvaluationRuns] ([PeriodKind], [PeriodStart], [PeriodEnd], [FormulaSetName], [FormulaSetVersion]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_EvaluationRuns_append_only] ON [dbo].[EvaluationRuns] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''EvaluationRuns is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_EvaluationResults_append_only] ON [dbo].[EvaluationResults] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''EvaluationResults is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_EvaluationFormulaSets_append_only] ON [dbo].[EvaluationFormulaSets] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''EvaluationFormulaSets is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128064050_AddEvaluationRuns'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128064050_AddEvaluationRuns', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128071734_AddCaseListAndDoneTaskIndexes'
)
BEGIN
    CREATE INDEX [IX_WorkflowTasks_ClosedBy_ClosedAt] ON [WorkflowTasks] ([ClosedBy], [ClosedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128071734_AddCaseListAndDoneTaskIndexes'
)
BEGIN
    CREATE INDEX [IX_Cases_DepartmentId_ReportedAt] ON [Cases] ([DepartmentId], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128071734_AddCaseListAndDoneTaskIndexes'
)
BEGIN
    CREATE INDEX [IX_Cases_Source_ReportedAt] ON [Cases] ([Source], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128071734_AddCaseListAndDoneTaskIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128071734_AddCaseListAndDoneTaskIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090203_AddReportReceipts'
)
BEGIN
    CREATE TABLE [ReportReceipts] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] nvarchar(64) NOT NULL,
        [ClientKey] uniqueidentifier NOT NULL,
        [CaseId] uniqueidentifier NOT NULL,
        [ReceivedAt] datetimeoffset NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_ReportReceipts] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportReceipts_Cases_CaseId] FOREIGN KEY ([CaseId]) REFERENCES [Cases] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090203_AddReportReceipts'
)
BEGIN
    CREATE INDEX [IX_ReportReceipts_CaseId] ON [ReportReceipts] ([CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090203_AddReportReceipts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReportReceipts_UserId_ClientKey] ON [ReportReceipts] ([UserId], [ClientKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090203_AddReportReceipts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128090203_AddReportReceipts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddCaseMergeAndDuplicateIndex'
)
BEGIN
    DROP INDEX [IX_Cases_CategoryId] ON [Cases];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddCaseMergeAndDuplicateIndex'
)
BEGIN
    ALTER TABLE [Cases] ADD [MergedIntoId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddCaseMergeAndDuplicateIndex'
)
BEGIN
    CREATE INDEX [IX_Cases_CategoryId_ReportedAt] ON [Cases] ([CategoryId], [ReportedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddCaseMergeAndDuplicateIndex'
)
BEGIN
    CREATE INDEX [IX_Cases_MergedIntoId] ON [Cases] ([MergedIntoId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddCaseMergeAndDuplicateIndex'
)
BEGIN
    ALTER TABLE [Cases] ADD CONSTRAINT [FK_Cases_Cases_MergedIntoId] FOREIGN KEY ([MergedIntoId]) REFERENCES [Cases] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddCaseMergeAndDuplicateIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128090409_AddCaseMergeAndDuplicateIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    CREATE TABLE [EvaluationDeductions] (
        [Id] uniqueidentifier NOT NULL,
        [TargetId] nvarchar(64) NOT NULL,
        [TargetType] nvarchar(32) NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        [Points] decimal(7,2) NOT NULL,
        [Date] date NOT NULL,
        [RecordedBy] nvarchar(64) NOT NULL,
        [RecordedById] nvarchar(64) NULL,
        [CaseId] uniqueidentifier NULL,
        [CaseNumber] nvarchar(32) NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_EvaluationDeductions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    CREATE TABLE [EvaluationFormulaDrafts] (
        [Id] uniqueidentifier NOT NULL,
        [Name] nvarchar(50) NOT NULL,
        [Json] nvarchar(max) NOT NULL,
        [BasedOnVersion] int NOT NULL,
        [SavedBy] nvarchar(64) NOT NULL,
        [SavedAt] datetimeoffset NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        [Version] int NOT NULL,
        CONSTRAINT [PK_EvaluationFormulaDrafts] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    CREATE TABLE [EvaluationDeductionRevocations] (
        [Id] uniqueidentifier NOT NULL,
        [DeductionId] uniqueidentifier NOT NULL,
        [Reason] nvarchar(200) NOT NULL,
        [RevokedBy] nvarchar(64) NOT NULL,
        [RevokedById] nvarchar(64) NULL,
        [RevokedAt] datetimeoffset NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_EvaluationDeductionRevocations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EvaluationDeductionRevocations_EvaluationDeductions_DeductionId] FOREIGN KEY ([DeductionId]) REFERENCES [EvaluationDeductions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvaluationDeductionRevocations_DeductionId] ON [EvaluationDeductionRevocations] ([DeductionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    CREATE INDEX [IX_EvaluationDeductions_Date_TargetId] ON [EvaluationDeductions] ([Date], [TargetId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    CREATE UNIQUE INDEX [IX_EvaluationFormulaDrafts_Name] ON [EvaluationFormulaDrafts] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_EvaluationDeductions_append_only] ON [dbo].[EvaluationDeductions] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''EvaluationDeductions is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    EXEC(N'CREATE TRIGGER [dbo].[trg_EvaluationDeductionRevocations_append_only] ON [dbo].[EvaluationDeductionRevocations] INSTEAD OF UPDATE, DELETE AS BEGIN THROW 50001, N''EvaluationDeductionRevocations is append-only'', 1; END');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128090409_AddEvaluationDeductionsAndFormulaDrafts', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090440_AddExportJobs'
)
BEGIN
    CREATE TABLE [ExportJobs] (
        [Id] uniqueidentifier NOT NULL,
        [OwnerId] nvarchar(64) NOT NULL,
        [OwnerName] nvarchar(64) NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Title] nvarchar(128) NOT NULL,
        [FileName] nvarchar(160) NOT NULL,
        [Parameter] nvarchar(200) NOT NULL,
        [State] nvarchar(32) NOT NULL,
        [Percent] int NOT NULL,
        [Written] bigint NOT NULL,
        [Total] bigint NULL,
        [ProgressText] nvarchar(300) NOT NULL,
        [StoredName] nvarchar(64) NULL,
        [FileSize] bigint NULL,
        [RequestedAt] datetimeoffset NOT NULL,
        [StartedAt] datetimeoffset NULL,
        [FinishedAt] datetimeoffset NULL,
        [ExpiresAt] datetimeoffset NULL,
        [Error] nvarchar(300) NULL,
        [Attempts] int NOT NULL,
        [CreatedAt] datetimeoffset NOT NULL,
        [CreatedBy] nvarchar(64) NULL,
        [ModifiedAt] datetimeoffset NULL,
        [ModifiedBy] nvarchar(64) NULL,
        CONSTRAINT [PK_ExportJobs] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090440_AddExportJobs'
)
BEGIN
    CREATE INDEX [IX_ExportJobs_OwnerId_RequestedAt] ON [ExportJobs] ([OwnerId], [RequestedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090440_AddExportJobs'
)
BEGIN
    CREATE INDEX [IX_ExportJobs_State_RequestedAt] ON [ExportJobs] ([State], [RequestedAt]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128090440_AddExportJobs'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128090440_AddExportJobs', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128092859_AddHistoryScanIndexes'
)
BEGIN
    CREATE INDEX [IX_CaseHistory_At_CaseId] ON [CaseHistory] ([At], [CaseId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128092859_AddHistoryScanIndexes'
)
BEGIN
    CREATE INDEX [IX_CaseHistory_Scan] ON [CaseHistory] ([CaseId], [Sequence], [At], [Action], [ActorRole], [ActorId], [ActorName]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128092859_AddHistoryScanIndexes'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128092859_AddHistoryScanIndexes', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128104617_WidenHistoryScanIndex'
)
BEGIN
    DROP INDEX [IX_CaseHistory_Scan] ON [CaseHistory];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128104617_WidenHistoryScanIndex'
)
BEGIN
    CREATE INDEX [IX_CaseHistory_Scan] ON [CaseHistory] ([CaseId], [Sequence], [At], [Action], [ActorRole], [ActorId], [ActorName], [ToStatus]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261128104617_WidenHistoryScanIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261128104617_WidenHistoryScanIndex', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206222910_CasesFactsIndex'
)
BEGIN
    CREATE INDEX [IX_Cases_Facts] ON [Cases] ([Id], [Source], [DepartmentId], [StreetId], [CommunityId], [GridId], [DisposalDeadline]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261206222910_CasesFactsIndex'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261206222910_CasesFactsIndex', N'10.0.15');
END;

COMMIT;
GO

