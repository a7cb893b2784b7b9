// jsonb columns through AsCustom("jsonb") (with a default and rows), and foreign keys: inline on a column, with
// ON DELETE rules, composite, and created and deleted on their own.
using FluentMigrator;

namespace Compat.Documents;

[Migration(1, "CreateFolders")]
public sealed class CreateFolders : Migration
{
    public override void Up()
    {
        Create.Table("folders")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("parent_id").AsInt32().Nullable().ForeignKey("fk_folders_parent", "folders", "id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("settings").AsCustom("jsonb").NotNullable().WithDefaultValue(RawSql.Insert("'{}'::jsonb"));
        Insert.IntoTable("folders").Row(new { id = 1, settings = "{\"color\": \"blue\", \"tags\": [1, 2]}" });
    }

    public override void Down()
    {
        Delete.Table("folders");
    }
}

[Migration(2, "CreateDocuments")]
public sealed class CreateDocuments : Migration
{
    public override void Up()
    {
        Create.Table("documents")
            .WithColumn("folder_id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("number").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("body").AsCustom("jsonb").Nullable()
            .WithColumn("reviewer_folder_id").AsInt32().Nullable();
        Create.ForeignKey("fk_documents_folder").FromTable("documents").ForeignColumn("folder_id")
            .ToTable("folders").PrimaryColumn("id").OnDelete(System.Data.Rule.Cascade);
        Create.ForeignKey("fk_documents_reviewer_folder").FromTable("documents").ForeignColumn("reviewer_folder_id")
            .ToTable("folders").PrimaryColumn("id").OnDeleteOrUpdate(System.Data.Rule.SetNull);
        Create.Table("document_links")
            .WithColumn("id").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("folder_id").AsInt32().NotNullable()
            .WithColumn("number").AsInt32().NotNullable();
        Create.ForeignKey("fk_document_links_documents").FromTable("document_links").ForeignColumns("folder_id", "number")
            .ToTable("documents").PrimaryColumns("folder_id", "number");
        Insert.IntoTable("documents").Row(new { folder_id = 1, number = 1, body = "{\"title\": \"a\"}" });
    }

    public override void Down()
    {
        Delete.ForeignKey("fk_document_links_documents").OnTable("document_links");
        Delete.Table("document_links");
        Delete.ForeignKey("fk_documents_reviewer_folder").OnTable("documents");
        Delete.Table("documents");
    }
}

[Migration(3, "IndexDocumentBodies")]
public sealed class IndexDocumentBodies : Migration
{
    public override void Up()
    {
        Execute.Sql("CREATE INDEX ix_documents_body ON documents USING gin (body jsonb_path_ops)");
    }

    public override void Down()
    {
        Delete.Index("ix_documents_body").OnTable("documents");
    }
}
