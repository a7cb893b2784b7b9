-- Run by ExecuteScript.cs through Execute.Script.
CREATE TABLE reports (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE,
    body jsonb NOT NULL DEFAULT '{}'
);

CREATE INDEX ix_reports_body ON reports USING gin (body);
INSERT INTO reports (name) VALUES ('daily'), ('weekly');
