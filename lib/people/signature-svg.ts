// SVG from signature_pad: paths, dots and lines only. Anything else (scripts, links,
// foreign objects) is refused. No dependencies: the technician app's bundle checks
// signatures the same way.
export const MAX_SIGNATURE_SVG = 200_000;

export function isSafeSignatureSvg(svg: string): boolean {
  return (
    svg === "" ||
    (/^<svg[\s>]/.test(svg) && !/<(script|foreignObject|a|image|use|iframe)\b|\bon\w+\s*=|javascript:|href/i.test(svg))
  );
}

// A mark smaller than this (in the pad's CSS pixels) across and down is a tap or a slip
// of the finger, not a signature.
export const MIN_SIGNATURE_EXTENT = 24;

export type TInkBounds = { minX: number; minY: number; maxX: number; maxY: number; strokeWidth: number };

const attribute = (tag: string, name: string) => Number(new RegExp(`\\b${name}="(-?[\\d.]+)"`).exec(tag)?.[1]);

// Where the strokes are: every point of every path, dot and line, whatever the SVG's own
// frame says (a pad measured while hidden wrote a 0 × 0 frame around real strokes).
export function signatureInkBounds(svg: string): TInkBounds | null {
  const xs: number[] = [];
  const ys: number[] = [];
  let strokeWidth = 0;
  const add = (x: number, y: number, reach = 0) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    xs.push(x - reach, x + reach);
    ys.push(y - reach, y + reach);
  };
  for (const [tag] of svg.matchAll(/<path\b[^>]*>/g)) {
    const d = /\bd="([^"]+)"/.exec(tag)?.[1] ?? "";
    const numbers = (d.match(/-?\d*\.?\d+(?:e-?\d+)?/gi) ?? []).map(Number);
    for (let i = 0; i + 1 < numbers.length; i += 2) add(numbers[i], numbers[i + 1]);
    strokeWidth = Math.max(strokeWidth, attribute(tag, "stroke-width") || 0);
  }
  for (const [tag] of svg.matchAll(/<circle\b[^>]*>/g))
    add(attribute(tag, "cx"), attribute(tag, "cy"), attribute(tag, "r") || 0);
  for (const [tag] of svg.matchAll(/<line\b[^>]*>/g)) {
    add(attribute(tag, "x1"), attribute(tag, "y1"));
    add(attribute(tag, "x2"), attribute(tag, "y2"));
    strokeWidth = Math.max(strokeWidth, attribute(tag, "stroke-width") || 0);
  }
  if (xs.length === 0) return null;
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys), strokeWidth };
}

// Why a drawn signature cannot be accepted, or null: nothing drawn, or only a dot.
export function drawnSignatureProblem(svg: string): string | null {
  if (svg === "") return "Sign in the box with your finger";
  if (!isSafeSignatureSvg(svg)) return "Draw your signature again";
  const ink = signatureInkBounds(svg);
  if (!ink) return "Sign in the box with your finger";
  if (Math.max(ink.maxX - ink.minX, ink.maxY - ink.minY) < MIN_SIGNATURE_EXTENT)
    return "That is too small to be a signature: sign across the box";
  return null;
}

// The signature framed around its strokes, for showing and printing: the same strokes
// fill whatever box shows them, and a signature stored with an empty frame shows too.
export function framedSignatureSvg(svg: string): string {
  const ink = signatureInkBounds(svg);
  if (!ink) return svg;
  const margin = ink.strokeWidth / 2 + 2;
  const x = ink.minX - margin;
  const y = ink.minY - margin;
  const width = ink.maxX - ink.minX + 2 * margin;
  const height = ink.maxY - ink.minY + 2 * margin;
  const round = (n: number) => Number(n.toFixed(2));
  return svg.replace(/^<svg\b[^>]*>/, (open) => {
    const rest = open
      .replace(/\s(viewBox|width|height)="[^"]*"/g, "")
      .replace(
        /^<svg/,
        `<svg viewBox="${round(x)} ${round(y)} ${round(width)} ${round(height)}" width="${round(width)}" height="${round(height)}"`,
      );
    return rest;
  });
}
