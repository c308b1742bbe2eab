"use client";

import { useEffect, useRef, useState } from "react";
import type SignaturePad from "signature_pad";

// A drawn signature (signature_pad) kept as SVG in a hidden input named `name`.
export function SignatureField({
  name,
  initialSvg,
  label,
}: {
  name: string;
  initialSvg?: string | null;
  label: string;
}) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [svg, setSvg] = useState(initialSvg ?? "");

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let pad: SignaturePad | null = null;
    let cancelled = false;
    // Loaded when a signature is first asked for, so pages without one never carry it.
    void import("signature_pad").then(({ default: Pad }) => {
      if (cancelled) return;
      // Match the canvas to its displayed size and the screen's pixel density, or strokes blur.
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      canvas.width = canvas.offsetWidth * ratio;
      canvas.height = canvas.offsetHeight * ratio;
      canvas.getContext("2d")?.scale(ratio, ratio);
      pad = new Pad(canvas, { penColor: "#101828" });
      pad.addEventListener("endStroke", () => setSvg(pad!.toSVG()));
      padRef.current = pad;
      canvas.dataset.ready = "true";
    });
    return () => {
      cancelled = true;
      pad?.off();
    };
  }, []);

  return (
    <div className="field signature-field">
      <span className="label">{label}</span>
      {initialSvg && svg === initialSvg && (
        // eslint-disable-next-line @next/next/no-img-element -- a data: URL of the person's own SVG
        <img
          className="signature-current"
          alt="Current signature"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(initialSvg)}`}
        />
      )}
      <canvas
        ref={canvasRef}
        className="signature-canvas"
        aria-label={`${label}: draw here`}
        data-testid="signature-canvas"
      />
      <input type="hidden" name={name} value={svg} />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          padRef.current?.clear();
          setSvg("");
        }}
      >
        Clear signature
      </button>
    </div>
  );
}
