import { describe, expect, it } from "vitest";
import { ZLineActSchema } from "./schemas";

const line = "c".repeat(25);
const issues = (form: Record<string, string>) =>
  ZLineActSchema.safeParse(form).error?.issues.map((issue) => [issue.path.join("."), issue.message]);

describe("a line's action from the customer's estimate form", () => {
  it("reads which line and what, with the line's own comment", () => {
    expect(ZLineActSchema.parse({ act: `REJECTED:${line}`, [`comment.${line}`]: "  Too dear  ", token: "t" })).toEqual({
      kind: "decide",
      lineId: line,
      decision: "REJECTED",
      comment: "Too dear",
    });
    expect(ZLineActSchema.parse({ act: `PENDING:${line}`, [`comment.${line}`]: "ignored" })).toMatchObject({
      decision: "PENDING",
      comment: null,
    });
    expect(ZLineActSchema.parse({ act: `COMMENT:${line}`, [`comment.${line}`]: "Is it needed?" })).toEqual({
      kind: "comment",
      lineId: line,
      body: "Is it needed?",
    });
  });

  it("refuses a malformed action, an empty comment and one of 10,000 characters, beside the line's box", () => {
    expect(issues({ act: "DELETE:x" })).toEqual([["act", "Choose approve, reject, clear or comment"]]);
    expect(issues({ act: `COMMENT:${line}`, [`comment.${line}`]: " " })).toEqual([
      [`comment.${line}`, "Write your comment"],
    ]);
    expect(issues({ act: `APPROVED:${line}`, [`comment.${line}`]: "x".repeat(10_000) })).toEqual([
      [`comment.${line}`, "A comment is 2,000 characters at most"],
    ]);
  });
});
