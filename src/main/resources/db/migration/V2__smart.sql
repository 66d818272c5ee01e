-- SMART on FHIR launches and clinician sessions. Portable across H2 2.x and PostgreSQL like V1.
-- Nothing secret or PHI in clear: state, binding cookie and session id are stored as SHA-256 hex;
-- PKCE verifier, nonce, patient/encounter/fhirUser, CSRF token and the EHR's tokens are AES-GCM sealed
-- (ContentCipher) with associated data naming the row.

CREATE TABLE smart_launches (
    -- SHA-256 hex of the OAuth state
    state_hash             VARCHAR(64)              NOT NULL PRIMARY KEY,
    -- SHA-256 hex of the short-lived cookie that binds the state to the browser that started the launch
    binding_hash           VARCHAR(64)              NOT NULL,
    iss                    VARCHAR(2048)            NOT NULL,
    authorization_endpoint VARCHAR(2048)            NOT NULL,
    token_endpoint         VARCHAR(2048)            NOT NULL,
    jwks_uri               VARCHAR(2048),
    issuer                 VARCHAR(2048),
    redirect_uri           VARCHAR(2048)            NOT NULL,
    scope                  VARCHAR(2048)            NOT NULL,
    -- sealed JSON {verifier, nonce}; nulled once the launch is used
    key_id                 VARCHAR(32),
    iv                     BYTEA,
    ciphertext             BYTEA,
    created_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at                TIMESTAMP WITH TIME ZONE
);
CREATE INDEX smart_launches_expires_idx ON smart_launches (expires_at);

CREATE TABLE smart_sessions (
    -- SHA-256 hex of the session cookie's value; the value itself is never stored
    session_hash      VARCHAR(64)              NOT NULL PRIMARY KEY,
    tenant_id         VARCHAR(64)              NOT NULL,
    iss               VARCHAR(2048)            NOT NULL,
    dialect           VARCHAR(16)              NOT NULL,
    token_endpoint    VARCHAR(2048)            NOT NULL,
    scope             VARCHAR(2048)            NOT NULL,
    -- sealed JSON {patient, encounter, fhirUser, csrfToken}
    context_key_id    VARCHAR(32)              NOT NULL,
    context_iv        BYTEA                    NOT NULL,
    context_cipher    BYTEA                    NOT NULL,
    -- sealed JSON {accessToken, refreshToken}; replaced on every refresh
    tokens_key_id     VARCHAR(32)              NOT NULL,
    tokens_iv         BYTEA                    NOT NULL,
    tokens_cipher     BYTEA                    NOT NULL,
    token_expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX smart_sessions_expires_idx ON smart_sessions (expires_at);
