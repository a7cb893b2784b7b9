namespace Nexgent.Schema.Tests.Data;

/// <summary>
/// Realistic Nexgent rows for the tables of the first version (20251211112932): two users, three
/// agents with simulation and live wallets, balances, signals and their executions, a transaction of
/// every TransactionType, open positions and closed (historical) swaps.
/// </summary>
public static class NexgentSeed
{
    public const string Alice = "11111111-1111-1111-1111-111111111111";
    public const string Bob = "22222222-2222-2222-2222-222222222222";
    public const string AliceSimAgent = "a0000000-0000-0000-0000-000000000001";
    public const string AliceLiveAgent = "a0000000-0000-0000-0000-000000000002";
    public const string BobAgent = "a0000000-0000-0000-0000-000000000003";
    public const string SimWallet = "SimWa11et1111111111111111111111111111111111";
    public const string LiveWallet = "LiveWa11et111111111111111111111111111111111";
    public const string BobWallet = "BobWa11et1111111111111111111111111111111111";

    /// <summary>Position bought at 0.00012345 SOL per token, 1,000,000 tokens: 123.45 SOL invested.</summary>
    public const string MemecoinPosition = "b0000000-0000-0000-0000-000000000001";

    /// <summary>Position bought at 2.5 SOL per token, 4 tokens: 10 SOL invested.</summary>
    public const string BluechipPosition = "b0000000-0000-0000-0000-000000000002";

