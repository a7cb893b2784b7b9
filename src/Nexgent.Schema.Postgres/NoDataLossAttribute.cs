using FluentMigrator;

namespace Nexgent.Schema.Postgres;

/// <summary>
/// Says that what looks like data loss in one direction is not: the runner detects dropped tables and
/// columns, deleted rows and narrowed types by itself, and this attribute, with the reason, tells it that the
/// values were carried over first (for example into a new column). Reviewers should check the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class NoDataLossAttribute(MigrationDirection direction, string reason) : Attribute
{
    public MigrationDirection Direction { get; } = direction;

    public string Reason { get; } = reason;
}
