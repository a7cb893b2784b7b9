namespace Nexgent.Schema.Runner.Scripting;

/// <summary>
/// One migration as a script runs it: its statements (lint's, <see cref="Safety.MigrationSql.All"/>), then its version
/// row (FluentMigrator's insert, or delete going down) and its journal row. <see cref="JournalBefore"/> is the row
/// 'running' written first by a migration that runs outside a transaction; none for one in a transaction.
/// </summary>
internal sealed record ScriptedMigration(
    MigrationStep Step,
    bool Transactional,
    IReadOnlyList<string> Statements,
    string VersionRow,
    string? JournalBefore,
    string JournalAfter);
