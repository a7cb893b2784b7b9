// The kit's types (TestDatabase, TestPostgres, MigrationsUnderTest...) are the tests' infrastructure, in every file.
global using Nexgent.Schema.Testing;
