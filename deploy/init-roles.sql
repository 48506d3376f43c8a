-- Run once as the PostgreSQL superuser before the first start.
-- agenthub_owner owns the schema and runs the migrations; agenthub_app is what the app connects as:
-- not a superuser, no BYPASSRLS, owns no table, so row-level security always applies to it.
CREATE ROLE agenthub_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE agenthub_app LOGIN PASSWORD 'change-me-app' NOSUPERUSER NOBYPASSRLS;
CREATE DATABASE agenthub OWNER agenthub_owner;
