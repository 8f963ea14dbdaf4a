// Statistics over the driver's events (when sent, when accepted) and the receiver's arrivals (when, which delivery).
// Arrival times are on the receiver's clock: clockOffset (receiver minus driver) brings them to the driver's.
import { percentiles } from './util.mjs';

/** Latencies (ms) from ingest accepted (202 received by the driver) to arrival at the receiver. */
export function latencyStats(events, dump, clockOffset, { arrivalWindow = null, schedWindow = null } = {}) {
  const fromAccepted = [];
  const fromSent = [];
  let matched = 0;
  for (let i = 0; i < dump.t.length; i++) {
    const key = dump.keys[i];
    const id = key.slice(key.indexOf(' msg_') + 5);
    const e = events.get(id);
    if (!e) continue;
    const t = dump.t[i] - clockOffset;
    if (arrivalWindow && (t < arrivalWindow[0] || t > arrivalWindow[1])) continue;
    if (schedWindow && (e.sched < schedWindow[0] || e.sched > schedWindow[1])) continue;
    matched++;
    fromAccepted.push(t - e.acc);
    fromSent.push(t - e.sched);
  }
  return { matched, ingest_accepted_to_arrival_ms: percentiles(fromAccepted),
    request_scheduled_to_arrival_ms: percentiles(fromSent) };
}

/** Events accepted (202) within the window, and the ingest response times. */
export function ingestStats(events, window) {
  const times = [];
  let accepted = 0;
  for (const e of events.values()) {
    if (e.status !== 202) continue;
    if (window && (e.acc < window[0] || e.acc > window[1])) continue;
    accepted++;
    times.push(e.acc - e.sent);
  }
  return { accepted, response_ms: percentiles(times) };
}

export function minOf(values) {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
}

export function maxOf(values) {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
}

export function arrivalsIn(dump, clockOffset, [a, b]) {
  let n = 0;
  for (const t of dump.t) if (t - clockOffset >= a && t - clockOffset <= b) n++;
  return n;
}

export function perSecond(dump, clockOffset, t0, seconds) {
  const buckets = new Array(Math.ceil(seconds)).fill(0);
  for (const t of dump.t) {
    const s = Math.floor((t - clockOffset - t0) / 1000);
    if (s >= 0 && s < buckets.length) buckets[s]++;
  }
  return buckets;
}