    public const string Sql = $$"""
        INSERT INTO users (id, email, password_hash, created_at, failed_login_attempts, locked_until) VALUES
          ('{{Alice}}', 'alice@example.com', '$2b$10$abcdefghijklmnopqrstuv', '2025-12-01 10:00:00+00', 0, NULL),
          ('{{Bob}}', 'bob@example.com', NULL, '2025-12-02 11:00:00+00', 3, '2025-12-02 12:00:00+00');

        INSERT INTO agents (id, user_id, name, trading_mode, trading_config, created_at, updated_at) VALUES
          ('{{AliceSimAgent}}', '{{Alice}}', 'Sniper (paper)', 'simulation', '{"stopLoss":{"enabled":true,"defaultPercentage":-32} }', '2025-12-03 09:00:00+00', '2025-12-03 09:00:00+00'),
          ('{{AliceLiveAgent}}', '{{Alice}}', 'Sniper (live)', 'live', NULL, '2025-12-03 09:05:00+00', '2025-12-04 09:05:00+00'),
          ('{{BobAgent}}', '{{Bob}}', 'Momentum', 'simulation', '{"maxPositions":5}', '2025-12-05 08:00:00+00', '2025-12-05 08:00:00+00');

        INSERT INTO agent_wallets (wallet_address, agent_id, wallet_type, created_at, updated_at) VALUES
          ('{{SimWallet}}', '{{AliceSimAgent}}', 'simulation', '2025-12-03 09:00:00+00', '2025-12-03 09:00:00+00'),
          ('{{LiveWallet}}', '{{AliceLiveAgent}}', 'live', '2025-12-03 09:05:00+00', '2025-12-03 09:05:00+00'),
          ('{{BobWallet}}', '{{BobAgent}}', 'simulation', '2025-12-05 08:00:00+00', '2025-12-05 08:00:00+00');

        INSERT INTO agent_balances (id, agent_id, wallet_address, token_address, token_symbol, balance, last_updated) VALUES
          ('c0000000-0000-0000-0000-000000000001', '{{AliceSimAgent}}', '{{SimWallet}}', 'So11111111111111111111111111111111111111112', 'SOL', '12.5', '2025-12-06 10:00:00+00'),
          ('c0000000-0000-0000-0000-000000000002', '{{AliceSimAgent}}', '{{SimWallet}}', 'Meme111111111111111111111111111111111111111', 'MEME', '1000000', '2025-12-06 10:00:00+00'),
          ('c0000000-0000-0000-0000-000000000003', '{{AliceLiveAgent}}', '{{LiveWallet}}', 'So11111111111111111111111111111111111111112', 'SOL', '3.25', '2025-12-06 10:00:00+00');

        INSERT INTO trading_signals (created_at, updated_at, token_address, symbol, price_sol, signal_type, activation_reason, signal_strength, source) VALUES
          ('2025-12-06 09:00:00+00', '2025-12-06 09:00:00+00', 'Meme111111111111111111111111111111111111111', 'MEME', 0.00012345, 'BUY', 'volume spike', 4, 'scanner'),
          ('2025-12-06 09:30:00+00', '2025-12-06 09:30:00+00', 'Blue111111111111111111111111111111111111111', 'BLUE', 2.5, 'BUY', NULL, 5, 'manual'),
          ('2025-12-07 09:00:00+00', '2025-12-07 09:00:00+00', 'Meme111111111111111111111111111111111111111', 'MEME', 0.0002, 'SELL', 'take profit', 3, NULL);

        INSERT INTO agent_transactions (id, agent_id, wallet_address, transaction_type, transaction_value_usd, transaction_time, destination_address, signal_id, fees, routes,
                                        input_mint, input_symbol, input_amount, input_price, output_mint, output_symbol, output_amount, output_price,
                                        slippage, price_impact, is_dca, transaction_hash, created_at, updated_at) VALUES
          ('d0000000-0000-0000-0000-000000000001', '{{AliceSimAgent}}', '{{SimWallet}}', 'DEPOSIT', 2500, '2025-12-06 08:00:00+00', NULL, NULL, NULL, NULL,
           NULL, NULL, NULL, NULL, 'So11111111111111111111111111111111111111112', 'SOL', 20, 125, NULL, NULL, false, NULL, '2025-12-06 08:00:00+00', '2025-12-06 08:00:00+00'),
          ('d0000000-0000-0000-0000-000000000002', '{{AliceSimAgent}}', '{{SimWallet}}', 'SWAP', 15431.25, '2025-12-06 09:01:00+00', NULL, 1, 0.000005, '[{"amm":"raydium"}]',
           'So11111111111111111111111111111111111111112', 'SOL', 123.45, 125, 'Meme111111111111111111111111111111111111111', 'MEME', 1000000, 0.00012345, 0.5, 0.0123, false, '5hash1', '2025-12-06 09:01:00+00', '2025-12-06 09:01:00+00'),
          ('d0000000-0000-0000-0000-000000000003', '{{AliceSimAgent}}', '{{SimWallet}}', 'SWAP', 1250, '2025-12-06 09:31:00+00', NULL, 2, 0.000005, NULL,
           'So11111111111111111111111111111111111111112', 'SOL', 10, 125, 'Blue111111111111111111111111111111111111111', 'BLUE', 4, 2.5, 0.3, 0.001, true, '5hash2', '2025-12-06 09:31:00+00', '2025-12-06 09:31:00+00'),
          ('d0000000-0000-0000-0000-000000000004', '{{AliceLiveAgent}}', '{{LiveWallet}}', 'WITHDRAWAL', 125, '2025-12-06 12:00:00+00', 'Dest111111111111111111111111111111111111111', NULL, 0.000005, NULL,
           'So11111111111111111111111111111111111111112', 'SOL', 1, 125, NULL, NULL, NULL, NULL, NULL, NULL, false, '5hash3', '2025-12-06 12:00:00+00', '2025-12-06 12:00:00+00'),
          ('d0000000-0000-0000-0000-000000000005', '{{BobAgent}}', '{{BobWallet}}', 'BURN', 0.5, '2025-12-07 10:00:00+00', NULL, 3, NULL, NULL,
           'Dust111111111111111111111111111111111111111', 'DUST', 5000, 0.0001, NULL, NULL, NULL, NULL, NULL, NULL, false, '5hash4', '2025-12-07 10:00:00+00', '2025-12-07 10:00:00+00');

        INSERT INTO signal_executions (id, signal_id, agent_id, status, transaction_id, error, executed_at) VALUES
          ('e0000000-0000-0000-0000-000000000001', 1, '{{AliceSimAgent}}', 'executed', 'd0000000-0000-0000-0000-000000000002', NULL, '2025-12-06 09:01:00+00'),
          ('e0000000-0000-0000-0000-000000000002', 2, '{{AliceSimAgent}}', 'executed', 'd0000000-0000-0000-0000-000000000003', NULL, '2025-12-06 09:31:00+00'),
          ('e0000000-0000-0000-0000-000000000003', 1, '{{BobAgent}}', 'failed', NULL, 'insufficient balance', '2025-12-06 09:02:00+00');

        INSERT INTO agent_positions (id, agent_id, wallet_address, token_address, token_symbol, purchase_transaction_id, purchase_price, purchase_amount,
                                     current_stop_loss_percentage, peak_price, last_stop_loss_update, created_at, updated_at) VALUES
          ('{{MemecoinPosition}}', '{{AliceSimAgent}}', '{{SimWallet}}', 'Meme111111111111111111111111111111111111111', 'MEME', 'd0000000-0000-0000-0000-000000000002', 0.00012345, 1000000,
           -32, 0.00015, '2025-12-06 15:00:00+00', '2025-12-06 09:01:00+00', '2025-12-06 15:00:00+00'),
          ('{{BluechipPosition}}', '{{AliceSimAgent}}', '{{SimWallet}}', 'Blue111111111111111111111111111111111111111', 'BLUE', 'd0000000-0000-0000-0000-000000000003', 2.5, 4,
           NULL, NULL, NULL, '2025-12-06 09:31:00+00', '2025-12-06 09:31:00+00');

        INSERT INTO agent_historical_swaps (id, agent_id, wallet_address, token_address, token_symbol, amount, purchase_price, sale_price, change_percent,
                                            profit_loss_usd, profit_loss_sol, purchase_time, sale_time, purchase_transaction_id, sale_transaction_id, signal_id, created_at) VALUES
          ('f0000000-0000-0000-0000-000000000001', '{{AliceSimAgent}}', '{{SimWallet}}', 'Meme111111111111111111111111111111111111111', 'MEME', 500000, 0.0001, 0.0002, 100,
           6250, 50, '2025-12-05 09:00:00+00', '2025-12-06 09:00:00+00', NULL, NULL, 3, '2025-12-06 09:00:00+00'),
          ('f0000000-0000-0000-0000-000000000002', '{{BobAgent}}', NULL, 'Rug1111111111111111111111111111111111111111', 'RUG', 100, 1.2, 0.3, -75,
           -11250, -90, '2025-12-04 09:00:00+00', '2025-12-04 10:00:00+00', NULL, NULL, NULL, '2025-12-04 10:00:00+00');
        """;

