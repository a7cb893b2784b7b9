using System.Reflection;
using Nexgent.Schema.Runner.Authoring;
using Nexgent.Schema.Runner.Drift;
using Nexgent.Schema.Runner.Safety;
using Npgsql;

namespace Nexgent.Schema.Runner.Generation;

/// <summary>A Prisma migration imported: the class generated for it, proven, and its steps.</summary>
internal sealed record ImportedMigration(PrismaSqlMigration Prisma, MigrationName Name, string Source, IReadOnlyList<Change> Up)
{
    public int DataStatements => Up.Count(c => c is DataStatement);
}

/// <summary>
/// <c>dotnet fm import-prisma</c>: applies each Prisma migration's SQL, in order, on a scratch database, reads the schema
/// before and after each of its changes, and writes the class that makes the same changes; a statement that changes
/// rows is carried over in its place. Each class is then proven on a second scratch database, on top of the classes
/// before it: its Up gives the catalog Prisma's SQL gave, its Down the catalog before. Both scratch databases are made on
/// the server given, beside its database, and dropped at the end; nothing else there is touched.
/// </summary>
internal static class PrismaImporter
{
    public static IReadOnlyList<ImportedMigration> Import(
        DatabaseConnection server,
        IReadOnlyList<PrismaSqlMigration> migrations,
        string @namespace,
        IMigrationCompiler compiler,
        Action<ImportedMigration> proven,
        CancellationToken cancellationToken)
        => ShadowDatabase.Cancellable(
            () =>
            {
                try
                {
                    return ImportOn(server, migrations, @namespace, compiler, proven, cancellationToken);
                }
                catch (Exception e) when (e is NpgsqlException or TimeoutException)
                {
                    throw DatabaseErrors.Explain(e, server);
                }
            },
            () => "while importing the Prisma migrations on scratch databases; they were dropped, and no class was written.",
            cancellationToken);

    private static IReadOnlyList<ImportedMigration> ImportOn(
        DatabaseConnection server,
        IReadOnlyList<PrismaSqlMigration> migrations,
        string @namespace,
        IMigrationCompiler compiler,
        Action<ImportedMigration> proven,
        CancellationToken cancellationToken)
    {
        using var prisma = ShadowDatabase.Create(server, cancellationToken);
        var proof = ShadowDatabase.Create(server, cancellationToken);
        try
        {
            using var session = new NpgsqlConnection(prisma.Connection.ConnectionString);
            session.Open();
            var assemblies = new List<Assembly>();
            var classNames = new HashSet<string>(StringComparer.Ordinal);
            var enums = new HashSet<string>(StringComparer.Ordinal);
            var imported = new List<ImportedMigration>();
            long previous = 0;
            foreach (var migration in migrations)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var before = SchemaCatalog.Read(prisma.Connection);
                var script = new ScriptReader(session, server.Schema, migration, enums, cancellationToken);
                var changes = script.Changes();
                var after = SchemaCatalog.Read(prisma.Connection);
                var name = UniqueName(MigrationName.Parse(migration.Description), migration.Version, classNames);

                GenerationNotProvenException? firstFailure = null;
                ImportedMigration? result = null;
                foreach (var attempt in Attempts(changes, script))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var source = MigrationWriter.Write(new GeneratedMigration(migration.Version, name, @namespace, attempt, enums)
                    {
                        Origin = $"Imported by dotnet fm import-prisma from Prisma's migration {migration.Folder}. Read every line marked REVIEW.",
                    });
                    var assembly = compiler.Compile(source, $"imported_{migration.Version}");
                    try
                    {
                        var failures = MigrationProof.Prove(proof.Connection, [.. assemblies, assembly], [], previous, migration.Version, before, after, irreversible: false, source, cancellationToken);
                        if (failures.Count == 0)
                        {
                            assemblies.Add(assembly);
                            result = new ImportedMigration(migration, name, source, attempt);
                            break;
                        }

                        firstFailure ??= new GenerationNotProvenException(
                            $"The class generated for Prisma's migration {migration.Folder} does not build what its SQL builds, so nothing was written:", failures, source);
                    }
                    catch (GenerationNotProvenException e)
                    {
                        firstFailure ??= e;
                    }

                    proof.Dispose();
                    proof = Rebuilt(server, assemblies, previous, cancellationToken);
                }

                if (result is null)
                {
                    throw firstFailure!;
                }

                imported.Add(result);
                proven(result);
                previous = migration.Version;
            }

