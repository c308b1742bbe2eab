import { describe, expect, it } from "vitest";
import { fillLinkSecrets, linkPlaceholders, sealLinkSecrets, takeLinkSecrets, unsealLinkSecrets } from "./link-secrets";

const a = "A".repeat(42) + "1";
const b = "b".repeat(42) + "-";

describe("link secrets in emails", () => {
  it("takes every sign-in and portal link secret out of both bodies, once each", () => {
    const html = `<a href="https://fg.example/link/${a}">Sign in</a> or paste https://fg.example/link/${a} · <a href="https://fg.example/l/${b}">view</a>`;
    const text = `Sign in: https://fg.example/link/${a}\nView: https://fg.example/l/${b}\nTasks: https://fg.example/desk/tasks/c123`;
    const taken = takeLinkSecrets({ html, text });
    expect(taken.secrets).toEqual([a, b]);
    expect(taken.html).not.toContain(a);
    expect(taken.text).not.toContain(b);
    expect(taken.text).toBe(
      "Sign in: https://fg.example/link/{{fieldgate-link-0}}\nView: https://fg.example/l/{{fieldgate-link-1}}\nTasks: https://fg.example/desk/tasks/c123",
    );
    expect(linkPlaceholders(taken.html)).toEqual([0, 0, 1]);
    expect(fillLinkSecrets(taken.html, (i) => taken.secrets[i])).toBe(html);
    expect(fillLinkSecrets(taken.text, () => "hidden")).toContain("https://fg.example/link/hidden");
  });

  it("leaves a body without secret links as it is", () => {
    const taken = takeLinkSecrets({ html: "<p>Hello https://fg.example/link/short</p>", text: "Hello" });
    expect(taken).toEqual({ html: "<p>Hello https://fg.example/link/short</p>", text: "Hello", secrets: [] });
    expect(sealLinkSecrets([])).toBeNull();
    expect(unsealLinkSecrets(null)).toEqual([]);
  });

  it("seals the secrets so the stored value does not show them", () => {
    const sealed = sealLinkSecrets([a, b])!;
    expect(sealed).not.toContain(a);
    expect(unsealLinkSecrets(sealed)).toEqual([a, b]);
  });
});
