-- Parents for the benchmark's production-sized tables: 1,000 users, 10,000 agents with a wallet each,
-- 1,000 signals. bench_agents numbers the agents so the big tables can spread their rows over them.
INSERT INTO users (id, email, created_at)
  SELECT md5('u' || g)::uuid, 'user' || g || '@example.com', now() FROM generate_series(1, 1000) g;
INSERT INTO agents (id, user_id, name, trading_mode, updated_at)
  SELECT md5('a' || g)::uuid, md5('u' || (1 + g % 1000))::uuid, 'agent ' || g, CASE WHEN g % 3 = 0 THEN 'live' ELSE 'simulation' END, now()
  FROM generate_series(1, 10000) g;
INSERT INTO agent_wallets (wallet_address, agent_id, wallet_type, updated_at)
  SELECT 'W' || lpad(g::text, 43, '0'), md5('a' || g)::uuid, 'simulation', now() FROM generate_series(1, 10000) g;
INSERT INTO trading_signals (updated_at, token_address, symbol, signal_type, signal_strength)
  SELECT now(), 'Mint' || g, 'TOK', 'BUY', 1 + g % 5 FROM generate_series(1, 1000) g;
CREATE TABLE bench_agents AS
  SELECT g AS n, md5('a' || g)::uuid AS id, 'W' || lpad(g::text, 43, '0') AS wallet FROM generate_series(1, 10000) g;
