"""The group's figures computed in the database: per branch, per salesperson, and the group.

For a manager of many branches, or a new PC: one query over the events table instead of
reading a year of the log. The figures are the Team KPIs' (app.core.kpi) for the leads
received in [since, until), with the SLA start taken as `received_at` (the database knows
no branch's opening hours), so a lead that landed at night counts its wait from then.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from app.core.kpi import KPI_KEYS

GROUP_SQL = """
WITH claims AS (
    SELECT DISTINCT ON (lead) lead, "user" AS owner, branch, received_at
    FROM events WHERE type = 'claimed' ORDER BY lead, ts DESC
), leads AS (
    SELECT * FROM claims WHERE received_at >= %(since)s AND received_at < %(until)s
), calls AS (
    SELECT lead, min(ts) AS first_call, count(*) AS n,
           bool_or(outcome IN ('reached', 'appointment')) AS reached,
           bool_or(outcome = 'appointment') AS appointment
    FROM events WHERE type = 'call' GROUP BY lead
), sold AS (
    SELECT DISTINCT lead FROM events WHERE type = 'sold'
)
SELECT l.branch, l.owner, count(*) AS leads,
       percentile_cont(0.5) WITHIN GROUP (
           ORDER BY extract(epoch FROM c.first_call - l.received_at)) AS first_call_median_s,
       100.0 * count(*) FILTER (WHERE c.first_call - l.received_at <= interval '120 seconds')
           / count(*) AS within_2min_pct,
       100.0 * count(*) FILTER (WHERE c.reached) / count(*) AS reached_pct,
       100.0 * count(*) FILTER (WHERE NOT coalesce(c.reached, false) AND c.n >= 3)
           / greatest(count(*) FILTER (WHERE NOT coalesce(c.reached, false)), 1)
           AS three_attempts_pct,
       100.0 * count(*) FILTER (WHERE c.appointment) / count(*) AS appointment_pct,
       100.0 * count(s.lead) / count(*) AS sold_pct
FROM leads l LEFT JOIN calls c USING (lead) LEFT JOIN sold s USING (lead)
GROUP BY GROUPING SETS ((l.branch, l.owner), (l.branch), ())
ORDER BY l.branch NULLS FIRST, l.owner NULLS FIRST
"""

COLUMNS = ("branch", "owner", *KPI_KEYS)


def group_figures(conn: Any, since: datetime, until: datetime) -> list[dict[str, Any]]:
    """Rows: branch=None and owner=None is the group; owner=None a branch's total."""
    with conn.transaction():
        # A year's sorts fit in memory instead of spilling to disk (the default is 4 MB).
        conn.execute("SET LOCAL work_mem = '32MB'")
        rows = conn.execute(GROUP_SQL, {"since": since, "until": until}).fetchall()
    return [
        {k: (float(v) if k.endswith(("_pct", "_s")) and v is not None else v) for k, v in row}
        for row in (zip(COLUMNS, r, strict=True) for r in rows)
    ]


# Per lead, what the KPIs read, folded as a PC folds the activity log (app.core.fold): the
# landing from the first claim, owner and branch from the latest, calls in (ts, id) order
# with the first one's `started` (when Call now was pressed). The KPIs themselves are then
# computed by the same Python as on a folder inbox (app.core.kpi), with each PC's opening
# hours for the SLA start, so `leadpop report` gives the same figures on either inbox.
LEADS_SQL = """
WITH firsts AS (
    SELECT DISTINCT ON (lead) lead, coalesce(received_at, ts) AS received_at
    FROM events WHERE type = 'claimed' AND lead IS NOT NULL AND ts IS NOT NULL
    ORDER BY lead, ts, id
), lasts AS (
    SELECT DISTINCT ON (lead) lead, "user" AS owner, branch
    FROM events WHERE type = 'claimed' AND lead IS NOT NULL AND ts IS NOT NULL
    ORDER BY lead, ts DESC, id DESC
), leads AS (
    SELECT f.lead, f.received_at, l.owner, l.branch
    FROM firsts f JOIN lasts l USING (lead)
    WHERE f.received_at >= %(since)s AND f.received_at < %(until)s
), calls AS (
    SELECT e.lead, count(*) AS n,
           bool_or(e.outcome IN ('reached', 'appointment')) AS reached,
           bool_or(e.outcome = 'appointment') AS appointment
    FROM events e JOIN leads USING (lead) WHERE e.type = 'call' AND e.ts IS NOT NULL
    GROUP BY e.lead
), first_calls AS (
    SELECT DISTINCT ON (e.lead) e.lead, e.ts, e.body
    FROM events e JOIN leads USING (lead) WHERE e.type = 'call' AND e.ts IS NOT NULL
    ORDER BY e.lead, e.ts, e.id
)
SELECT l.branch, l.lead, l.owner, l.received_at, fc.ts,
       substring(fc.body FROM '"started": ?"([^"]*)"'),
       coalesce(c.n, 0), coalesce(c.reached, false), coalesce(c.appointment, false),
       EXISTS (SELECT 1 FROM events s WHERE s.type = 'sold' AND s.lead = l.lead)
FROM leads l LEFT JOIN calls c USING (lead) LEFT JOIN first_calls fc USING (lead)
"""


def kpi_leads(conn: Any, since: datetime, until: datetime) -> list[tuple[Any, ...]]:
    """Rows (branch, lead, owner, received_at, first call ts, its `started` text or None,
    attempts, reached, appointment, sold) of the leads that landed in [since, until)."""
    with conn.transaction():
        conn.execute("SET LOCAL work_mem = '32MB'")
        return list(conn.execute(LEADS_SQL, {"since": since, "until": until}).fetchall())
