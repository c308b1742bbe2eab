import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/pdf-text";
import { pdfBytes } from "./pdf-bytes";
import { PdfWriter } from "./pdf-writer";
import { textRuns } from "./text-runs";

// Names and addresses as clients, contractors and sites write them.
const NAMES = [
  "Serwis Łódź sp. z o.o., ul. Piotrkowska 1",
  "Αθήνα, Ερμού 12 · Москва, Тверская 7",
  "東京オフィス 千代田区丸の内1-1",
  "서울특별시 강남구 테헤란로 152",
  "กรุงเทพมหานคร",
  "महाराष्ट्र",
];

describe("PDF text in any script", () => {
  it("sets each character in a font that has it, a syllable's marks with their base", () => {
    expect(textRuns("Łódź 東京").map((r) => r.font)).toEqual(["body", "cjk"]);
    expect(textRuns("서울").map((r) => r.font)).toEqual(["korean"]);
    expect(textRuns("กรุงเทพ", true).map((r) => r.font)).toEqual(["thaiBold"]);
    expect(textRuns("मुंबई").map((r) => r.font)).toEqual(["body"]);
  });

  it("prints them so they read back as written, in regular and bold", async () => {
    const writer = new PdfWriter({ title: "Scripts", header: "Scripts" });
    for (const name of NAMES) {
      writer.heading(name);
      writer.paragraph(name);
    }
    const text = await pdfText(await pdfBytes(writer.doc));
    for (const name of NAMES) expect(text.split(name).length - 1, name).toBe(2);
  });
});
