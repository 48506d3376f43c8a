/**
 * Teams: agents of one organization with roles, combined by a coordination pattern. This module owns the
 * definitions; runs of a team are executions (see the execution module), which read them through
 * {@link com.agenthub.team.TeamRuntime}.
 */
package com.agenthub.team;
