import { describe, expect, it } from "vitest";
import { accreditationStanding } from "./accreditation-status";

const now = new Date("2026-06-01T00:00:00Z");

describe("accreditation standing", () => {
  it("calls an accreditation expiring from 30 days before its expiry, and expired from its expiry", () => {
    const day = 86_400_000;
    expect(accreditationStanding(new Date(now.getTime() + 31 * day), now)).toBe("valid");
    expect(accreditationStanding(new Date(now.getTime() + 30 * day), now)).toBe("expiring");
    expect(accreditationStanding(new Date(now.getTime() + 1), now)).toBe("expiring");
    expect(accreditationStanding(now, now)).toBe("expired");
    expect(accreditationStanding(new Date(now.getTime() - day), now)).toBe("expired");
  });
});
