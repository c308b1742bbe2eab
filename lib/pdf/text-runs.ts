import "server-only";
import { fontHas, type TPdfFont } from "./fonts";

// Splits text into runs each set in one font: the Latin font where it has the glyph, the
// CJK font where only that one does (PDF fonts do not fall back by themselves).
export function textRuns(text: string, bold = false): { font: TPdfFont; text: string }[] {
  const primary: TPdfFont = bold ? "bold" : "body";
  const fallback: TPdfFont = bold ? "cjkBold" : "cjk";
  const runs: { font: TPdfFont; text: string }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const font = codePoint < 0x250 || fontHas(primary, codePoint) || !fontHas(fallback, codePoint) ? primary : fallback;
    const last = runs[runs.length - 1];
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}
