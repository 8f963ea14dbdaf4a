// The correctness check after every phase: what arrived at the receiver against what the service logged.
import { log, sql } from './util.mjs';

/**
 * Compares what arrived at the receiver with what the service logged: every delivery row of the phase, its attempts
 * (delivery_attempt) and the receiver's arrivals for (webhook path, webhook-id). Appends to result.verification.
 */
export async function verify(ctx, label, { acceptedDeliveries, dump, since = null, stopped = false }) {
  const filter = since ? `where d.updated_at >= to_timestamp(${(since / 1000).toFixed(3)})` : '';
  const rows = await sql(ctx.DB, `select substring(w.url from '/h/.*$'), d.message_id, d.status,
        d.lease_until is not null, count(a.id) filter (where a.outcome <> 'deferred'),
        count(a.id) filter (where a.outcome = 'succeeded')
      from delivery d join webhook w on w.id = d.webhook_id left join delivery_attempt a on a.delivery_id = d.id
      ${filter} group by d.id, w.url`);
  const arrivals = new Map();
  for (const k of dump.keys) arrivals.set(k, (arrivals.get(k) || 0) + 1);
  const v = { phase: label, delivery_rows: rows.length, accepted_deliveries: acceptedDeliveries ?? null,
    arrivals: dump.keys.length, distinct_arrived: arrivals.size, succeeded: 0, not_succeeded: 0,
    logged_attempts_sent: 0, exact_matches: 0, duplicate_arrivals: 0, duplicates_logged: 0,
    unlogged_arrivals: 0, logged_success_never_arrived: 0, in_flight_at_stop: 0, unexpected_arrivals: 0,
    examples: [] };
  const seen = new Set();
  for (const [p, msg, status, leased, sent, ok] of rows) {
    const key = `${p} msg_${msg}`;
    seen.add(key);
    const got = arrivals.get(key) || 0;
    const nSent = Number(sent);
    const nOk = Number(ok);
    v.logged_attempts_sent += nSent;
    if (status === 'succeeded') v.succeeded++; else v.not_succeeded++;
    if (got > 1) {
      v.duplicate_arrivals += got - 1;
      if (nSent >= got) v.duplicates_logged += got - 1;
    }
    if (got === nSent) {
      v.exact_matches++;
    } else if (got > nSent) {
      if (stopped && leased === 't') v.in_flight_at_stop += got - nSent;
      else {
        v.unlogged_arrivals += got - nSent;
        if (v.examples.length < 5) v.examples.push({ key, arrivals: got, logged: nSent, status });
      }
    }
    if (nOk > got) {
      v.logged_success_never_arrived += nOk - got;
      if (v.examples.length < 5) v.examples.push({ key, arrivals: got, logged_succeeded: nOk, status });
    }
  }
  for (const [key, n] of arrivals) {
    if (!seen.has(key)) {
      v.unexpected_arrivals += n;
      if (v.examples.length < 5) v.examples.push({ key, arrivals: n, logged: 'no such delivery' });
    }
  }
  const lostAccepted = acceptedDeliveries != null ? Math.max(0, acceptedDeliveries - arrivals.size) : 0;
  v.accepted_not_arrived = lostAccepted;
  v.ok = v.unlogged_arrivals === 0 && v.logged_success_never_arrived === 0 && v.unexpected_arrivals === 0
    && (acceptedDeliveries == null || (acceptedDeliveries === rows.length && lostAccepted === 0
      && v.not_succeeded === 0));
  ctx.result.verification.push(v);
  if (!v.ok) log(`VERIFICATION FAILED in ${label}: ${JSON.stringify(v)}`);
  return v;
}
