-- The admin audit log filters by organization, actor, action and date. This signature replaces V1's unchecked
-- admin_audit_events(p_limit, p_offset), which nothing calls any more: the entitlement check of V11 (a bound
-- platform admin), a bounded limit, and pg_temp last on its search_path. Text filters match as plain
-- substrings (strpos), so a % or _ typed into the form is not a wildcard.
CREATE FUNCTION admin_audit_events(p_org text, p_actor text, p_action text, p_from timestamptz, p_until timestamptz,
                                   p_limit integer, p_offset integer)
    RETURNS TABLE (id bigint, org_id uuid, org_name text, actor_email text, action text, target text,
                   detail text, ip_address text, created_at timestamptz, total_count bigint)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public, pg_temp
    AS $$
    #variable_conflict use_column
    BEGIN
        IF NOT app_caller_is_platform_admin() THEN
            RAISE EXCEPTION 'permission denied: admin_audit_events is for platform admins only' USING ERRCODE = '42501';
        END IF;
        RETURN QUERY
        SELECT a.id, a.org_id, o.name, a.actor_email, a.action, a.target, a.detail, a.ip_address,
               a.created_at, count(*) OVER ()
          FROM audit_events a LEFT JOIN organizations o ON o.id = a.org_id
         WHERE (p_org IS NULL OR a.org_id::text = p_org OR strpos(lower(o.name), lower(p_org)) > 0)
           AND (p_actor IS NULL OR strpos(lower(a.actor_email), lower(p_actor)) > 0)
           AND (p_action IS NULL OR strpos(a.action, upper(p_action)) > 0)
           AND (p_from IS NULL OR a.created_at >= p_from)
           AND (p_until IS NULL OR a.created_at < p_until)
         ORDER BY a.created_at DESC, a.id DESC
         LIMIT least(greatest(coalesce(p_limit, 0), 0), 200) OFFSET greatest(coalesce(p_offset, 0), 0);
    END
    $$;
REVOKE ALL ON FUNCTION admin_audit_events(text, text, text, timestamptz, timestamptz, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION admin_audit_events(text, text, text, timestamptz, timestamptz, integer, integer) TO ${app_role};

DROP FUNCTION admin_audit_events(integer, integer);
