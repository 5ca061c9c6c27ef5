-- The indexes the README advises for the mapped mode on PostgreSQL: Clientele matches logins, emails and customer
-- IDs case-insensitively with LOWER(col) = ?, which Znuny's own indexes do not serve. The unique one also keeps two
-- logins that differ only in case out (Znuny's UNIQUE (login) is exact).
CREATE UNIQUE INDEX customer_user_login_lower ON customer_user (LOWER(login));
CREATE INDEX customer_user_email_lower ON customer_user (LOWER(email));
CREATE INDEX customer_user_customer_id_lower ON customer_user (LOWER(customer_id));
CREATE INDEX customer_company_customer_id_lower ON customer_company (LOWER(customer_id));
