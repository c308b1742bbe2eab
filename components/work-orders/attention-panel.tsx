import Link from "next/link";
import type { TAttentionCount } from "@/lib/work-orders/count-attention";

// The staff home's first view: what needs a decision now, with counts, each a link to the
// list filtered to it.
export function AttentionPanel({ groups, current }: { groups: TAttentionCount[]; current?: string }) {
  return (
    <section className="attention-panel" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention</h2>
      <ul>
        {groups.map((group) => (
          <li key={group.key} className={group.matches ? "attention-item attention-due" : "attention-item"}>
            <Link href={group.href} aria-current={current === group.key ? "true" : undefined}>
              <strong>
                {group.matches.toLocaleString("en-GB")}
                {group.more && "+"}
              </strong>
              <span>{group.label}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
