-- Sightline service store, version 1. Plain SQL that H2 2.x and PostgreSQL 12+ both accept:
-- VARCHAR, INTEGER, BIGINT, BOOLEAN, TIMESTAMP WITH TIME ZONE; no serial/identity columns (the
-- service assigns ids), no dialect-specific types. Hashes are lower-case hex, ciphertexts base64.

-- API tokens: only the SHA-256 of each token is stored; token_id is the public handle in the audit log.
CREATE TABLE api_tokens (
    token_hash VARCHAR(64) PRIMARY KEY,
    token_id VARCHAR(32) NOT NULL UNIQUE,
    role VARCHAR(16) NOT NULL,
    name VARCHAR(100) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);

-- The camera registry as the workflow needs it. owner_enc: AES-GCM of the owner's name, phone and
-- email (base64 of nonce || ciphertext || tag, bound to the camera id); NULL when the camera has none.
CREATE TABLE cameras (
    camera_id VARCHAR(100) PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    live_feed BOOLEAN NOT NULL,
    retention_days INTEGER NOT NULL,
    active BOOLEAN NOT NULL,
    owner_enc VARCHAR(2000)
);

-- Footage requests. status is the stored state: pending, approved or declined; "expired" is derived
-- (now past deadline and not approved). decision_token_hash: SHA-256 of the owner's one-time token,
-- NULL once used.
CREATE TABLE footage_requests (
    request_id VARCHAR(40) PRIMARY KEY,
    camera_id VARCHAR(100) NOT NULL,
    incident_id VARCHAR(100) NOT NULL,
    case_number VARCHAR(64) NOT NULL,
    window_from TIMESTAMP WITH TIME ZONE NOT NULL,
    window_to TIMESTAMP WITH TIME ZONE NOT NULL,
    deadline TIMESTAMP WITH TIME ZONE NOT NULL,
    requested_by VARCHAR(32) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    status VARCHAR(16) NOT NULL,
    decided_at TIMESTAMP WITH TIME ZONE,
    decision_token_hash VARCHAR(64)
);
CREATE INDEX footage_requests_camera ON footage_requests(camera_id);
CREATE INDEX footage_requests_created ON footage_requests(created_at);

-- Owner notifications for a mail/SMS gateway (out of scope). payload_enc: AES-GCM of the message,
-- which holds the owner's contact and the one-time decision token.
CREATE TABLE outbox (
    message_id VARCHAR(40) PRIMARY KEY,
    request_id VARCHAR(40) NOT NULL,
    kind VARCHAR(32) NOT NULL,
    payload_enc VARCHAR(4000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX outbox_unsent ON outbox(sent_at);

-- The append-only audit log: hash = SHA-256(prev_hash || canonical entry), see AuditChain.
CREATE TABLE audit_log (
    seq BIGINT PRIMARY KEY,
    at_ms BIGINT NOT NULL,
    actor VARCHAR(64) NOT NULL,
    role VARCHAR(16) NOT NULL,
    action VARCHAR(200) NOT NULL,
    target VARCHAR(500) NOT NULL,
    outcome INTEGER NOT NULL,
    detail VARCHAR(500) NOT NULL,
    prev_hash VARCHAR(64) NOT NULL,
    hash VARCHAR(64) NOT NULL
);
