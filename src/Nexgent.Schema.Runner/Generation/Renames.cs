namespace Nexgent.Schema.Runner.Generation;

/// <summary>
/// The renames an author confirmed: tables (old name to new), and columns (the table's new name and the column's old
/// name, to the column's new name). Without one, a table or column that disappeared while another just like it
/// appeared is generated as a drop and an add.
/// </summary>
internal sealed record Renames(IReadOnlyDictionary<string, string> Tables, IReadOnlyDictionary<(string Table, string Column), string> Columns)
{
    public static Renames None { get; } = new(new Dictionary<string, string>(), new Dictionary<(string, string), string>());

    public bool IsEmpty => Tables.Count == 0 && Columns.Count == 0;

    public Renames With(RenameCandidate candidate) => candidate.Column is null
        ? new Renames(new Dictionary<string, string>(Tables) { [candidate.Table] = candidate.NewName }, Columns)
        : new Renames(Tables, new Dictionary<(string, string), string>(Columns) { [(candidate.Table, candidate.Column)] = candidate.NewName });

    /// <summary>
    /// Reads <c>table=new_table</c> (a table) or <c>table.column=new_column</c> (a column of the table, named as it is
    /// now), as <c>--rename</c> takes them.
    /// </summary>
    public static Renames Parse(IEnumerable<string> options)
    {
        var renames = None;
        foreach (var option in options)
        {
            var parts = option.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            {
                throw new SchemaRunnerException($"'{option}' is not a rename; write table.old_column=new_column for a column, or old_table=new_table for a table.");
            }

            var dot = parts[0].LastIndexOf('.');
            renames = renames.With(dot < 0
                ? new RenameCandidate(parts[0], null, parts[1])
                : new RenameCandidate(parts[0][..dot], parts[0][(dot + 1)..], parts[1]));
        }

        return renames;
    }
}

/// <summary>
/// A table (<see cref="Column"/> null) or a column of <see cref="Table"/> that looks renamed to <see cref="NewName"/>:
/// one disappeared and one just like it appeared. For a column, <see cref="Table"/> is the table's name after its own rename.
/// </summary>
internal sealed record RenameCandidate(string Table, string? Column, string NewName)
{
    /// <summary>As <c>--rename</c> takes it.</summary>
    public string Option => Column is null ? $"{Table}={NewName}" : $"{Table}.{Column}={NewName}";

    public string Described => Column is null ? $"table {Table} renamed to {NewName}" : $"column {Table}.{Column} renamed to {NewName}";
}
