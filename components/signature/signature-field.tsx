"use client";

import { useEffect, useId, useRef, useState } from "react";
import type SignaturePad from "signature_pad";
import { drawnSignatureProblem } from "@/lib/people/signature-svg";

type TPointGroups = ReturnType<SignaturePad["toData"]>;

// The strokes drawn at one size, placed on a pad of another (a phone turned sideways, a
// pad first measured when its step opened): scaled evenly so the signature keeps its shape.
function rescale(groups: TPointGroups, factor: number): TPointGroups {
  if (factor === 1) return groups;
  return groups.map((group) => ({
    ...group,
    points: group.points.map((point) => ({ ...point, x: point.x * factor, y: point.y * factor })),
  }));
}

// A drawn signature (signature_pad) kept as SVG in a hidden input named `name`; with
// `allowTyped`, someone who cannot draw types their name instead (`${name}Typed`), and it
// is recorded as typed. The pad measures itself whenever its size changes, including the
// moment a hidden step that holds it is shown: a pad measured while hidden is 0 × 0, and
// strokes drawn on it are invisible.
export function SignatureField({
  name,
  initialSvg,
  label,
  allowTyped = false,
  error,
  onChange,
}: {
  name: string;
  initialSvg?: string | null;
  label: string;
  allowTyped?: boolean;
  // A message from the form (shown until the signature changes).
  error?: string;
  onChange?: () => void;
}) {
  const id = useId();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const [svg, setSvg] = useState(initialSvg ?? "");
  const [problem, setProblem] = useState("");
  const [typing, setTyping] = useState(false);
  const [typedName, setTypedName] = useState("");
  // Read by the pad's listeners, which are set up once.
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let pad: SignaturePad | null = null;
    let cancelled = false;
    let observer: ResizeObserver | null = null;
    // The size (CSS pixels) the strokes now on the pad were drawn or placed at.
    let drawnAt: { width: number; height: number } | null = null;

    const fit = () => {
      const width = canvas.offsetWidth;
      const height = canvas.offsetHeight;
      if (!pad || width === 0 || height === 0) return; // hidden: measured again when shown
      const ratio = Math.max(window.devicePixelRatio || 1, 1);
      const backing = { width: Math.round(width * ratio), height: Math.round(height * ratio) };
      if (canvas.width === backing.width && canvas.height === backing.height && drawnAt) return;
      const strokes = pad.toData();
      // Match the canvas to its displayed size and the screen's pixel density, or strokes blur.
      canvas.width = backing.width;
      canvas.height = backing.height;
      canvas.getContext("2d")?.scale(ratio, ratio);
      pad.clear();
      if (strokes.length && drawnAt)
        pad.fromData(rescale(strokes, Math.min(width / drawnAt.width, height / drawnAt.height)));
      drawnAt = { width, height };
      canvas.dataset.ready = "true";
      if (!pad.isEmpty()) setSvg(pad.toSVG());
    };

    // Loaded when a signature is first asked for, so pages without one never carry it.
    void import("signature_pad").then(({ default: Pad }) => {
      if (cancelled) return;
      pad = new Pad(canvas, { penColor: "#101828" });
      pad.addEventListener("endStroke", () => {
        const drawn = pad!.toSVG();
        setSvg(drawn);
        // Said as soon as the finger lifts, so a dot is redrawn before anything is submitted.
        setProblem(drawnSignatureProblem(drawn) ?? "");
        changed.current?.();
      });
      padRef.current = pad;
      fit();
      observer = new ResizeObserver(fit);
      observer.observe(canvas);
    });
    return () => {
      cancelled = true;
      observer?.disconnect();
      pad?.off();
    };
  }, []);

  const shownError = error || problem;
  const errorId = `${id}-error`;
  return (
    <div className={shownError ? "field signature-field field-invalid" : "field signature-field"}>
      <span className="label" id={`${id}-label`}>
        {label}
      </span>
      {initialSvg && svg === initialSvg && (
        // eslint-disable-next-line @next/next/no-img-element -- a data: URL of the person's own SVG
        <img
          className="signature-current"
          alt="Current signature"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(initialSvg)}`}
        />
      )}
      <div hidden={typing}>
        <canvas
          ref={canvasRef}
          className="signature-canvas"
          aria-label={`${label}: draw here`}
          aria-describedby={shownError ? errorId : undefined}
          data-testid="signature-canvas"
        />
      </div>
      {typing && (
        <input
          aria-labelledby={`${id}-label`}
          aria-describedby={shownError ? errorId : undefined}
          className="signature-typed-input"
          autoComplete="name"
          placeholder="Type your full name"
          value={typedName}
          onChange={(event) => {
            setTypedName(event.target.value);
            onChange?.();
          }}
          data-testid="typed-signature"
        />
      )}
      {shownError && (
        <small className="field-error" id={errorId} role="alert">
          {shownError}
        </small>
      )}
      <input type="hidden" name={name} value={typing ? "" : svg} />
      {allowTyped && <input type="hidden" name={`${name}Typed`} value={typing ? typedName : ""} />}
      <div className="button-row">
        {!typing && (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              padRef.current?.clear();
              setSvg("");
              setProblem("");
              onChange?.();
            }}
          >
            Clear signature
          </button>
        )}
        {allowTyped && (
          <label className="checkbox signature-typed-choice">
            <input
              type="checkbox"
              checked={typing}
              onChange={(event) => {
                setTyping(event.target.checked);
                onChange?.();
              }}
            />{" "}
            I sign by typing my name
          </label>
        )}
      </div>
    </div>
  );
}
