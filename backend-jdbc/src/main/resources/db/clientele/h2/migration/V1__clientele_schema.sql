-- Clientele schema, version 1, for H2 2.x.
-- Key columns (*_key) hold Keys.of(value): stripped and lower-cased in the root locale by Java, so that lookups are
-- case-insensitive through plain equality. Search columns (*_lc) hold the value lower-cased by Java for LIKE.
-- H2 compares strings by UTF-16 code units, as Java does, so ORDER BY login_key is the order core expects.

CREATE TABLE clientele_customers (
    login_key               VARCHAR(400)  NOT NULL,
    login                   VARCHAR(200)  NOT NULL,
    email                   VARCHAR(150),
    email_key               VARCHAR(300),
    customer_id             VARCHAR(150),
    customer_id_key         VARCHAR(300),
    title                   VARCHAR(50),
    title_lc                VARCHAR(100),
    first_name              VARCHAR(100),
    first_name_lc           VARCHAR(200),
    last_name               VARCHAR(100),
    last_name_lc            VARCHAR(200),
    phone                   VARCHAR(150),
    phone_lc                VARCHAR(300),
    fax                     VARCHAR(150),
    fax_lc                  VARCHAR(300),
    mobile                  VARCHAR(150),
    mobile_lc               VARCHAR(300),
    street                  VARCHAR(150),
    street_lc               VARCHAR(300),
    zip                     VARCHAR(200),
    zip_lc                  VARCHAR(400),
    city                    VARCHAR(200),
    city_lc                 VARCHAR(400),
    country                 VARCHAR(200),
    country_lc              VARCHAR(400),
    comments                VARCHAR(250),
    comments_lc             VARCHAR(500),
    validity                VARCHAR(30)   NOT NULL,
    additional_customer_ids CHARACTER VARYING,
    attributes              CHARACTER VARYING,
    created                 TIMESTAMP(9) WITH TIME ZONE,
    changed                 TIMESTAMP(9) WITH TIME ZONE,
    version                 BIGINT        NOT NULL,
    CONSTRAINT clientele_customers_pk PRIMARY KEY (login_key)
);
CREATE INDEX clientele_customers_email_key ON clientele_customers (email_key);
CREATE INDEX clientele_customers_customer_id_key ON clientele_customers (customer_id_key);
CREATE INDEX clientele_customers_first_name_lc ON clientele_customers (first_name_lc);
CREATE INDEX clientele_customers_last_name_lc ON clientele_customers (last_name_lc);

-- Guard rows for unique emails: a write that must keep emails unique locks the stripe of its email key first
-- (SELECT ... FOR UPDATE), then checks and writes; two writers of one email run one after the other.
CREATE TABLE clientele_email_locks (
    stripe INTEGER NOT NULL,
    CONSTRAINT clientele_email_locks_pk PRIMARY KEY (stripe)
);
INSERT INTO clientele_email_locks (stripe) SELECT X FROM SYSTEM_RANGE(0, 255);

CREATE TABLE clientele_credentials (
    login_key     VARCHAR(400)  NOT NULL,
    password_hash VARCHAR(1000) NOT NULL,
    CONSTRAINT clientele_credentials_pk PRIMARY KEY (login_key)
);

CREATE TABLE clientele_companies (
    customer_id     VARCHAR(150) NOT NULL,
    customer_id_key VARCHAR(300) NOT NULL,
    name            VARCHAR(200),
    street          VARCHAR(200),
    zip             VARCHAR(200),
    city            VARCHAR(200),
    country         VARCHAR(200),
    url             VARCHAR(200),
    comments        VARCHAR(250),
    validity        VARCHAR(30)  NOT NULL,
    CONSTRAINT clientele_companies_pk PRIMARY KEY (customer_id_key)
);

CREATE TABLE clientele_groups (
    name     VARCHAR(200) NOT NULL,
    name_key VARCHAR(400) NOT NULL,
    comments VARCHAR(250),
    validity VARCHAR(30)  NOT NULL,
    CONSTRAINT clientele_groups_pk PRIMARY KEY (name_key)
);

-- Links of customers (kind CUSTOMER, subject = login) and companies (kind COMPANY, subject = customer ID) to
-- groups. No foreign keys: customers and groups may live in another back-end (an LDAP directory).
CREATE TABLE clientele_links (
    kind        VARCHAR(10)  NOT NULL,
    subject     VARCHAR(200) NOT NULL,
    subject_key VARCHAR(400) NOT NULL,
    group_name  VARCHAR(200) NOT NULL,
    group_key   VARCHAR(400) NOT NULL,
    context     VARCHAR(30)  NOT NULL,
    permission  VARCHAR(2)   NOT NULL,
    CONSTRAINT clientele_links_pk PRIMARY KEY (kind, subject_key, group_key, context)
);
CREATE INDEX clientele_links_group_key ON clientele_links (group_key);

CREATE TABLE clientele_login_state (
    login_key     VARCHAR(400) NOT NULL,
    login         VARCHAR(200) NOT NULL,
    last_login    TIMESTAMP(9) WITH TIME ZONE,
    failed_logins INTEGER      NOT NULL,
    first_failure TIMESTAMP(9) WITH TIME ZONE,
    locked_until  TIMESTAMP(9) WITH TIME ZONE,
    CONSTRAINT clientele_login_state_pk PRIMARY KEY (login_key)
);

CREATE TABLE clientele_reset_tokens (
    token_hash VARCHAR(500) NOT NULL,
    login      VARCHAR(200) NOT NULL,
    login_key  VARCHAR(400) NOT NULL,
    expires_at TIMESTAMP(9) WITH TIME ZONE NOT NULL,
    CONSTRAINT clientele_reset_tokens_pk PRIMARY KEY (token_hash)
);
CREATE INDEX clientele_reset_tokens_login_key ON clientele_reset_tokens (login_key);

CREATE TABLE clientele_preferences (
    login_key  VARCHAR(400)  NOT NULL,
    pref_key   VARCHAR(200)  NOT NULL,
    pref_value VARCHAR(4000) NOT NULL,
    CONSTRAINT clientele_preferences_pk PRIMARY KEY (login_key, pref_key)
);
