import Link from "next/link";
import type { TAttention } from "@/lib/work-orders/attention";

export type TAttentionCount = { needs: TAttention; label: string; matches: number; more: boolean };

// The staff home's first view: what needs attention now, with counts, each a link to the
// list filtered to it.
export function AttentionPanel({ groups, current }: { groups: TAttentionCount[]; current?: TAttention }) {
  return (
    <section className="attention-panel" aria-labelledby="attention-heading">
      <h2 id="attention-heading">Needs attention</h2>
      <ul>
        {groups.map((group) => (
          <li key={group.needs} className={group.matches ? "attention-item attention-due" : "attention-item"}>
            <Link href={`/staff?needs=${group.needs}`} aria-current={current === group.needs ? "true" : undefined}>
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
