"use client";
import { useEffect, useSyncExternalStore } from "react";

// Short confirmations for an action whose form is gone once it succeeds (a task accepted,
// a work order archived): shown in one polite live region, each for a few seconds.
type TToast = { id: number; message: string };
const SHOWN_MS = 6_000;
let toasts: TToast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((listener) => listener());

export function showToast(message: string) {
  toasts = [...toasts, { id: nextId++, message }];
  emit();
}

function dismiss(id: number) {
  toasts = toasts.filter((toast) => toast.id !== id);
  emit();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
const noToasts: TToast[] = [];

function Toast({ toast }: { toast: TToast }) {
  useEffect(() => {
    const timer = setTimeout(() => dismiss(toast.id), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [toast.id]);
  return (
    <div className="toast">
      <span>{toast.message}</span>
      <button type="button" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
        ×
      </button>
    </div>
  );
}

export function ToastRegion() {
  const shown = useSyncExternalStore(
    subscribe,
    () => toasts,
    () => noToasts,
  );
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {shown.map((toast) => (
        <Toast key={toast.id} toast={toast} />
      ))}
    </div>
  );
}
