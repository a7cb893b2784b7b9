using Nexgent.Schema.Cli;
using Nexgent.Schema.Tests.Cli;
using Nexgent.Schema.Tests.Infrastructure;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.Drift;

/// <summary>
/// What a person can change by hand, without a migration, is drift: each test makes one such change to a database the
/// migrations built and expects <c>dotnet fm drift</c> to exit 4 with one sentence naming that object. Nexgent's
/// schema has no function, view, trigger or policy of its own, so changing one that the migrations made is tried on
/// the ProgrammableMigrations assembly.
/// </summary>
public sealed class HandChangeDriftTests
{
    private static string Programmable => Path.Combine(TestContext.CurrentContext.TestDirectory, "Nexgent.Schema.Tests.ProgrammableMigrations.dll");

    private const long ProgrammableVersion = 20350102000000;

    private const string NexgentColumnsOfAgents =
        "id, user_id, name, trading_mode, trading_config, created_at, updated_at, automated_trading_simulation, automated_trading_live";

    public static IEnumerable<TestCaseData> NexgentChanges()
    {
        yield return Case(
            "a new trigger",
            "CREATE TRIGGER agents_skip_same BEFORE UPDATE ON agents FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()",
            "The database has a trigger agents.agents_skip_same (CREATE TRIGGER agents_skip_same BEFORE UPDATE ON public.agents FOR EACH ROW EXECUTE FUNCTION suppress_redundant_updates_trigger()) that the migrations do not create.");
        yield return Case(
            "row-level security enabled",
            "ALTER TABLE agents ENABLE ROW LEVEL SECURITY",
            "Row-level security on table agents is enabled in the database but disabled in the migrations.");
        yield return Case(
            "row-level security forced",
            "ALTER TABLE agents FORCE ROW LEVEL SECURITY",
            "Row-level security on table agents is forced (not enabled) in the database but disabled in the migrations.");
        yield return Case(
            "a new policy",
            "CREATE POLICY agents_with_a_user ON agents AS RESTRICTIVE FOR SELECT USING (user_id IS NOT NULL)",
            "The database has a policy agents.agents_with_a_user (RESTRICTIVE FOR SELECT TO PUBLIC USING ((user_id IS NOT NULL))) that the migrations do not create.");
        yield return Case(
            "a new rule",
            "CREATE RULE agents_kept AS ON DELETE TO agents DO INSTEAD NOTHING",
            "The database has a rule agents.agents_kept (CREATE RULE agents_kept AS ON DELETE TO public.agents DO INSTEAD NOTHING;) that the migrations do not create.");
        yield return Case(
            "a new domain",
            "CREATE DOMAIN sol_amount AS numeric(20,8) NOT NULL DEFAULT 0 CHECK (VALUE >= 0)",
            "The database has a domain sol_amount (numeric(20,8) not null default 0 constraint sol_amount_check CHECK ((VALUE >= (0)::numeric))) that the migrations do not create.");
        yield return Case(
            "a column dropped and added again at the end",
            "ALTER TABLE agents DROP COLUMN trading_config; ALTER TABLE agents ADD COLUMN trading_config jsonb",
            "The columns of table agents are in the order id, user_id, name, trading_mode, created_at, updated_at, automated_trading_simulation, automated_trading_live, trading_config"
            + $" in the database but {NexgentColumnsOfAgents} in the migrations.");
        yield return Case(
            "a new view",
            "CREATE VIEW agent_names AS SELECT id, name FROM agents",
            "The database has a view agent_names that the migrations do not create.");
        yield return Case(
            "a new function",
            "CREATE FUNCTION agent_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM agents'",
            "The database has a function agent_count() that the migrations do not create.");
    }

