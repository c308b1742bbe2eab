"use client";
import { createContext } from "react";

// Lets a form inside a dialog close it once its action succeeds.
export const DialogContext = createContext<{ close: () => void } | null>(null);
