#!/bin/sh
# Runs once, when the database volume is first initialised: the services' own role, which may connect to the
# newsingest database and create its tables there (the services migrate their schemas at start) and nothing else:
# no superuser, no CREATEDB, no CREATEROLE, no access to other databases.
set -eu
: "${NEWSINGEST_DB_USER:?NEWSINGEST_DB_USER is not set (see .env.example)}"
: "${NEWSINGEST_DB_PASSWORD:?NEWSINGEST_DB_PASSWORD is not set (see .env.example)}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
  -v role="$NEWSINGEST_DB_USER" -v password="$NEWSINGEST_DB_PASSWORD" -v database="$POSTGRES_DB" <<'SQL'
CREATE ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD :'password';
REVOKE ALL ON DATABASE :"database" FROM PUBLIC;
GRANT CONNECT, TEMPORARY, CREATE ON DATABASE :"database" TO :"role";
GRANT USAGE, CREATE ON SCHEMA public TO :"role";
SQL
