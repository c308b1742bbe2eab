import { describe, expect, it } from "vitest";
import { EXE_BYTES, PDF_BYTES, PNG_BYTES } from "@/tests/sample-files";
import { cleanFilename, inspectUpload } from "./inspect-upload";
import { MAX_UPLOAD_BYTES } from "./upload-limits";

const reason = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e) => e.fieldErrors?.file?.[0] ?? e.message,
  );

describe("upload checks", () => {
  it("accepts files by their bytes, whatever their name says", async () => {
    expect(await inspectUpload(PDF_BYTES, "report.pdf")).toEqual({ contentType: "application/pdf", extension: "pdf" });
    expect(await inspectUpload(PNG_BYTES, "photo.pdf")).toEqual({ contentType: "image/png", extension: "png" });
    expect(await inspectUpload(new TextEncoder().encode("a,b\n1,2\n"), "readings.csv")).toEqual({
      contentType: "text/csv",
      extension: "csv",
    });
  });

  it("refuses executables, unknown binaries, empty and oversized files", async () => {
    expect(await reason(inspectUpload(EXE_BYTES, "invoice.pdf"))).toMatch(/^Upload a PDF/);
    expect(await reason(inspectUpload(Uint8Array.from([1, 2, 3, 0, 5]), "notes.txt"))).toMatch(/^Upload a PDF/);
    expect(await reason(inspectUpload(new TextEncoder().encode("<html>"), "page.html"))).toMatch(/^Upload a PDF/);
    expect(await reason(inspectUpload(new Uint8Array(0), "x.pdf"))).toBe("The file is empty");
    expect(await reason(inspectUpload(new Uint8Array(MAX_UPLOAD_BYTES + 1), "big.pdf"))).toBe(
      "The file is larger than 25 MB. Choose a smaller one.",
    );
  });

  it("cleans file names and puts the checked extension on them", () => {
    expect(cleanFilename("../../etc/passwd", "txt")).toBe("passwd.txt");
    expect(cleanFilename("C:\\Users\\me\\report.final.PDF", "pdf")).toBe("report.final.pdf");
    expect(cleanFilename('rapport "final" été.exe', "pdf")).toBe("rapport _final_ été.pdf");
    expect(cleanFilename("", "png")).toBe("file.png");
  });
});
