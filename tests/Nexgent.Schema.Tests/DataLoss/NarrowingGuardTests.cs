using FluentMigrator.Expressions;
using FluentMigrator.Infrastructure;
using Nexgent.Schema.Migrations.Versions;
using Nexgent.Schema.Runner.Safety;
using NUnit.Framework;

namespace Nexgent.Schema.Tests.DataLoss;

/// <summary>
/// A rollback's check before its first step runs the condition of each guard <c>NarrowNumeric</c> writes, read from
/// the Down's own SQL, so it tests the rows exactly as the guard will. Pure logic: no server.
/// </summary>
public sealed class NarrowingGuardTests
{
    [Test]
    public void The_guards_of_a_narrowing_down_are_read_from_its_sql()
    {
        var context = new MigrationContext(null!, null!, null);
        new IncreaseDecimalPrecisionForTokenPrices().GetDownExpressions(context);
        var sql = context.Expressions.OfType<ExecuteSqlStatementExpression>().Select(e => e.SqlStatement).ToList();

        var guards = sql.SelectMany(s => NarrowingGuard.In(s, "public")).ToList();

        Assert.That(guards.Select(g => $"{g.Table}.{g.Column} {g.Type} {g.Scale}"), Is.EqualTo(new[]
        {
            "public.agent_positions.purchase_price numeric(20,8) 8",
            "public.agent_positions.purchase_amount numeric(20,8) 8",
            "public.agent_positions.peak_price numeric(20,8) 8",
            "public.agent_historical_swaps.amount numeric(20,8) 8",
            "public.agent_historical_swaps.purchase_price numeric(20,8) 8",
            "public.agent_historical_swaps.sale_price numeric(20,8) 8",
        }));
        Assert.That(guards[0].Condition, Is.EqualTo("\"purchase_price\" <> round(\"purchase_price\", 8) OR abs(\"purchase_price\") >= 1e12"));
    }

    [Test]
    public void The_change_after_a_guard_is_no_guard()
    {
        var context = new MigrationContext(null!, null!, null);
        new IncreaseDecimalPrecisionForTokenPrices().GetDownExpressions(context);
        var changes = context.Expressions.OfType<ExecuteSqlStatementExpression>().Select(e => e.SqlStatement).Where(s => s.StartsWith("ALTER TABLE")).ToList();

        Assert.That(changes, Has.Count.EqualTo(2));
        Assert.That(changes.SelectMany(s => NarrowingGuard.In(s, "public")), Is.Empty);
    }
}
