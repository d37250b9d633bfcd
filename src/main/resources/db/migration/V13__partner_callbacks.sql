-- Decision callbacks (module: callback). A partner channel registers one HTTPS URL; every final status
-- of an application it submitted is then sent there, signed with the partner's secret, by the process
-- decision-notification (its attempts, retries and incidents are the engine's history, not a table here).
create table partner_callback (
    partner            varchar(64)              primary key,
    url                varchar(2048)            not null,
    -- the signing secret, encrypted (AES-GCM) with creditflow.callbacks.secret-key; shown to the
    -- partner once, when it is made
    secret_ciphertext  varchar(512)             not null,
    -- the salt the encryption key is derived with from creditflow.callbacks.secret-key, hex
    secret_salt        varchar(32)              not null,
    registered_at      timestamp with time zone not null,
    updated_at         timestamp with time zone not null
);
