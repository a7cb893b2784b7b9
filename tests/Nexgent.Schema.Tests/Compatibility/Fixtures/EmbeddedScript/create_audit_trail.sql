-- Embedded in EmbeddedScript.dll, run through Execute.EmbeddedScript.
CREATE TABLE audit_trail (
    id bigserial PRIMARY KEY,
    happened_at timestamptz NOT NULL DEFAULT now(),
    what text NOT NULL CHECK (what <> '')
);

CREATE VIEW recent_audit_trail AS SELECT * FROM audit_trail WHERE happened_at > now() - interval '1 day';
