import { describe, expect, it } from "vitest";
import { techShellDocument } from "./shell-document";
import { readShellUser, serializeShellUser, TECH_USER_SCRIPT_ID } from "./shell-user";

const bundle = { scripts: ["/tech-app/tech-app-ABC.js"], styles: ["/tech-app/tech-app-DEF.css"], files: [] };

// The page's JSON read back the way the app does, from the element the document holds.
function userFrom(html: string) {
  const match = new RegExp(`<script id="${TECH_USER_SCRIPT_ID}" type="application/json">([\\s\\S]*?)</script>`).exec(
    html,
  );
  return readShellUser({ getElementById: () => (match ? ({ textContent: match[1] } as HTMLElement) : null) });
}

describe("the technician app's page", () => {
  it("loads the bundle's script as a module and its stylesheet, with the app's manifest and colours", () => {
    const html = techShellDocument(bundle, { userId: "u1", userName: "Terry" });
    expect(html).toContain('<script type="module" src="/tech-app/tech-app-ABC.js"></script>');
    expect(html).toContain('<link rel="stylesheet" href="/tech-app/tech-app-DEF.css">');
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    expect(html).toContain('<meta name="theme-color" content="#101828">');
    expect(userFrom(html)).toEqual({ userId: "u1", userName: "Terry" });
  });

  it("keeps a name that looks like markup inside its JSON, and gives it back unchanged", () => {
    const userName = `</script><script>alert("x")</script> O'Brien & Sons \u2028`;
    const html = techShellDocument(bundle, { userId: "u2", userName });
    expect(html).not.toContain("<script>alert");
    expect(html.match(/<\/script>/g)).toHaveLength(2);
    expect(userFrom(html)).toEqual({ userId: "u2", userName });
  });
});

describe("reading who the page was served to", () => {
  const read = (text: string | null) =>
    readShellUser({ getElementById: () => (text === null ? null : ({ textContent: text } as HTMLElement)) });

  it("gives nothing for a missing, malformed or incomplete entry", () => {
    expect(read(null)).toBeNull();
    expect(read("")).toBeNull();
    expect(read("{not json")).toBeNull();
    expect(read('{"userId":"u1"}')).toBeNull();
    expect(read('{"userId":1,"userName":"x"}')).toBeNull();
  });

  it("round-trips what the server wrote", () => {
    expect(read(serializeShellUser({ userId: "u3", userName: "Zoë" }))).toEqual({ userId: "u3", userName: "Zoë" });
  });
});