    /// <summary>The columns of the first version, per table, that no later migration drops (price_sol is, by design).</summary>
    public static readonly IReadOnlyDictionary<string, string> SurvivingColumns = new Dictionary<string, string>
    {
        ["users"] = "id, email, password_hash, created_at, failed_login_attempts, locked_until",
        ["agents"] = "id, user_id, name, trading_mode, trading_config::text, created_at, updated_at",
        ["agent_wallets"] = "wallet_address, agent_id, wallet_type, created_at, updated_at",
        ["agent_balances"] = "id, agent_id, wallet_address, token_address, token_symbol, balance, last_updated",
        ["trading_signals"] = "id, created_at, updated_at, token_address, symbol, signal_type, activation_reason, signal_strength, source",
        ["signal_executions"] = "id, signal_id, agent_id, status, transaction_id, error, executed_at",
        ["agent_transactions"] = "id, agent_id, wallet_address, transaction_type::text, transaction_value_usd, transaction_time, destination_address, signal_id, fees, routes::text, input_mint, input_symbol, input_amount, input_price, output_mint, output_symbol, output_amount, output_price, slippage, price_impact, is_dca, transaction_hash, created_at, updated_at",
        ["agent_positions"] = "id, agent_id, wallet_address, token_address, token_symbol, purchase_transaction_id, purchase_price, purchase_amount, current_stop_loss_percentage, peak_price, last_stop_loss_update, created_at, updated_at",
        ["agent_historical_swaps"] = "id, agent_id, wallet_address, token_address, token_symbol, amount, purchase_price, sale_price, change_percent, profit_loss_usd, profit_loss_sol, purchase_time, sale_time, purchase_transaction_id, sale_transaction_id, signal_id, created_at",
    };
}
