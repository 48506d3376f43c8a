-- The SECURITY DEFINER functions that read across organizations (the audit log's: V12) check, inside the database, that their caller
-- is entitled: the platform admin's pages bind app.platform_admin (transaction-locally) to a user who holds the
-- SUPER_ADMIN role; system work (the dispatcher, the metrics) runs with no organization bound. A request bound to
-- an organization can call none of them, whatever the application code above gets wrong. Limits are bounded,
-- and pg_temp comes last on every definer's search_path so no temporary object can shadow a table.

CREATE FUNCTION app_caller_is_platform_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
        SELECT EXISTS (SELECT 1 FROM users
                        WHERE id = nullif(current_setting('app.platform_admin', true), '')::uuid
                          AND platform_role = 'SUPER_ADMIN')
    $$;
REVOKE ALL ON FUNCTION app_caller_is_platform_admin() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_caller_is_platform_admin() TO ${app_role};

CREATE OR REPLACE FUNCTION admin_organizations(p_search text, p_limit integer, p_offset integer)
    RETURNS TABLE (org_id uuid, org_name text, tier text, member_count bigint, suspended_at timestamptz,
                   suspended_reason text, created_at timestamptz, total_count bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    #variable_conflict use_column
    BEGIN
        IF NOT app_caller_is_platform_admin() THEN
            RAISE EXCEPTION 'permission denied: admin_organizations is for platform admins only' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY
        SELECT o.id, o.name, o.tier,
               (SELECT count(*) FROM memberships m WHERE m.org_id = o.id),
               o.suspended_at, o.suspended_reason, o.created_at,
               count(*) OVER ()
          FROM organizations o
         WHERE p_search IS NULL OR o.name ILIKE '%' || p_search || '%'
         ORDER BY o.created_at DESC, o.id
         LIMIT least(greatest(coalesce(p_limit, 0), 0), 200) OFFSET greatest(coalesce(p_offset, 0), 0);
    END
    $$;

-- Aggregates only: a platform admin, or system work with no organization bound (the metrics).
CREATE FUNCTION app_caller_is_system_or_platform_admin() RETURNS boolean
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$ SELECT app_current_org() IS NULL OR app_caller_is_platform_admin() $$;
REVOKE ALL ON FUNCTION app_caller_is_system_or_platform_admin() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_caller_is_system_or_platform_admin() TO ${app_role};

ALTER FUNCTION admin_run_stats(timestamptz) RENAME TO admin_run_stats_unchecked;
REVOKE ALL ON FUNCTION admin_run_stats_unchecked(timestamptz) FROM ${app_role};
ALTER FUNCTION admin_run_stats_unchecked(timestamptz) SET search_path = public, pg_temp;
CREATE FUNCTION admin_run_stats(p_since timestamptz)
    RETURNS TABLE (finished bigint, failed bigint, running bigint, queued bigint, oldest_queued timestamptz,
                   provider text, p50_ms double precision, p95_ms double precision, calls bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    BEGIN
        IF NOT app_caller_is_system_or_platform_admin() THEN
            RAISE EXCEPTION 'permission denied: admin_run_stats is for platform admins only' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY SELECT * FROM admin_run_stats_unchecked(greatest(p_since, now() - interval '7 days'));
    END
    $$;
REVOKE ALL ON FUNCTION admin_run_stats(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_run_stats(timestamptz) TO ${app_role};

ALTER FUNCTION admin_queue_depth() RENAME TO admin_queue_depth_unchecked;
REVOKE ALL ON FUNCTION admin_queue_depth_unchecked() FROM ${app_role};
ALTER FUNCTION admin_queue_depth_unchecked() SET search_path = public, pg_temp;
CREATE FUNCTION admin_queue_depth()
    RETURNS TABLE (priority smallint, waiting bigint, dispatched bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    BEGIN
        IF NOT app_caller_is_system_or_platform_admin() THEN
            RAISE EXCEPTION 'permission denied: admin_queue_depth is for platform admins only' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY SELECT * FROM admin_queue_depth_unchecked();
    END
    $$;
REVOKE ALL ON FUNCTION admin_queue_depth() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_queue_depth() TO ${app_role};

-- The dispatcher is system work: it runs with no organization bound, and takes at most 1,000 runs a call.
ALTER FUNCTION dispatch_executions(integer) RENAME TO dispatch_executions_unchecked;
REVOKE ALL ON FUNCTION dispatch_executions_unchecked(integer) FROM ${app_role};
ALTER FUNCTION dispatch_executions_unchecked(integer) SET search_path = public, pg_temp;
CREATE FUNCTION dispatch_executions(p_max integer)
    RETURNS TABLE (execution_id uuid, org_id uuid, priority smallint)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    BEGIN
        IF app_current_org() IS NOT NULL THEN
            RAISE EXCEPTION 'permission denied: dispatch_executions is for the dispatcher only' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY SELECT * FROM dispatch_executions_unchecked(least(greatest(coalesce(p_max, 0), 0), 1000));
    END
    $$;
REVOKE ALL ON FUNCTION dispatch_executions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION dispatch_executions(integer) TO ${app_role};

ALTER FUNCTION user_memberships(uuid) SET search_path = public, pg_temp;
ALTER FUNCTION api_token_lookup(text) SET search_path = public, pg_temp;
ALTER FUNCTION invitation_lookup(text) SET search_path = public, pg_temp;
