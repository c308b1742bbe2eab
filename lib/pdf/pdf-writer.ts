import "server-only";
import PDFDocument from "pdfkit";
import { drawSignature } from "./draw-signature";
import { fontBytes, type TPdfFont } from "./fonts";
import { textRuns } from "./text-runs";

const MARGIN = 50;
const GREY = "#555555";
const TABLE_TEXT = 9;
const CELL_PADDING = 6;
// A text column keeps at least this much (points) when figures need room.
const MIN_TEXT_COLUMN = 90;

export type TColumn = { label: string; width: number; align?: "left" | "right" };

// The one way Fieldgate lays out a PDF: A4, Noto Sans (with CJK where needed), a running
// header naming the document, and the few blocks every document is made of (headings,
// paragraphs, label/value lists, tables, photos, signatures), breaking pages as needed.
// The document streams out as it is written (photos are never all held at once).
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  private pageCount = 1;
  // Fonts are registered when first used: most documents need one or two of the chain.
  private readonly registered = new Set<TPdfFont>();

  constructor(meta: { title: string; header: string; author?: string }) {
    this.doc = new PDFDocument({
      size: "A4",
      margin: MARGIN,
      info: { Title: meta.title, Author: meta.author ?? "Fieldgate", Creator: "Fieldgate" },
      // A fixed creation date would make two packs identical; the real one is recorded.
      compress: true,
    });
    this.doc.on("pageAdded", () => {
      this.pageCount += 1;
      this.runningHeader(meta.header);
    });
    this.runningHeader(meta.header);
  }

  get pages() {
    return this.pageCount;
  }

  private get width() {
    return this.doc.page.width - MARGIN * 2;
  }

  private runningHeader(text: string) {
    const { doc } = this;
    const y = doc.y;
    this.write(`${text} · page ${this.pageCount}`, { size: 8, color: GREY, x: MARGIN, y: 24 });
    doc.y = Math.max(y, MARGIN);
    doc.x = MARGIN;
  }

  // Text in runs of the font that draws it; `continued` keeps one paragraph.
  private write(
    text: string,
    options: {
      size?: number;
      bold?: boolean;
      color?: string;
      x?: number;
      y?: number;
      width?: number;
      align?: "left" | "right";
    } = {},
  ) {
    const { doc } = this;
    const runs = textRuns(text === "" ? " " : text, options.bold);
    doc.fontSize(options.size ?? 10).fillColor(options.color ?? "#111111");
    runs.forEach((run, index) => {
      doc.font(this.use(run.font));
      const last = index === runs.length - 1;
      const layout = { width: options.width ?? this.width, align: options.align, continued: !last };
      if (index === 0 && options.x !== undefined) doc.text(run.text, options.x, options.y ?? doc.y, layout);
      else doc.text(run.text, layout);
    });
  }

  // Starts a new page unless `height` points still fit on this one.
  ensureSpace(height: number) {
    if (this.doc.y + height > this.doc.page.height - MARGIN) this.doc.addPage();
  }

  title(text: string, subtitle?: string) {
    this.write(text, { size: 18, bold: true });
    if (subtitle) this.write(subtitle, { size: 10, color: GREY });
    this.doc.moveDown(0.8);
  }

  heading(text: string) {
    this.ensureSpace(60);
    this.doc.moveDown(0.6);
    this.write(text, { size: 13, bold: true });
    this.doc.moveDown(0.3);
  }

  paragraph(text: string, options: { color?: string; size?: number } = {}) {
    this.ensureSpace(24);
    this.write(text, { size: options.size ?? 10, color: options.color });
    this.doc.moveDown(0.3);
  }

  muted(text: string) {
    this.paragraph(text, { color: GREY, size: 9 });
  }

  // Label and value pairs, the label in a narrow column.
  fields(pairs: [string, string | null | undefined][]) {
    const labelWidth = 130;
    for (const [label, value] of pairs) {
      const text = value?.trim() ? value : "—";
      const height = Math.max(this.measure(text, this.width - labelWidth), 14);
      this.ensureSpace(height + 4);
      const y = this.doc.y;
      this.write(label, { size: 9, color: GREY, x: MARGIN, y, width: labelWidth - 8 });
      this.write(text, { size: 10, x: MARGIN + labelWidth, y, width: this.width - labelWidth });
      this.doc.y = Math.max(this.doc.y, y + height) + 3;
      this.doc.x = MARGIN;
    }
    this.doc.moveDown(0.3);
  }

  // A table; column widths are fractions of the page width. Rows that do not fit move to
  // the next page with the header repeated.
  table(columns: TColumn[], rows: string[][], options: { footer?: string[][] } = {}) {
    const widths = this.fitFigures(columns, [
      [columns.map((c) => c.label), true],
      ...rows.map((row): [string[], boolean] => [row, false]),
      ...(options.footer ?? []).map((row): [string[], boolean] => [row, true]),
    ]);
    // A figure that still does not fit its column is set smaller, never wrapped.
    const sizeOf = (cell: string, i: number, bold: boolean) =>
      columns[i].align === "right"
        ? Math.min(TABLE_TEXT, (TABLE_TEXT * (widths[i] - CELL_PADDING)) / Math.max(this.textWidth(cell, bold), 1))
        : TABLE_TEXT;
    const drawRow = (cells: string[], bold: boolean) => {
      const height =
        Math.max(
          ...cells.map((cell, i) =>
            columns[i].align === "right" ? 12 : this.measure(cell, widths[i] - CELL_PADDING, bold ? "bold" : "body"),
          ),
        ) + 6;
      if (this.doc.y + height > this.doc.page.height - MARGIN) {
        this.doc.addPage();
        drawHeader();
      }
      const y = this.doc.y;
      let x = MARGIN;
      cells.forEach((cell, i) => {
        const size = sizeOf(cell, i, bold);
        const width = widths[i] - CELL_PADDING;
        this.write(cell, {
          size,
          bold,
          x,
          y: y + 3,
          width: columns[i].align === "right" ? width + 1 : width,
          align: columns[i].align,
        });
        x += widths[i];
      });
      this.doc.y = y + height;
      this.doc
        .moveTo(MARGIN, this.doc.y)
        .lineTo(MARGIN + this.width, this.doc.y)
        .lineWidth(0.5)
        .strokeColor("#cccccc")
        .stroke();
      this.doc.x = MARGIN;
    };
    const drawHeader = () =>
      drawRow(
        columns.map((c) => c.label),
        true,
      );
    this.ensureSpace(40);
    drawHeader();
    for (const row of rows) drawRow(row, false);
    for (const row of options.footer ?? []) drawRow(row, true);
    this.doc.moveDown(0.5);
  }

  // A photo (JPEG or PNG bytes) fitted in a box, with its caption under it.
  image(bytes: Uint8Array, caption: string, box = { width: 240, height: 180 }) {
    this.ensureSpace(box.height + 30);
    const y = this.doc.y;
    this.doc.image(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), MARGIN, y, {
      fit: [box.width, box.height],
    });
    this.doc.y = y + box.height + 4;
    this.write(caption, { size: 8, color: GREY, x: MARGIN, y: this.doc.y, width: box.width });
    this.doc.moveDown(0.6);
  }

  signature(svg: string, caption: string) {
    const box = { width: 220, height: 80 };
    this.ensureSpace(box.height + 30);
    const y = this.doc.y;
    this.doc.rect(MARGIN, y, box.width, box.height).lineWidth(0.5).strokeColor("#999999").stroke();
    drawSignature(this.doc, svg, { x: MARGIN, y, ...box });
    this.doc.y = y + box.height + 4;
    this.write(caption, { size: 8, color: GREY, x: MARGIN, y: this.doc.y });
    this.doc.moveDown(0.6);
  }

  // An empty box to sign by hand, with what to write beside it: the signature block of a
  // document that still awaits its signer.
  signatureBlock(caption: string) {
    const box = { width: 220, height: 80 };
    this.ensureSpace(box.height + 60);
    const y = this.doc.y;
    this.doc.rect(MARGIN, y, box.width, box.height).lineWidth(0.5).strokeColor("#999999").stroke();
    this.write("Signature", { size: 8, color: GREY, x: MARGIN + 6, y: y + 6 });
    this.doc.y = y + box.height + 4;
    this.write("Full name: ______________________________    Date: ______________", { size: 9, x: MARGIN });
    this.write(caption, { size: 8, color: GREY, x: MARGIN });
    this.doc.moveDown(0.6);
  }

  // A signature typed instead of drawn: the typed name in the signature's box, so it
  // reads as what it is.
  typedSignature(name: string, caption: string) {
    const box = { width: 220, height: 80 };
    this.ensureSpace(box.height + 30);
    const y = this.doc.y;
    this.doc.rect(MARGIN, y, box.width, box.height).lineWidth(0.5).strokeColor("#999999").stroke();
    this.write(name, { size: 16, x: MARGIN + 10, y: y + box.height / 2 - 10, width: box.width - 20 });
    this.doc.y = y + box.height + 4;
    this.write(caption, { size: 8, color: GREY, x: MARGIN, y: this.doc.y });
    this.doc.moveDown(0.6);
  }

  private use(font: TPdfFont): TPdfFont {
    if (!this.registered.has(font)) {
      this.doc.registerFont(font, fontBytes(font));
      this.registered.add(font);
    }
    return font;
  }

  // Figures (right-aligned columns) never wrap: each such column is widened to its widest
  // cell, the room taken from the widest text column ("£1,199,999,998.80", not "…998.8"
  // with its "0" on the next line).
  private fitFigures(columns: TColumn[], rows: [string[], boolean][]): number[] {
    const widths = columns.map((c) => c.width * this.width);
    const textColumns = columns.map((c, i) => (c.align === "right" ? -1 : i)).filter((i) => i >= 0);
    columns.forEach((column, i) => {
      if (column.align !== "right") return;
      const need = Math.max(...rows.map(([cells, bold]) => this.textWidth(cells[i] ?? "", bold))) + CELL_PADDING + 1;
      const donor = textColumns.reduce((widest, j) => (widths[j] > widths[widest] ? j : widest), textColumns[0]);
      if (need <= widths[i] || donor === undefined) return;
      const take = Math.min(need - widths[i], Math.max(0, widths[donor] - MIN_TEXT_COLUMN));
      widths[donor] -= take;
      widths[i] += take;
    });
    return widths;
  }

  private textWidth(text: string, bold: boolean) {
    return this.doc
      .font(this.use(bold ? "bold" : "body"))
      .fontSize(TABLE_TEXT)
      .widthOfString(text);
  }

  private measure(text: string, width: number, font: TPdfFont = "body") {
    this.doc.font(this.use(font)).fontSize(9);
    return this.doc.heightOfString(text || " ", { width });
  }
}
