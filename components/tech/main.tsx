import "@/app/globals.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { readShellUser, TECH_ROOT_ID } from "@/lib/tech-app/shell-user";
import { TechShell } from "./tech-shell";

// The technician app's entry (scripts/build-tech-app.ts bundles it): the page served by
// app/(tech)/tech/route.ts, live or from the service worker's cache, says who is signed in.
const root = document.getElementById(TECH_ROOT_ID);
const user = readShellUser(document);
if (root && user) {
  createRoot(root).render(
    <StrictMode>
      <TechShell userId={user.userId} userName={user.userName} />
    </StrictMode>,
  );
}
