import { describe, expect, it } from "vitest";
import { pdfText } from "@/tests/pdf-text";
import { pdfBytes } from "./pdf-bytes";
import { PdfWriter } from "./pdf-writer";

describe("tables in PDFs", () => {
  it("keep each figure on one line, however large, taking the room from the text column", async () => {
    const pdf = new PdfWriter({ title: "Invoice", header: "Invoice" });
    pdf.table(
      [
        { label: "#", width: 0.05 },
        { label: "Description", width: 0.41 },
        { label: "Quantity", width: 0.14, align: "right" },
        { label: "Unit price", width: 0.14, align: "right" },
        { label: "Tax", width: 0.1, align: "right" },
        { label: "Net", width: 0.16, align: "right" },
      ],
      [["1", "Replacement of the whole heating plant", "1,000,000 each", "£999,999.99", "20 %", "£999,999,990,000.00"]],
      { footer: [["", "Total with tax", "", "", "", "£1,199,999,998,800.00"]] },
    );
    const lines = (await pdfText(await pdfBytes(pdf.doc))).split("\n");
    for (const figure of ["£999,999,990,000.00", "£1,199,999,998,800.00", "1,000,000 each", "£999,999.99"])
      expect(
        lines.some((line) => line.includes(figure)),
        figure,
      ).toBe(true);
  });
});
