DROP VIEW recent_audit_trail;
DROP TABLE audit_trail;