    [TestCaseSource(nameof(NexgentChanges))]
    public void One_hand_change_to_nexgents_schema_is_one_sentence_naming_it(string change, string sentence)
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute(change);

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        Assert.That(Differences(run, Golden.Latest), Is.EqualTo(new[] { sentence }));
    }

    [Test]
    public void A_column_renamed_is_said_by_the_columns_not_also_by_their_order()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("ALTER TABLE agents RENAME COLUMN trading_config TO settings");

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        Assert.That(Differences(run, Golden.Latest), Is.EqualTo(new[]
        {
            "The database has a column agents.settings (jsonb) that the migrations do not create.",
            "The column agents.trading_config (jsonb) that the migrations create is missing from the database.",
        }));
    }

    [Test]
    public void A_column_dropped_and_added_again_with_another_type_is_said_with_its_type_and_the_new_order()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("ALTER TABLE agents DROP COLUMN trading_config; ALTER TABLE agents ADD COLUMN trading_config json");

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        Assert.That(Differences(run, Golden.Latest), Is.EqualTo(new[]
        {
            "The column agents.trading_config is 'json' in the database but 'jsonb' in the migrations.",
            "The columns of table agents are in the order id, user_id, name, trading_mode, created_at, updated_at, automated_trading_simulation, automated_trading_live, trading_config"
            + $" in the database but {NexgentColumnsOfAgents} in the migrations.",
        }));
    }

    [Test]
    public void An_extension_is_one_difference_not_one_per_function_it_brings()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("CREATE EXTENSION pg_trgm");
        var version = database.Scalar<string>("SELECT extversion FROM pg_extension WHERE extname = 'pg_trgm'");
        Assert.That(database.Scalar<long>("SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace"), Is.GreaterThan(10), "pg_trgm's functions are in public");

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        Assert.That(Differences(run, Golden.Latest), Is.EqualTo(new[] { $"The database has an extension pg_trgm (version {version}, schema public) that the migrations do not create." }));
    }

    [Test]
    public void An_extension_only_the_database_has_in_another_schema_is_not_the_schemas_drift()
    {
        using var database = TemplateDatabases.At(Golden.Latest);
        database.Execute("CREATE SCHEMA extensions; CREATE EXTENSION citext SCHEMA extensions");

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
    }

    [Test]
    public void A_database_at_the_latest_version_untouched_has_no_drift()
    {
        using var database = TemplateDatabases.At(Golden.Latest);

        var run = Fm.Run("drift", "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain($"No drift: the schema is what the migrations build at version {Golden.Latest}."));
    }

    [Test]
    public void A_function_a_trigger_a_view_and_a_policy_the_migrations_made_untouched_are_no_drift()
    {
        using var database = MigratedWithProgrammableObjects();

        var run = Fm.Run("drift", "-a", Programmable, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Success), run.ToString());
        Assert.That(run.Output, Does.Contain("No drift"));
    }

    public static IEnumerable<TestCaseData> ProgrammableChanges()
    {
        yield return Case(
            "a function's body",
            """
            CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                NEW.updated_at := clock_timestamp();
                RETURN NEW;
            END
            $$
            """,
            "The function touch_updated_at() has a different definition in the database than in the migrations:"
            + " line 6 is 'NEW.updated_at := clock_timestamp();' in the database but 'NEW.updated_at := now();' in the migrations.");
        yield return Case(
            "a view's query",
            "CREATE OR REPLACE VIEW recent_notes AS SELECT id, owner_name, body FROM notes WHERE updated_at > now() - interval '30 days'",
            "The view recent_notes has a different definition in the database than in the migrations:"
            + " line 5 is 'WHERE (notes.updated_at > (now() - '30 days'::interval));' in the database but 'WHERE (notes.updated_at > (now() - '7 days'::interval));' in the migrations.");
        yield return Case(
            "a trigger disabled",
            "ALTER TABLE notes DISABLE TRIGGER notes_touch",
            "The trigger notes.notes_touch is disabled in the database but enabled in the migrations.");
        yield return Case(
            "a trigger dropped",
            "DROP TRIGGER notes_touch ON notes",
            "The trigger notes.notes_touch (CREATE TRIGGER notes_touch BEFORE UPDATE ON public.notes FOR EACH ROW EXECUTE FUNCTION touch_updated_at()) that the migrations create is missing from the database.");
        yield return Case(
            "row-level security disabled",
            "ALTER TABLE notes DISABLE ROW LEVEL SECURITY",
            "Row-level security on table notes is disabled in the database but enabled in the migrations.");
        yield return Case(
            "a policy's expression",
            "ALTER POLICY notes_owner ON notes USING (true)",
            "The policy notes.notes_owner is 'PERMISSIVE FOR ALL TO PUBLIC USING (true)' in the database but 'PERMISSIVE FOR ALL TO PUBLIC USING ((owner_name = CURRENT_USER))' in the migrations.");
    }

    [TestCaseSource(nameof(ProgrammableChanges))]
    public void One_hand_change_to_what_the_migrations_made_is_one_sentence_naming_it(string change, string sentence)
    {
        using var database = MigratedWithProgrammableObjects();
        database.Execute(change);

        var run = Fm.Run("drift", "-a", Programmable, "-c", database.ConnectionString);

        Assert.That(run.ExitCode, Is.EqualTo(ExitCodes.Drift), run.ToString());
        Assert.That(Differences(run, ProgrammableVersion), Is.EqualTo(new[] { sentence }));
    }

    private static TestDatabase MigratedWithProgrammableObjects()
    {
        var database = TestDatabase.Create();
        var migrate = Fm.Run("migrate", "-a", Programmable, "-c", database.ConnectionString);
        Assert.That(migrate.ExitCode, Is.EqualTo(ExitCodes.Success), migrate.ToString());
        return database;
    }

    private static TestCaseData Case(string name, string change, string sentence) => new TestCaseData(change, sentence).SetArgDisplayNames(name);

    private static List<string> Differences(FmRun run, long version) => DriftOutput.Differences(run, version);
}
