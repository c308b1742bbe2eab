import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { create } from "fontkit";

// The fonts every PDF is set in: Noto Sans (Latin, Greek, Cyrillic, Devanagari: "Łódź",
// "मुंबई") and, for what it lacks, the Noto Sans of each further script: Japanese (kana
// and the CJK ideographs: "東京"), Korean (Hangul: "서울") and Thai. Read from the
// installed packages (OFL), so a fresh machine prints the same without system fonts.
const FILES = {
  body: "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf",
  bold: "@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf",
  cjk: "@expo-google-fonts/noto-sans-jp/400Regular/NotoSansJP_400Regular.ttf",
  cjkBold: "@expo-google-fonts/noto-sans-jp/700Bold/NotoSansJP_700Bold.ttf",
  korean: "@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf",
  koreanBold: "@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf",
  thai: "@expo-google-fonts/noto-sans-thai/400Regular/NotoSansThai_400Regular.ttf",
  thaiBold: "@expo-google-fonts/noto-sans-thai/700Bold/NotoSansThai_700Bold.ttf",
} as const;

// The order fonts are tried in for a character, regular and bold.
export const FONT_CHAIN = {
  regular: ["body", "cjk", "korean", "thai"],
  bold: ["bold", "cjkBold", "koreanBold", "thaiBold"],
} as const satisfies Record<string, readonly (keyof typeof FILES)[]>;

export type TPdfFont = keyof typeof FILES;

const buffers = new Map<TPdfFont, Buffer>();
const coverage = new Map<TPdfFont, { hasGlyphForCodePoint(codePoint: number): boolean }>();

export function fontBytes(font: TPdfFont): Buffer {
  let bytes = buffers.get(font);
  if (!bytes) {
    bytes = readFileSync(path.join(process.cwd(), "node_modules", FILES[font]));
    buffers.set(font, bytes);
  }
  return bytes;
}

// Whether `font` draws this character, read once per process from the font's tables.
export function fontHas(font: TPdfFont, codePoint: number): boolean {
  let font_ = coverage.get(font);
  if (!font_) {
    font_ = create(fontBytes(font));
    coverage.set(font, font_);
  }
  return font_.hasGlyphForCodePoint(codePoint);
}
