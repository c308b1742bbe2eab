import "server-only";

type TBox = { x: number; y: number; width: number; height: number };

// Draws a signature_pad SVG (paths, dots and lines, checked safe when it was stored) into a box
// of the page, scaled to fit: pdfkit reads SVG path data itself.
export function drawSignature(doc: PDFKit.PDFDocument, svg: string, box: TBox) {
  const viewBox = /viewBox="([\d.\s-]+)"/.exec(svg)?.[1]?.trim().split(/\s+/).map(Number);
  const width = viewBox?.[2] ?? Number(/width="([\d.]+)/.exec(svg)?.[1] ?? box.width);
  const height = viewBox?.[3] ?? Number(/height="([\d.]+)/.exec(svg)?.[1] ?? box.height);
  if (!(width > 0 && height > 0)) return;
  const scale = Math.min((box.width - 8) / width, (box.height - 8) / height);
  doc.save();
  doc.translate(box.x + 4 - (viewBox?.[0] ?? 0) * scale, box.y + 4 - (viewBox?.[1] ?? 0) * scale).scale(scale);
  for (const [, attributes] of svg.matchAll(/<path\b([^>]*)>/g)) {
    const d = /\bd="([^"]+)"/.exec(attributes)?.[1];
    if (!d) continue;
    const fill = /\bfill="([^"]+)"/.exec(attributes)?.[1];
    const stroke = /\bstroke="([^"]+)"/.exec(attributes)?.[1];
    const strokeWidth = Number(/\bstroke-width="([\d.]+)"/.exec(attributes)?.[1] ?? 2);
    doc.path(d);
    if (stroke && stroke !== "none") doc.lineWidth(strokeWidth).strokeColor("#111111").stroke();
    else if (fill !== "none") doc.fillColor("#111111").fill();
  }
  for (const [, attributes] of svg.matchAll(/<circle\b([^>]*)>/g)) {
    const [cx, cy, r] = ["cx", "cy", "r"].map((name) =>
      Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(attributes)?.[1]),
    );
    if ([cx, cy, r].every(Number.isFinite)) doc.circle(cx, cy, r).fillColor("#111111").fill();
  }
  for (const [, attributes] of svg.matchAll(/<line\b([^>]*)>/g)) {
    const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map((name) =>
      Number(new RegExp(`\\b${name}="(-?[\\d.]+)"`).exec(attributes)?.[1]),
    );
    const strokeWidth = Number(/\bstroke-width="([\d.]+)"/.exec(attributes)?.[1] ?? 2);
    if ([x1, y1, x2, y2].every(Number.isFinite))
      doc.moveTo(x1, y1).lineTo(x2, y2).lineWidth(strokeWidth).lineCap("round").strokeColor("#111111").stroke();
  }
  doc.restore();
}
