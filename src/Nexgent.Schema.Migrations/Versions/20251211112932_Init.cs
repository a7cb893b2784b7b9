using System.Data;
using FluentMigrator;
using Nexgent.Schema.Postgres;

namespace Nexgent.Schema.Migrations.Versions;

[Migration(20251211112932, "init")]
[LosesData(MigrationDirection.Down, "every Nexgent table is dropped with all its rows, and the TransactionType enum with it.")]
public sealed class Init : Migration
{
    public override void Up()
    {
        Execute.CreateEnumType("TransactionType", "DEPOSIT", "WITHDRAWAL", "SWAP", "BURN");

        Create.Table("users")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("users"))
            .WithColumn("email").AsString(255).NotNullable()
            .WithColumn("password_hash").AsString(255).Nullable()
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp()
            .WithColumn("failed_login_attempts").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("locked_until").AsTimestampTz().Nullable();

        Create.Table("agents")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("agents"))
            .WithColumn("user_id").AsGuid().NotNullable()
            .WithColumn("name").AsString(255).NotNullable()
            .WithColumn("trading_mode").AsString(20).NotNullable().WithDefaultValue("simulation")
            .WithColumn("trading_config").AsJsonb().Nullable()
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp()
            .WithColumn("updated_at").AsTimestampTz().NotNullable();

        Create.Table("agent_balances")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("agent_balances"))
            .WithColumn("agent_id").AsGuid().NotNullable()
            .WithColumn("wallet_address").AsString(44).NotNullable()
            .WithColumn("token_address").AsString(255).NotNullable()
            .WithColumn("token_symbol").AsString(20).NotNullable()
            .WithColumn("balance").AsText().NotNullable()
            .WithColumn("last_updated").AsTimestampTz().NotNullable();

        Create.Table("trading_signals")
            .WithColumn("id").AsSerial().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("trading_signals"))
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp()
            .WithColumn("updated_at").AsTimestampTz().NotNullable()
            .WithColumn("token_address").AsString(255).NotNullable()
            .WithColumn("symbol").AsString(50).Nullable()
            .WithColumn("price_sol").AsNumeric(20, 8).Nullable()
            .WithColumn("signal_type").AsString(50).NotNullable()
            .WithColumn("activation_reason").AsText().Nullable()
            .WithColumn("signal_strength").AsInt32().NotNullable()
            .WithColumn("source").AsString(100).Nullable();

        Create.Table("signal_executions")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("signal_executions"))
            .WithColumn("signal_id").AsInt32().NotNullable()
            .WithColumn("agent_id").AsGuid().NotNullable()
            .WithColumn("status").AsString(20).NotNullable()
            .WithColumn("transaction_id").AsGuid().Nullable()
            .WithColumn("error").AsText().Nullable()
            .WithColumn("executed_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp();

        Create.Table("agent_transactions")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("agent_transactions"))
            .WithColumn("agent_id").AsGuid().NotNullable()
            .WithColumn("wallet_address").AsString(44).Nullable()
            .WithColumn("transaction_type").AsEnum("TransactionType").NotNullable()
            .WithColumn("transaction_value_usd").AsNumeric(20, 8).NotNullable()
            .WithColumn("transaction_time").AsTimestampTz().NotNullable()
            .WithColumn("destination_address").AsString(255).Nullable()
            .WithColumn("signal_id").AsInt32().Nullable()
            .WithColumn("fees").AsNumeric(20, 8).Nullable()
            .WithColumn("routes").AsJsonb().Nullable()
            .WithColumn("input_mint").AsString(255).Nullable()
            .WithColumn("input_symbol").AsString(20).Nullable()
            .WithColumn("input_amount").AsNumeric(20, 8).Nullable()
            .WithColumn("input_price").AsNumeric(20, 8).Nullable()
            .WithColumn("output_mint").AsString(255).Nullable()
            .WithColumn("output_symbol").AsString(20).Nullable()
            .WithColumn("output_amount").AsNumeric(20, 8).Nullable()
            .WithColumn("output_price").AsNumeric(20, 8).Nullable()
            .WithColumn("slippage").AsNumeric(10, 4).Nullable()
            .WithColumn("price_impact").AsNumeric(10, 4).Nullable()
            .WithColumn("is_dca").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("transaction_hash").AsString(255).Nullable()
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp()
            .WithColumn("updated_at").AsTimestampTz().NotNullable();

        Create.Table("agent_historical_swaps")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("agent_historical_swaps"))
            .WithColumn("agent_id").AsGuid().NotNullable()
            .WithColumn("wallet_address").AsString(44).Nullable()
            .WithColumn("token_address").AsString(255).NotNullable()
            .WithColumn("token_symbol").AsString(20).NotNullable()
            .WithColumn("amount").AsNumeric(20, 8).NotNullable()
            .WithColumn("purchase_price").AsNumeric(20, 8).NotNullable()
            .WithColumn("sale_price").AsNumeric(20, 8).NotNullable()
            .WithColumn("change_percent").AsNumeric(10, 4).NotNullable()
            .WithColumn("profit_loss_usd").AsNumeric(20, 8).NotNullable()
            .WithColumn("profit_loss_sol").AsNumeric(20, 8).NotNullable()
            .WithColumn("purchase_time").AsTimestampTz().NotNullable()
            .WithColumn("sale_time").AsTimestampTz().NotNullable()
            .WithColumn("purchase_transaction_id").AsGuid().Nullable()
            .WithColumn("sale_transaction_id").AsGuid().Nullable()
            .WithColumn("signal_id").AsInt32().Nullable()
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp();

        Create.Table("agent_wallets")
            .WithColumn("wallet_address").AsString(44).NotNullable().PrimaryKey(PrismaNames.PrimaryKey("agent_wallets"))
            .WithColumn("agent_id").AsGuid().NotNullable()
            .WithColumn("wallet_type").AsString(20).NotNullable()
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp()
            .WithColumn("updated_at").AsTimestampTz().NotNullable();

        Create.Table("agent_positions")
            .WithColumn("id").AsGuid().NotNullable().PrimaryKey(PrismaNames.PrimaryKey("agent_positions"))
            .WithColumn("agent_id").AsGuid().NotNullable()
            .WithColumn("wallet_address").AsString(44).NotNullable()
            .WithColumn("token_address").AsString(255).NotNullable()
            .WithColumn("token_symbol").AsString(20).NotNullable()
            .WithColumn("purchase_transaction_id").AsGuid().NotNullable()
            .WithColumn("purchase_price").AsNumeric(20, 8).NotNullable()
            .WithColumn("purchase_amount").AsNumeric(20, 8).NotNullable()
            .WithColumn("current_stop_loss_percentage").AsNumeric(5, 2).Nullable()
            .WithColumn("peak_price").AsNumeric(20, 8).Nullable()
            .WithColumn("last_stop_loss_update").AsTimestampTz().Nullable()
            .WithColumn("created_at").AsTimestampTz().NotNullable().WithDefaultCurrentTimestamp()
            .WithColumn("updated_at").AsTimestampTz().NotNullable();

        Create.UniqueIndexOn("users", "email");
        Create.IndexOn("agents", "user_id");
        Create.IndexOn("agent_balances", "agent_id");
        Create.IndexOn("agent_balances", "wallet_address");
        Create.IndexOn("agent_balances", "token_address");
        Create.IndexOn("agent_balances", "agent_id", "wallet_address");
        Create.UniqueIndexOn("agent_balances", "wallet_address", "token_address");
        Create.IndexOn("trading_signals", "token_address");
        Create.IndexOn("trading_signals", "signal_type");
        Create.IndexOn("trading_signals", "created_at");
        Create.IndexOn("signal_executions", "signal_id");
        Create.IndexOn("signal_executions", "agent_id");
        Create.UniqueIndexOn("signal_executions", "signal_id", "agent_id");
        Create.IndexOn("agent_transactions", "agent_id");
        Create.IndexOn("agent_transactions", "wallet_address");
        Create.IndexOn("agent_transactions", "transaction_type");
        Create.IndexOn("agent_transactions", "transaction_time");
        Create.IndexOn("agent_transactions", "signal_id");
        Create.IndexOn("agent_transactions", "agent_id", "transaction_time");
        Create.IndexOn("agent_transactions", "agent_id", "transaction_type");
        Create.IndexOn("agent_transactions", "agent_id", "wallet_address");
        Create.IndexOn("agent_historical_swaps", "agent_id");
        Create.IndexOn("agent_historical_swaps", "wallet_address");
        Create.IndexOn("agent_historical_swaps", "token_address");
        Create.IndexOn("agent_historical_swaps", "purchase_time");
        Create.IndexOn("agent_historical_swaps", "sale_time");
        Create.IndexOn("agent_historical_swaps", "signal_id");
        Create.IndexOn("agent_historical_swaps", "purchase_transaction_id");
        Create.IndexOn("agent_historical_swaps", "sale_transaction_id");
        Create.IndexOn("agent_historical_swaps", "agent_id", "created_at");
        Create.IndexOn("agent_historical_swaps", "agent_id", "purchase_time");
        Create.IndexOn("agent_historical_swaps", "agent_id", "sale_time");
        Create.IndexOn("agent_historical_swaps", "agent_id", "signal_id");
        Create.IndexOn("agent_historical_swaps", "agent_id", "token_address");
        Create.IndexOn("agent_historical_swaps", "agent_id", "wallet_address");
        Create.IndexOn("agent_wallets", "agent_id");
        Create.UniqueIndexOn("agent_wallets", "agent_id", "wallet_type");
        Create.IndexOn("agent_positions", "agent_id");
        Create.IndexOn("agent_positions", "token_address");
        Create.IndexOn("agent_positions", "purchase_transaction_id");
        Create.IndexOn("agent_positions", "agent_id", "wallet_address");
        Create.UniqueIndexOn("agent_positions", "purchase_transaction_id");
        Create.UniqueIndexOn("agent_positions", "agent_id", "wallet_address", "token_address");

        Create.ForeignKeyOn("agents", "user_id", "users");
        Create.ForeignKeyOn("agent_balances", "agent_id", "agents");
        Create.ForeignKeyOn("agent_balances", "wallet_address", "agent_wallets", "wallet_address");
        Create.ForeignKeyOn("signal_executions", "signal_id", "trading_signals");
        Create.ForeignKeyOn("signal_executions", "agent_id", "agents");
        Create.ForeignKeyOn("signal_executions", "transaction_id", "agent_transactions", onDelete: Rule.SetNull);
        Create.ForeignKeyOn("agent_transactions", "agent_id", "agents");
        Create.ForeignKeyOn("agent_transactions", "wallet_address", "agent_wallets", "wallet_address");
        Create.ForeignKeyOn("agent_transactions", "signal_id", "trading_signals", onDelete: Rule.SetNull);
        Create.ForeignKeyOn("agent_historical_swaps", "agent_id", "agents");
        Create.ForeignKeyOn("agent_historical_swaps", "wallet_address", "agent_wallets", "wallet_address");
        Create.ForeignKeyOn("agent_historical_swaps", "purchase_transaction_id", "agent_transactions", onDelete: Rule.SetNull);
        Create.ForeignKeyOn("agent_historical_swaps", "sale_transaction_id", "agent_transactions", onDelete: Rule.SetNull);
        Create.ForeignKeyOn("agent_historical_swaps", "signal_id", "trading_signals", onDelete: Rule.SetNull);
        Create.ForeignKeyOn("agent_wallets", "agent_id", "agents");
        Create.ForeignKeyOn("agent_positions", "agent_id", "agents");
        Create.ForeignKeyOn("agent_positions", "wallet_address", "agent_wallets", "wallet_address");
        Create.ForeignKeyOn("agent_positions", "purchase_transaction_id", "agent_transactions");
    }

    public override void Down()
    {
        // Children first, so that no foreign key has to be dropped on its own.
        Delete.Table("agent_positions");
        Delete.Table("agent_historical_swaps");
        Delete.Table("signal_executions");
        Delete.Table("agent_balances");
        Delete.Table("agent_transactions");
        Delete.Table("agent_wallets");
        Delete.Table("trading_signals");
        Delete.Table("agents");
        Delete.Table("users");
        Execute.DropEnumType("TransactionType");
    }
}
