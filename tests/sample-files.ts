// Tiny real files for upload tests: the bytes are what a checker sees.
export const PDF_BYTES = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);
export const PNG_BYTES = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);
// A Windows executable's header, as someone might disguise it as a PDF.
export const EXE_BYTES = Uint8Array.from([
  0x4d,
  0x5a,
  0x90,
  0x00,
  0x03,
  0x00,
  0x00,
  0x00,
  0x04,
  0x00,
  0x00,
  0x00,
  0xff,
  0xff,
  0x00,
  0x00,
  ...new Array(64).fill(0),
]);

// A signature as signature_pad draws it: strokes across most of a 300 × 100 pad.
export const SIGNATURE_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100" width="300" height="100"><path d="M 20.000,60.000 C 60.000,10.000 100.000,90.000 150.000,50.000" stroke-width="3.000" stroke="#101828" fill="none" stroke-linecap="round"></path><path d="M 150.000,50.000 C 190.000,20.000 230.000,80.000 280.000,40.000" stroke-width="3.000" stroke="#101828" fill="none" stroke-linecap="round"></path></svg>';
