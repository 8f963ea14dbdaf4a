"""Latency percentiles against offered load, from a benchmark result JSON: python3 plot.py result.json out.png"""
import json
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402


def main(src, dst):
    with open(src) as fh:
        r = json.load(fh)
    points = [p for p in r.get("sweep", []) if p["latency"]["ingest_accepted_to_arrival_ms"].get("count")]
    if not points:
        return
    x = [p["offered_deliveries_per_s"] for p in points]
    achieved = [p["achieved_deliveries_per_s"] for p in points]
    fig, ax = plt.subplots(figsize=(9, 5.5), dpi=110)
    styles = [("p50", "o-"), ("p95", "s-"), ("p99", "^-"), ("max", "x--")]
    for key, style in styles:
        y = [max(0.05, p["latency"]["ingest_accepted_to_arrival_ms"][key]) for p in points]
        ax.plot(x, y, style, label=key)
    ax.axhline(50, color="grey", linestyle=":", linewidth=1)
    ax.text(x[0], 52, "target: p99 < 50 ms at 1 000/s", color="grey", fontsize=8)
    ax.set_yscale("log")
    ax.set_xlabel("offered load (deliveries/s, fan-out 10, open loop)")
    ax.set_ylabel("ingest accepted -> arrival at receiver (ms, log scale)")
    sat = r.get("saturation")
    title = "perscom-webhooks: delivery latency against offered load"
    if sat:
        title += f"\n(saturation, closed loop: {sat['deliveries_per_s']:.0f} deliveries/s)"
        ax.axvline(sat["deliveries_per_s"], color="red", linestyle="--", linewidth=1)
        ax.text(sat["deliveries_per_s"], ax.get_ylim()[0] * 1.3, " saturation", color="red", fontsize=8)
    ax.set_title(title, fontsize=11)
    for xi, ai, p in zip(x, achieved, points):
        if ai < 0.95 * xi:
            ax.annotate(f"achieved {ai:.0f}/s", (xi, p["latency"]["ingest_accepted_to_arrival_ms"]["p99"]),
                        textcoords="offset points", xytext=(-60, 8), fontsize=8)
    m = r.get("machine", {})
    fig.text(0.01, 0.01, f"{m.get('nproc')} cores {m.get('cpu_model')}, {m.get('memory_gib')} GiB; "
             f"{r['meta']['started_at'][:16]} UTC", fontsize=7, color="grey")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend()
    fig.tight_layout(rect=(0, 0.03, 1, 1))
    fig.savefig(dst)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
