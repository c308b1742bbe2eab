import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordCspReport } from "./record-csp-report";

describe("CSP reports", () => {
  it("are kept without the link secret of the page they came from", async () => {
    const secret = "S".repeat(43);
    const marker = `marker-${Date.now()}`;
    await recordCspReport(
      {
        "csp-report": {
          "document-uri": `http://fg.test/link/${secret}?x=1`,
          "effective-directive": "script-src-elem",
          "blocked-uri": "inline",
          "script-sample": marker,
        },
      },
      { ip: "10.94.0.1", userAgent: "vitest" },
    );
    const stored = await db.cspReport.findFirstOrThrow({ where: { sample: marker } });
    expect(stored.documentUri).toBe("http://fg.test/link/[secret]?x=1");
    expect(JSON.stringify(stored)).not.toContain(secret);
  });

  it("refuse what is not a report", async () => {
    await expect(recordCspReport({ hello: "world" }, { ip: "10.94.0.2", userAgent: null })).rejects.toMatchObject({
      code: "INVALID_INPUT",
    });
  });
});
