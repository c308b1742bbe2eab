// SVG from signature_pad: paths only. Anything else (scripts, links, foreign objects) is
// refused. No dependencies: the technician app's bundle checks signatures the same way.
export const MAX_SIGNATURE_SVG = 200_000;

export function isSafeSignatureSvg(svg: string): boolean {
  return (
    svg === "" ||
    (/^<svg[\s>]/.test(svg) && !/<(script|foreignObject|a|image|use|iframe)\b|\bon\w+\s*=|javascript:|href/i.test(svg))
  );
}
