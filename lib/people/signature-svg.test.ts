import { describe, expect, it } from "vitest";
import { SIGNATURE_SVG } from "@/tests/sample-files";
import { drawnSignatureProblem, framedSignatureSvg, signatureInkBounds } from "./signature-svg";

// A pad measured while hidden (0 × 0) wrote this around strokes the person really drew.
const UNFRAMED =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 0 0" width="0" height="0"><path d="M 20.000,60.000 C 60.000,10.000 100.000,90.000 150.000,50.000" stroke-width="3.000" stroke="#101828" fill="none"></path><circle r="1.5" cx="200" cy="30" fill="#101828"></circle><line x1="210" y1="30" x2="230" y2="80" stroke="#101828" stroke-width="2"></line></svg>';

describe("a drawn signature", () => {
  it("finds the strokes' extent from paths, dots and lines, whatever frame the SVG gives", () => {
    expect(signatureInkBounds(UNFRAMED)).toEqual({ minX: 20, minY: 10, maxX: 230, maxY: 90, strokeWidth: 3 });
    expect(signatureInkBounds('<svg viewBox="0 0 300 100"></svg>')).toBeNull();
  });

  it("frames the strokes for showing and printing, so an unframed signature is visible", () => {
    const framed = framedSignatureSvg(UNFRAMED);
    expect(framed).toMatch(/^<svg viewBox="16.5 6.5 217 87" width="217" height="87" xmlns=/);
    expect(framed).toContain('<path d="M 20.000,60.000');
    expect(framed).not.toContain('viewBox="0 0 0 0"');
  });

  it("is refused when nothing was drawn or only a dot, with a message for the pad", () => {
    expect(drawnSignatureProblem("")).toBe("Sign in the box with your finger");
    expect(drawnSignatureProblem('<svg viewBox="0 0 300 100"></svg>')).toBe("Sign in the box with your finger");
    expect(drawnSignatureProblem('<svg viewBox="0 0 300 100"><circle r="1.5" cx="150" cy="50"></circle></svg>')).toBe(
      "That is too small to be a signature: sign across the box",
    );
    expect(drawnSignatureProblem('<svg onload="alert(1)"><path d="M 0,0 L 100,100"></path></svg>')).toBe(
      "Draw your signature again",
    );
    expect(drawnSignatureProblem(SIGNATURE_SVG)).toBeNull();
    expect(drawnSignatureProblem(UNFRAMED)).toBeNull();
  });
});
