import { describe, expect, it } from "vitest";
import { multipartBodyProblem, serverActionProblem } from "./server-action-request";

const ID = "7f64b800ecbefe77d99c6c8a06941aeae225b439c3";
const request = (headers: Record<string, string>, method = "POST") => ({
  method,
  headers: new Headers({ host: "fieldgate.example", "next-action": ID, ...headers }),
  knownIds: new Set([ID]),
});

describe("server action requests refused before Next.js", () => {
  it("refuses another site's, a malformed id and an unknown one; lets this site's through", () => {
    expect(serverActionProblem(request({ origin: "https://fieldgate.example" }))).toBeNull();
    expect(serverActionProblem(request({ origin: "https://evil.example" }))).toEqual({
      status: 403,
      reason: "cross-origin server action from https://evil.example",
    });
    expect(serverActionProblem(request({ origin: "null" }))?.status).toBe(403);
    expect(
      serverActionProblem(request({ origin: "https://fieldgate.example", "next-action": "0".repeat(40) })),
    ).toEqual({
      status: 400,
      reason: "malformed server action id",
    });
    expect(serverActionProblem(request({ "next-action": `7f${"0".repeat(40)}` }))?.status).toBe(404);
    // Not a server action: not this check's business.
    expect(serverActionProblem({ method: "GET", headers: new Headers({ origin: "https://evil.example" }) })).toBeNull();
  });

  it("finds a multipart body cut short", () => {
    const type = "multipart/form-data; boundary=----x1";
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(multipartBodyProblem(type, bytes("--x\r\n...\r\n------x1--\r\n"))).toBeNull();
    expect(multipartBodyProblem(type, bytes("garbage"))?.status).toBe(400);
    expect(multipartBodyProblem("text/plain;charset=UTF-8", bytes("[]"))).toBeNull();
  });
});
