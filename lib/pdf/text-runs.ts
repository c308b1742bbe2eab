import "server-only";
import { FONT_CHAIN, fontHas, type TPdfFont } from "./fonts";

// Splits text into runs each set in one font: the first font of the chain that has the
// character (PDF fonts do not fall back by themselves). A combining mark stays in its base
// character's font when that font has it, so a Thai or Devanagari syllable is shaped whole.
export function textRuns(text: string, bold = false): { font: TPdfFont; text: string }[] {
  const chain: readonly TPdfFont[] = FONT_CHAIN[bold ? "bold" : "regular"];
  const runs: { font: TPdfFont; text: string }[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0)!;
    const last = runs[runs.length - 1];
    const font =
      codePoint < 0x250
        ? chain[0]
        : last && /\p{M}/u.test(char) && fontHas(last.font, codePoint)
          ? last.font
          : (chain.find((candidate) => fontHas(candidate, codePoint)) ?? chain[0]);
    if (last?.font === font) last.text += char;
    else runs.push({ font, text: char });
  }
  return runs;
}
