// The part of fontkit (pdfkit's font engine) lib/pdf uses: whether a font draws a character.
declare module "fontkit" {
  export function create(buffer: Buffer): { hasGlyphForCodePoint(codePoint: number): boolean };
}