            return imported;
        }
        finally
        {
            proof.Dispose();
        }
    }

    /// <summary>
    /// The ways to write a migration, best first: its steps with each statement that changes rows in its place; the
    /// difference of the whole migration, when it changes no rows; Prisma's SQL as written, undone step by step.
    /// </summary>
    private static IEnumerable<IReadOnlyList<Change>> Attempts(IReadOnlyList<Change> changes, ScriptReader script)
    {
        yield return changes;
        var whole = SchemaDiffer.Diff(script.First, script.Last);
        if (!changes.Any(c => c is DataStatement) && !whole.SequenceEqual(changes))
        {
            yield return whole;
        }

        yield return [new CarriedSql(script.Sql, whole, CarriedSql.Joined(changes.OfType<DataStatement>().Select(d => d.Overwrites)))];
    }

    /// <summary>A scratch database again at <paramref name="version"/>, after a class that did not prove left the last one in doubt.</summary>
    private static ShadowDatabase Rebuilt(DatabaseConnection server, IReadOnlyList<Assembly> assemblies, long version, CancellationToken cancellationToken)
    {
        var proof = ShadowDatabase.Create(server, cancellationToken);
        if (version != 0)
        {
            using var scope = MigrationProof.Runner(proof.Connection, assemblies, []);
            scope.Runner.MigrateUpAsync(version, cancellationToken).GetAwaiter().GetResult();
        }

        return proof;
    }

    /// <summary>Two Prisma migrations of the same name become two classes: the later one's name carries its version.</summary>
    private static MigrationName UniqueName(MigrationName name, long version, HashSet<string> taken)
    {
        var unique = taken.Contains(name.ClassName) ? name with { ClassName = $"{name.ClassName}{version}" } : name;
        taken.Add(unique.ClassName);
        return unique;
    }

    /// <summary>
    /// One migration's SQL run statement by statement: the schema changes between two statements that change rows are
    /// read as one diff (renames the SQL states are renames), and each statement that changes rows is carried over.
    /// </summary>
    private sealed class ScriptReader(NpgsqlConnection session, string schema, PrismaSqlMigration migration, HashSet<string> enums, CancellationToken cancellationToken)
    {
        private readonly List<Change> changes = [];
        private readonly List<SqlStatement> segment = [];
        private SchemaModel model = SchemaModel.Empty;

        /// <summary>The schema before the migration's SQL.</summary>
        public SchemaModel First { get; private set; } = SchemaModel.Empty;

        /// <summary>The schema after it.</summary>
        public SchemaModel Last => model;

        /// <summary>The SQL as the server ran it (Prisma's own BEGIN and COMMIT left out).</summary>
        public string Sql => string.Join("\n", SqlScript.Statements(migration.Sql).Select(SqlScript.Text));

        public List<Change> Changes()
        {
            model = First = Read();
            foreach (var statement in SqlScript.Statements(migration.Sql))
            {
                if (!SqlScript.ChangesRows(statement))
                {
                    segment.Add(statement);
                    continue;
                }

                Flush();
                Run(SqlScript.Text(statement));
                var after = Read();
                changes.Add(new DataStatement(SqlScript.Text(statement), Overwrites(statement), SchemaDiffer.Diff(model, after)));
                model = after;
            }

            Flush();
            return changes;
        }

        private void Flush()
        {
            if (segment.Count == 0)
            {
                return;
            }

            Run(string.Join("\n", segment.Select(SqlScript.Text)));
            var after = Read();
            changes.AddRange(SchemaDiffer.Diff(model, after, RenamesIn(segment)));
            model = after;
            segment.Clear();
        }

        private SchemaModel Read()
        {
            var read = SchemaReader.Read(session, schema);
            enums.UnionWith(read.Enums.Select(e => e.Name));
            return read;
        }

        private void Run(string sql)
        {
            try
            {
                using var command = new NpgsqlCommand(sql, session);
                using var _ = cancellationToken.Register(command.Cancel);
                command.ExecuteNonQuery();
            }
            catch (PostgresException e)
            {
                throw new SchemaRunnerException($"The SQL of Prisma's migration {migration.Folder} fails on PostgreSQL ({e.MessageText.TrimEnd('.')}); fix it, or import the migrations before it and write this one by hand.", e);
            }
        }

        /// <summary>Tables and columns the SQL renames (ALTER TABLE ... RENAME): renames, not drops and adds.</summary>
        private Renames RenamesIn(IEnumerable<SqlStatement> statements)
        {
            var renames = Renames.None;
            foreach (var effect in statements.SelectMany(s => SqlEffects.Of(s.Text, schema)))
            {
                switch (effect)
                {
                    case TableRenamed table when table.Table.Schema == schema:
                        renames = renames.With(new RenameCandidate(table.Table.Name, null, table.NewName.Name));
                        break;
                    case ColumnRenamed column when column.Table.Schema == schema:
                        renames = renames.With(new RenameCandidate(column.Table.Name, column.Column, column.NewName));
                        break;
                }
            }

            return renames;
        }

        /// <summary>What a statement that changes rows overwrites or deletes that Down cannot give back; columns this migration adds hold nothing to lose yet.</summary>
        private string? Overwrites(SqlStatement statement)
        {
            var added = changes.OfType<AddColumn>().Select(a => (a.Table, a.Column.Name))
                .Concat(changes.OfType<CreateTable>().SelectMany(t => t.Table.Columns.Select(c => (t.Table.Name, c.Name))))
                .ToHashSet();
            var created = changes.OfType<CreateTable>().Select(t => t.Table.Name).ToHashSet(StringComparer.Ordinal);
            var excerpt = MigrationWriter.Excerpt(SqlScript.Text(statement).TrimEnd(';'));
            var losses = SqlEffects.Of(statement.Text, schema).Where(e => e.Tables.All(t => !created.Contains(t.Name))).Select(effect => effect switch
            {
                RowsDeleted deleted => $"{excerpt} deletes rows of {deleted.Table.Name} that Down cannot restore",
                RowsUpdated updated when updated.Columns is null || !updated.Columns.All(c => added.Contains((updated.Table.Name, c)))
                    => $"{excerpt} overwrites values of {updated.Table.Name} that Down cannot restore",
                ColumnRetyped retyped when retyped.Rewritten && !added.Contains((retyped.Table.Name, retyped.Column))
                    => $"{excerpt} rewrites {retyped.Table.Name}.{retyped.Column}, which Down cannot restore",
                TableDropped dropped => $"{excerpt} drops the table {dropped.Table.Name}",
                ColumnDropped dropped => $"{excerpt} drops {dropped.Table.Name}.{dropped.Column}",
                _ => null,
            }).OfType<string>().Distinct().ToList();
            return losses.Count == 0 ? null : string.Join("; ", losses);
        }
    }
}
